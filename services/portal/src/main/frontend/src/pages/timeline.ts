import type { EnvelopeView, IntentionView, NegotiationView, PipelineCaseView, ProjectView } from '../api/types';

/** The stages every case goes through, in order; exits (rejected, withdrawn, …) are added when entered. */
export const STAGES = ['INTENTION', 'SCREENED', 'NEGOTIATING', 'AGREED', 'CONTRACTED', 'LANDED'] as const;

/** What the case page knows of a case, each part from the service that owns it (null: that service has none yet). */
export interface CaseSources {
  intention: IntentionView;
  pipeline: PipelineCaseView | null;
  negotiation: NegotiationView | null;
  envelope: EnvelopeView | null;
  project?: ProjectView | null;
}

/**
 * When the case entered each stage it reached. project-tracking's pipeline learns of every step from the
 * other services' events, so it can be a moment behind them: a stage the owning service already shows
 * (the intention accepted, the negotiation opened or agreed, the contract executed) counts as reached
 * with that service's time, so the timeline never lags the status shown beside it. A stage that service
 * no longer shows (a reopened negotiation) is left to the pipeline.
 */
export function stagesEntered({ intention, pipeline, negotiation, envelope }: CaseSources): Record<string, string> {
  const entered: Record<string, string> = {};
  const add = (stage: string, at: string | undefined) => {
    if (at && !entered[stage]) {
      entered[stage] = at;
    }
  };
  add('INTENTION', intention.submittedAt);
  for (const [stage, at] of Object.entries(pipeline?.enteredAt ?? {})) {
    add(stage, at);
  }
  if (intention.status === 'ACCEPTED') {
    add('SCREENED', intention.decidedAt);
  }
  if (intention.status === 'REJECTED' || intention.status === 'WITHDRAWN') {
    add(intention.status, intention.decidedAt);
  }
  add('NEGOTIATING', negotiation?.openedAt);
  if (negotiation?.status === 'AGREED') {
    add('AGREED', negotiation.agreement?.agreedAt);
  }
  if (envelope?.status === 'EXECUTED') {
    add('CONTRACTED', envelope.executedAt);
  }
  return entered;
}

/** The stages to show: the usual ones, then any exit the case took. */
export function stagesShown(entered: Record<string, string>): string[] {
  const exits = Object.keys(entered).filter((stage) => !(STAGES as readonly string[]).includes(stage));
  return [...STAGES, ...exits];
}

/** One line of the timeline: a stage reached (with when) or not yet, or what the case waits for now. */
export type TimelineRow = { stage: string; at: string | null } | { stage: string; waitingFor: string };

/** Exits no case comes back from: after them the stages not reached are never reached. */
const FINAL_EXITS = ['REJECTED', 'WITHDRAWN'];

/**
 * The timeline's lines: the stages shown, with what the case waits for now (e.g. the information the
 * officer asked for, stage INFORMATION_REQUESTED) right after the last stage it reached. A rejected or
 * withdrawn case shows only what it went through, not stages still "to come".
 */
export function timelineRows(entered: Record<string, string>, waiting: { stage: string; waitingFor: string } | null): TimelineRow[] {
  const ended = FINAL_EXITS.some((exit) => entered[exit]);
  const rows: TimelineRow[] = stagesShown(entered).filter((stage) => !ended || entered[stage])
    .map((stage) => ({ stage, at: entered[stage] ?? null }));
  if (waiting) {
    const lastReached = rows.reduce((last, row, index) => ('at' in row && row.at ? index : last), -1);
    rows.splice(lastReached + 1, 0, waiting);
  }
  return rows;
}
