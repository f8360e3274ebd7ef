/** The filters leadership applies, as typed into the form; an empty one is not applied. */
export interface PipelineFilters {
  country: string;
  industryCode: string;
  district: string;
  from: string;
  to: string;
}

export const NO_FILTERS: PipelineFilters = { country: '', industryCode: '', district: '', from: '', to: '' };

/** The filters' names in the order the query string lists them: project-tracking's own parameter names. */
export const FILTER_NAMES = ['country', 'industryCode', 'district', 'from', 'to'] as const satisfies readonly (keyof PipelineFilters)[];

/**
 * The query string (with its '?', or '' without filters) project-tracking's pipeline endpoints read. Codes are
 * upper-cased (people type "de" for DE); values are otherwise sent as typed, so a wrong one comes back as the
 * service's problem naming the field, never silently dropped.
 */
export function filterQuery(filters: PipelineFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) {
      query.set(name, name === 'country' || name === 'industryCode' ? value.toUpperCase() : value);
    }
  }
  Object.entries(extra).forEach(([name, value]) => query.set(name, value));
  // URLSearchParams writes a space as '+' (forms' encoding), which Spring's query parsing keeps as a '+';
  // %20 reads as a space everywhere (a '+' typed by the user is already %2B)
  const text = query.toString().replace(/\+/g, '%20');
  return text ? `?${text}` : '';
}

/** The filters a dashboard address carries (#/funnel?country=DE&from=2026-01-01), so a reload or a shared link keeps them. */
export function filtersFromHash(hash: string): PipelineFilters {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, query.get(name) ?? ''])) as unknown as PipelineFilters;
}

/** The dashboard's address for the filters. */
export function dashboardHash(filters: PipelineFilters): string {
  return `#/funnel${filterQuery(filters)}`;
}
