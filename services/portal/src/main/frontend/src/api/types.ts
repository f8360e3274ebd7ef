/** The services' types the app uses, taken from the generated OpenAPI types (npm run api-types). */
import type { components as Intake } from './generated/intake';
import type { components as Negotiation } from './generated/negotiation';
import type { components as Tracking } from './generated/project-tracking';
import type { components as Signing } from './generated/e-signature';

export type SubmitIntentionRequest = Intake['schemas']['SubmitIntentionRequest'];
export type IntentionView = Intake['schemas']['IntentionView'];
export type IntentionDetails = Intake['schemas']['IntentionDetails'];
export type QueuePage = Intake['schemas']['QueuePage'];
export type Industry = Intake['schemas']['Industry'];
export type District = Intake['schemas']['District'];
export type Officer = Intake['schemas']['Officer'];
export type PipelineCaseView = Tracking['schemas']['PipelineCaseView'];
export type Funnel = Tracking['schemas']['Funnel'];
export type FunnelStage = Tracking['schemas']['FunnelStage'];
export type CommissionFigures = Tracking['schemas']['CommissionFigures'];
export type DelayedCase = Tracking['schemas']['DelayedCase'];
export type StalledCase = Tracking['schemas']['StalledCase'];

/** Who is logged in, from the portal itself: the name shown, and the id the services know them by (the token's subject). */
export interface SessionView {
  authenticated: boolean;
  username: string | null;
  userId?: string | null;
  roles: string[];
}

export type NegotiationView = Negotiation['schemas']['NegotiationView'];
export type TermSheetView = Negotiation['schemas']['TermSheetView'];
export type ProposeTermsRequest = Negotiation['schemas']['ProposeTermsRequest'];
export type EnvelopeView = Signing['schemas']['EnvelopeView'];
export type SealVerification = Signing['schemas']['SealVerification'];
export type ProjectView = Tracking['schemas']['ProjectView'];
export type PendingApproval = Negotiation['schemas']['PendingApproval'];
export type RejectionReason = NonNullable<Intake['schemas']['RejectIntentionRequest']['reasonCode']>;

/**
 * negotiation's diff between two versions. The endpoint answers JSON or text/plain, so its document
 * gives no schema: this mirrors its DiffView record.
 */
export interface DiffView {
  from: number;
  to: number;
  changes: { field: string; kind: string; before: string | null; after: string | null }[];
  text: string;
}
