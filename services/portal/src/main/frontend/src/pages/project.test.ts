import { describe, expect, it } from 'vitest';
import { milestoneRows } from './project';

describe('the project’s milestones', () => {
  it('lists the four with their deadlines, achieved or not, and which are overdue', () => {
    const rows = milestoneRows({
      commitment: { deadlines: { businessRegistration: '2027-01-31', constructionStart: '2027-09-30', operationStart: '2029-06-30' } },
      milestones: [{ milestone: 'BUSINESS_REGISTERED', achievedOn: '2027-01-10', entryId: 'e1' }],
      overdue: ['CONSTRUCTION_STARTED'],
    });
    expect(rows).toEqual([
      { milestone: 'BUSINESS_REGISTERED', due: '2027-01-31', achievedOn: '2027-01-10', overdue: false },
      { milestone: 'CONSTRUCTION_STARTED', due: '2027-09-30', achievedOn: null, overdue: true },
      { milestone: 'CAPITAL_INJECTED', due: null, achievedOn: null, overdue: false },
      { milestone: 'OPERATION_STARTED', due: '2029-06-30', achievedOn: null, overdue: false },
    ]);
  });

  it('counts a corrected entry by its correction only', () => {
    const rows = milestoneRows({
      milestones: [
        { milestone: 'BUSINESS_REGISTERED', achievedOn: '2027-01-10', entryId: 'e1', supersededBy: 'e2' },
        { milestone: 'BUSINESS_REGISTERED', achievedOn: '2027-01-12', entryId: 'e2', supersedes: 'e1', reason: 'typo' },
      ],
    });
    expect(rows[0].achievedOn).toBe('2027-01-12');
  });
});
