import { describe, expect, it } from 'vitest';
import { dashboardHash, filterQuery, filtersFromHash, NO_FILTERS } from './filters';

describe('the dashboard’s filter query', () => {
  it('is empty without filters', () => {
    expect(filterQuery(NO_FILTERS)).toBe('');
  });

  it('sends only the filters given, by project-tracking’s parameter names, codes upper-cased and values trimmed', () => {
    expect(filterQuery({ ...NO_FILTERS, country: ' de', industryCode: 'c29', from: '2026-01-01', to: '2026-12-31' }))
      .toBe('?country=DE&industryCode=C29&from=2026-01-01&to=2026-12-31');
  });

  it('percent-encodes free text such as a district in Chinese, with spaces, an ampersand or a plus', () => {
    expect(filterQuery({ ...NO_FILTERS, district: '两江新区 & Yubei' })).toBe(`?district=${encodeURIComponent('两江新区 & Yubei')}`);
    expect(filterQuery({ ...NO_FILTERS, district: 'C++ Park' })).toBe('?district=C%2B%2B%20Park');
  });

  it('keeps a value the service will refuse, so the refusal names the field', () => {
    expect(filterQuery({ ...NO_FILTERS, country: 'Germany' })).toBe('?country=GERMANY');
  });

  it('adds parameters of one endpoint after the filters', () => {
    expect(filterQuery({ ...NO_FILTERS, country: 'FR' }, { limit: '50' })).toBe('?country=FR&limit=50');
    expect(filterQuery(NO_FILTERS, { limit: '50' })).toBe('?limit=50');
  });
});

describe('the dashboard’s address', () => {
  it('carries the filters there and back', () => {
    const filters = { ...NO_FILTERS, country: 'DE', district: '两江新区', to: '2026-12-31' };
    expect(dashboardHash(filters)).toMatch(/^#\/funnel\?country=DE&district=.+&to=2026-12-31$/);
    expect(filtersFromHash(dashboardHash(filters))).toEqual(filters);
  });

  it('is the plain page without filters, and reads none from it', () => {
    expect(dashboardHash(NO_FILTERS)).toBe('#/funnel');
    expect(filtersFromHash('#/funnel')).toEqual(NO_FILTERS);
  });
});
