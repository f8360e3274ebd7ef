import type { ProposeTermsRequest, TermSheetView } from '../api/types';

/** The incentive kinds negotiation accepts, in the order the form offers them. */
export const INCENTIVE_KINDS = ['SUBSIDY', 'TAX_REBATE', 'RENT_FREE'] as const;

/** One incentive as the form edits it: text fields, converted when sent. */
export interface IncentiveRow {
  kind: string;
  value: string;
  policyBasis: string;
}

/** The incentives of the version a proposal starts from, as form rows. */
export function incentiveRows(start: TermSheetView | null): IncentiveRow[] {
  return (start?.terms?.incentives ?? []).map((incentive) => ({
    kind: incentive.kind ?? 'SUBSIDY', value: incentive.value?.toString() ?? '', policyBasis: incentive.policyBasis ?? '',
  }));
}

/**
 * The terms of the version answered that the form does not edit (capital schedule, land, milestones, special
 * conditions), carried into the proposal as they are, so a counter-proposal never drops them unseen.
 */
export function keptTerms(start: TermSheetView | null): Partial<ProposeTermsRequest> {
  const terms = start?.terms;
  if (!terms) {
    return {};
  }
  const kept: Partial<ProposeTermsRequest> = {};
  if (terms.capitalSchedule?.length) {
    kept.capitalSchedule = terms.capitalSchedule.map((tranche) => ({ amount: tranche.amount!, dueBy: tranche.dueBy! }));
  }
  if (terms.land) {
    const { areaSquareMetres, district, use, tenure, price, leaseYears } = terms.land;
    kept.land = { areaSquareMetres: areaSquareMetres!, district: district!, use: use!, tenure: tenure!, price, leaseYears };
  }
  if (terms.milestones) {
    kept.milestones = { ...terms.milestones };
  }
  if (terms.specialConditions?.length) {
    kept.specialConditions = [...terms.specialConditions];
  }
  return kept;
}

/** The incentive rows as negotiation reads them: a blank value is sent as null, for negotiation to name the field. */
export function incentivesOf(rows: IncentiveRow[]): ProposeTermsRequest['incentives'] {
  return rows.map((row) => ({
    kind: row.kind, value: (row.value.trim() === '' ? null : Number(row.value)) as number, policyBasis: row.policyBasis,
  }));
}
