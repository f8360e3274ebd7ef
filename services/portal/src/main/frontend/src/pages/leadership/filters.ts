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
  const text = query.toString();
  return text ? `?${text}` : '';
}
