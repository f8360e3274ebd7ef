import { ApiError } from '../api/problem';

/** e-signature mails `<portal>/sign#token=<token>`: the token is base64url, 256 bits (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The path of the signing page; the mailed links point here. */
export const SIGNING_PATH = '/sign';

/** How long a signer waits before asking for another code (e-signature allows a few per link). */
export const RESEND_WAIT_SECONDS = 30;

/** The reasons a signer may give for declining, as e-signature names them. */
export const DECLINE_CATEGORIES = ['TERMS', 'SIGNATORY', 'TIMING', 'OTHER'] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number];

/** The signing link's token from the page's fragment (`#token=…`); null when there is none or it cannot be one. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token !== null && TOKEN.test(token) ? token : null;
}

/** A one-time code as the signer types it: digits only (spaces and dashes dropped), six of them. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function isCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** Whole seconds until a new code may be asked for, never negative. */
export function secondsUntilResend(sentAt: number, now: number, waitSeconds = RESEND_WAIT_SECONDS): number {
  return Math.max(0, Math.ceil((sentAt + waitSeconds * 1000 - now) / 1000));
}

/** Where a signature or decline leaves the signer, from the envelope status e-signature answers. */
export type Outcome = 'waiting' | 'executed' | 'declined';

export function outcomeOf(status: string | undefined): Outcome {
  switch (status) {
    case 'SEALING': // every signature is in; the commission's seal follows off the request path
    case 'EXECUTED':
      return 'executed';
    case 'DECLINED':
      return 'declined';
    default:
      return 'waiting';
  }
}

/**
 * What a failed call means for the signer. e-signature answers every unusable link (used, expired,
 * locked, out of turn, forged) with the same 404 and never says which; a wrong or expired code is 403.
 */
export type Failure = 'link' | 'code' | 'fields' | 'other';

export function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError)) {
    return 'other';
  }
  switch (error.status) {
    case 404:
      return 'link';
    case 403:
      return 'code';
    case 400:
      return 'fields';
    default:
      return 'other';
  }
}

/**
 * A link this browser already used, remembered by a hash of its token (never the token), so that opening
 * it again says "already used" and what happened rather than only "cannot be used".
 */
export interface UsedLink {
  outcome: Outcome;
  at: string;
}

const USED_PREFIX = 'investflow.signing.used.';

export async function linkKey(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return USED_PREFIX + [...new Uint8Array(digest)].slice(0, 16).map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function parseUsedLink(stored: string | null): UsedLink | null {
  if (!stored) {
    return null;
  }
  try {
    const value = JSON.parse(stored) as Partial<UsedLink>;
    return value.outcome && ['waiting', 'executed', 'declined'].includes(value.outcome) && typeof value.at === 'string'
      ? { outcome: value.outcome, at: value.at } : null;
  } catch {
    return null;
  }
}
