import { describe, expect, it } from 'vitest';
import { diffLines } from './diffText';

const DIFF = {
  from: 2, to: 3, text: 'Changes from version 2 to version 3: (English only)',
  changes: [
    { field: 'investmentAmount', kind: 'CHANGED', before: '118000000.00', after: '125000000.00' },
    { field: 'incentives.SUBSIDY.value', kind: 'ADDED', before: null, after: '6500000.00' },
    { field: 'milestones.constructionStart', kind: 'REMOVED', before: '2027-09-30', after: null },
    { field: 'capitalSchedule[0].dueBy', kind: 'CHANGED', before: '2027-01-31', after: '2027-03-31' },
  ],
};

describe('the diff in the reader’s language', () => {
  it('names every changed term and formats its values in English', () => {
    expect(diffLines(DIFF, { from: 'EUR', to: 'EUR' }, 'en')).toEqual([
      'Investment amount: €118,000,000.00 → €125,000,000.00',
      'Added: Subsidy amount: €6,500,000.00',
      'Removed: Construction start: 30 Sept 2027',
      'Tranche 1 due by: 31 Jan 2027 → 31 Mar 2027',
    ]);
  });

  it('has no English left in 中文', () => {
    const lines = diffLines(DIFF, { from: 'EUR', to: 'EUR' }, 'zh');
    expect(lines[0]).toBe('投资金额：€1.18亿 → €1.25亿');
    for (const line of lines) {
      expect(line).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('says when two versions have the same terms', () => {
    expect(diffLines({ ...DIFF, changes: [] }, { from: 'EUR', to: 'EUR' }, 'zh')).toEqual(['第 3 版与第 2 版条款相同。']);
  });
});
