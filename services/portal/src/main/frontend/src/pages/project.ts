import type { ProjectView } from '../api/types';

/** The four milestones a project reports, in order, with the deadline each has in the contract. */
export const MILESTONES = [
  ['BUSINESS_REGISTERED', 'businessRegistration'],
  ['CONSTRUCTION_STARTED', 'constructionStart'],
  ['CAPITAL_INJECTED', 'firstCapitalInjection'],
  ['OPERATION_STARTED', 'operationStart'],
] as const;

export type Milestone = (typeof MILESTONES)[number][0];

export interface MilestoneRow {
  milestone: Milestone;
  due: string | null;
  achievedOn: string | null;
  overdue: boolean;
}

/**
 * The project's milestones as the investor reads them: when each is due and when it was achieved. A
 * corrected entry (superseded by a later one, with its reason) no longer counts; project-tracking says
 * which are overdue.
 */
export function milestoneRows(project: ProjectView): MilestoneRow[] {
  const deadlines = (project.commitment?.deadlines ?? {}) as Record<string, string | undefined>;
  const current = (project.milestones ?? []).filter((entry) => !entry.supersededBy);
  return MILESTONES.map(([milestone, deadline]) => ({
    milestone,
    due: deadlines[deadline] ?? null,
    achievedOn: current.filter((entry) => entry.milestone === milestone).at(-1)?.achievedOn ?? null,
    overdue: (project.overdue ?? []).includes(milestone),
  }));
}
