/** The services' types the app uses, taken from the generated OpenAPI types (npm run api-types). */
import type { components as Intake } from './generated/intake';
import type { components as Tracking } from './generated/project-tracking';

export type SubmitIntentionRequest = Intake['schemas']['SubmitIntentionRequest'];
export type IntentionView = Intake['schemas']['IntentionView'];
export type QueuePage = Intake['schemas']['QueuePage'];
export type Industry = Intake['schemas']['Industry'];
export type District = Intake['schemas']['District'];
export type PipelineCaseView = Tracking['schemas']['PipelineCaseView'];
export type Funnel = Tracking['schemas']['Funnel'];

/** Who is logged in, from the portal itself. */
export interface SessionView {
  authenticated: boolean;
  username: string | null;
  roles: string[];
}
