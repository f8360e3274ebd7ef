import type { SealVerification } from '../api/types';
import type { MessageKey } from '../i18n/catalogues';
import { CATALOGUES } from '../i18n/catalogues';

type ReasonCode = NonNullable<SealVerification['reasonCode']>;

/** The reason codes e-signature's verification answers with (`SealVerification.Finding`, from its API document). */
export const REASON_CODES = [
  'VALID', 'NO_SEAL', 'MORE_THAN_ONE_SEAL', 'TERMS_DO_NOT_MATCH', 'UNREADABLE', 'CHANGED_AFTER_SEALING', 'TAMPERED',
  'NOT_THE_COMMISSIONS_SEAL', 'BROKEN_TIMESTAMP',
] as const satisfies readonly ReasonCode[];

/** A code the API document lists and REASON_CODES does not fails the type check here. */
type Unlisted = Exclude<ReasonCode, (typeof REASON_CODES)[number]>;
export const EVERY_REASON_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * The catalogue key that says verification's reason in the reader's language; null for a code this portal does not
 * know (a newer service), when the service's English reason is shown instead.
 */
export function reasonKey(reasonCode: string | null | undefined): MessageKey | null {
  const key = `contract.verify.reason.${reasonCode}`;
  return reasonCode && key in CATALOGUES.en ? (key as MessageKey) : null;
}
