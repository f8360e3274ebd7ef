import { api } from '../../api/client';
import type { CommissionFigures, DelayedCase, Funnel, StalledCase } from '../../api/types';
import { filterQuery, type PipelineFilters } from './filters';

/** How many delayed and stalled cases the dashboard lists (the API's default). */
export const LIST_LIMIT = 100;

/** One answer of each pipeline endpoint for the same filters: what the page shows, charts and exports. */
export interface Dashboard {
  funnel: Funnel;
  figures: CommissionFigures;
  delayed: DelayedCase[];
  stalled: StalledCase[];
}

/** Loads the dashboard for the filters; rejects with the first refusal (a bad filter: the service's problem). */
export async function loadDashboard(filters: PipelineFilters): Promise<Dashboard> {
  const query = filterQuery(filters);
  const list = filterQuery(filters, { limit: String(LIST_LIMIT) });
  const [funnel, figures, delayed, stalled] = await Promise.all([
    api<Funnel>('tracking', `/pipeline/funnel${query}`),
    api<CommissionFigures>('tracking', `/pipeline/figures${query}`),
    api<DelayedCase[]>('tracking', `/pipeline/delayed${list}`),
    api<StalledCase[]>('tracking', `/pipeline/stalled${list}`),
  ]);
  return { funnel, figures, delayed, stalled };
}
