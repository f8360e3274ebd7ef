import { describe, expect, it } from 'vitest';
import { href, parseRoute, routeParameter } from './route';

describe('routes', () => {
  it('round-trip through the fragment', () => {
    for (const route of [{ page: 'cases' }, { page: 'new' }, { page: 'funnel' }, { page: 'case', caseId: 'CQ-2026-000042' }] as const) {
      expect(parseRoute(href(route))).toEqual(route);
    }
  });

  it('fall back to the case list', () => {
    expect(parseRoute('')).toEqual({ page: 'cases' });
    expect(parseRoute('#/cases/../../etc')).toEqual({ page: 'cases' });
  });

  it('carry parameters after the page', () => {
    expect(parseRoute('#/cases?submitted=CQ-2026-000042')).toEqual({ page: 'cases' });
    expect(routeParameter('#/cases?submitted=CQ-2026-000042', 'submitted')).toBe('CQ-2026-000042');
    expect(routeParameter('#/cases', 'submitted')).toBeNull();
  });
});

describe('the approvals inbox', () => {
  it('has its own address', () => {
    expect(href({ page: 'approvals' })).toBe('#/approvals');
    expect(parseRoute('#/approvals')).toEqual({ page: 'approvals' });
  });
});
