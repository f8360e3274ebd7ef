import type { IntentionDetails, IntentionView, Officer, PendingApproval, RejectionReason, SessionView } from '../api/types';

/** What an officer may decide on an intention in this status (intake still decides whether this officer may). */
export type OfficerDecision = 'accept' | 'requestInformation' | 'reject';

/**
 * The decisions intake's lifecycle allows from the intention's status: in review all three; while
 * information is requested only rejection (the investor's answer puts it back in review); none once decided.
 */
export function officerDecisions(status: IntentionView['status']): OfficerDecision[] {
  switch (status) {
    case 'IN_REVIEW':
      return ['accept', 'requestInformation', 'reject'];
    case 'INFORMATION_REQUESTED':
      return ['reject'];
    default:
      return [];
  }
}

/** An intention still waiting for its first decision: a leader may hand it to another officer. */
export function mayReassign(status: IntentionView['status']): boolean {
  return status === 'IN_REVIEW' || status === 'INFORMATION_REQUESTED';
}

/** The officers a case may go to: intake's, but the one it is assigned to, by id, each with the industries they cover. */
export function reassignmentChoices(officers: Officer[], assigned: string | undefined): { id: string; industries: string[] }[] {
  return officers.filter((officer) => officer.id && officer.id !== assigned)
    .map((officer) => ({ id: officer.id!, industries: officer.industries ?? [] }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The reasons an officer picks from; NEGATIVE_LIST is screening's alone (set at submission). */
export const REJECTION_REASONS: readonly RejectionReason[] = [
  'INCOMPLETE_INFORMATION', 'NOT_PLAUSIBLE', 'DUPLICATE', 'OUT_OF_SCOPE', 'INVESTOR_UNRESPONSIVE', 'OTHER',
];

/**
 * Maker-checker: what the signed-in user is offered on a pending version. Its author never gets the
 * decision ('own'; negotiation refuses them too), nor does anyone but a leader ('none'), nor a session
 * without the services' user id, which could not tell.
 */
export function approvalOffer(approval: PendingApproval, session: SessionView): 'decide' | 'own' | 'none' {
  const me = session.userId ?? null;
  if (me !== null && approval.proposedBy === me) {
    return 'own';
  }
  return session.roles.includes('LEADER') && me !== null ? 'decide' : 'none';
}

/** Whether the investor is asked for something (the officer's request, until they answer it). */
export function informationAsked(intention: IntentionView): string | null {
  return intention.status === 'INFORMATION_REQUESTED' ? intention.informationRequest ?? '' : null;
}

/** The form's values (all strings, as the inputs hold them) from the intention as submitted, to amend it. */
export function formValues(details: IntentionDetails): Record<keyof IntentionDetails, string> {
  const text = (value: string | number | undefined) => (value === undefined || value === null ? '' : String(value));
  return {
    companyName: text(details.companyName), country: text(details.country), registrationNumber: text(details.registrationNumber),
    website: text(details.website), contactName: text(details.contactName), contactEmail: text(details.contactEmail),
    contactPhone: text(details.contactPhone), industryCode: text(details.industryCode), investmentType: text(details.investmentType),
    plannedAmount: text(details.plannedAmount), currency: text(details.currency) || 'EUR', plannedJobs: text(details.plannedJobs),
    district: text(details.district), expectedStart: text(details.expectedStart), description: text(details.description),
  };
}
