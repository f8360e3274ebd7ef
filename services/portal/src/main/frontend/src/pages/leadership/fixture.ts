import type { Dashboard } from './dashboard';

/** A dashboard as project-tracking answers it (shapes and values of its API), for the unit tests. */
export const DASHBOARD: Dashboard = {
  funnel: {
    stages: [
      { stage: 'INTENTION', current: 2, reached: 10, conversion: undefined, medianSeconds: 3_600, p90Seconds: 7_200 },
      { stage: 'SCREENED', current: 1, reached: 8, conversion: 0.8, medianSeconds: 172_800, p90Seconds: 432_000 },
      { stage: 'CONTRACTED', current: 3, reached: 4, conversion: 0.5, medianSeconds: undefined, p90Seconds: undefined },
      { stage: 'REJECTED', current: 1, reached: 1, conversion: 0.1, medianSeconds: undefined, p90Seconds: undefined },
    ],
  },
  figures: {
    contracted: 4, landed: 1, constructionStarted: 2, fulfilled: 0,
    landingRate: 0.25, constructionStartRate: 0.5, fundsInPlaceRate: 0.3125, contractFulfilmentRate: 0,
    capital: { currency: 'CNY', committed: 763200000.5, realised: 238500000 },
    jobs: { committed: 955, created: 120 },
    unconverted: ['CHF', 'SGD'],
  },
  delayed: [{ caseId: 'CQ-2026-000007', stage: 'CONTRACTED', profile: { country: 'DE', industryCode: 'C36', district: 'Yubei District' },
    overdueMilestones: ['BUSINESS_REGISTERED', 'CONSTRUCTION_STARTED'], since: '2026-11-02T08:00:00Z' }],
  stalled: [{ caseId: 'CQ-2026-000003', stage: 'SCREENED', profile: { country: 'US', industryCode: 'C39', district: '=HYPERLINK("x")' },
    since: '2026-10-01T02:00:00Z', days: 65 }],
};
