import type { Dashboard } from './dashboard';
import { FILTER_NAMES, type PipelineFilters } from './filters';

type Cell = string | number | null | undefined;

/** The funnel's numbers per stage, by the API's field names. */
const STAGE_MEASURES = ['current', 'reached', 'conversion', 'medianSeconds', 'p90Seconds'] as const;

/** The figures' top-level numbers, by the API's field names. */
const FIGURE_MEASURES = ['contracted', 'landed', 'constructionStarted', 'fulfilled', 'landingRate', 'constructionStartRate',
  'fundsInPlaceRate', 'contractFulfilmentRate'] as const;

/**
 * The dashboard as CSV (RFC 4180, CRLF, header row), one number per row as `section,item,measure,value` with the
 * API's own names and values (no formatting, no rounding: a row's value is the API's number; empty where the API
 * answered null), so a spreadsheet can pivot it and a check can compare it with the API. The filters it was made
 * with come first. Text fields are quoted where needed and guarded against spreadsheet formulas.
 */
export function dashboardCsv(filters: PipelineFilters, dashboard: Dashboard): string {
  const rows: Cell[][] = [['section', 'item', 'measure', 'value']];
  FILTER_NAMES.forEach((name) => rows.push(['filter', '', name, filters[name].trim()]));
  for (const stage of dashboard.funnel.stages ?? []) {
    STAGE_MEASURES.forEach((measure) => rows.push(['funnel', stage.stage, measure, stage[measure]]));
  }
  const { figures } = dashboard;
  FIGURE_MEASURES.forEach((measure) => rows.push(['figures', '', measure, figures[measure]]));
  rows.push(['figures', 'capital', 'currency', figures.capital?.currency]);
  rows.push(['figures', 'capital', 'committed', figures.capital?.committed]);
  rows.push(['figures', 'capital', 'realised', figures.capital?.realised]);
  rows.push(['figures', 'jobs', 'committed', figures.jobs?.committed]);
  rows.push(['figures', 'jobs', 'created', figures.jobs?.created]);
  rows.push(['figures', '', 'unconverted', (figures.unconverted ?? []).join(';')]);
  for (const delayed of dashboard.delayed) {
    rows.push(['delayed', delayed.caseId, 'stage', delayed.stage]);
    rows.push(['delayed', delayed.caseId, 'overdueMilestones', (delayed.overdueMilestones ?? []).join(';')]);
    rows.push(['delayed', delayed.caseId, 'since', delayed.since]);
  }
  for (const stalled of dashboard.stalled) {
    rows.push(['stalled', stalled.caseId, 'stage', stalled.stage]);
    rows.push(['stalled', stalled.caseId, 'since', stalled.since]);
    rows.push(['stalled', stalled.caseId, 'days', stalled.days]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One field: numbers as JavaScript writes them, text quoted when RFC 4180 requires it and never a formula. */
export function csvField(value: Cell): string {
  if (value == null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file name of an export: what it holds and the day, e.g. investflow-dashboard-2026-12-05.csv. */
export function exportName(kind: 'dashboard' | 'cases', today: Date): string {
  return `investflow-${kind}-${today.toISOString().substring(0, 10)}.csv`;
}
