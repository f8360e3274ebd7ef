import { describe, expect, it } from 'vitest';
import type { NegotiationView, TermSheetView } from '../api/types';
import { mayAnswer, sideBySide, withLeader } from './Negotiation';

const sheet = (version: number, side: 'COMMISSION' | 'INVESTOR', basedOn?: number, standing = 'TABLED'): TermSheetView =>
  ({ version, side, basedOn, standing, terms: { investmentAmount: 1, currency: 'EUR', jobs: 1, landingDeadline: '2030-01-01' } });

describe('the versions side by side', () => {
  it('shows nothing before the first proposal and the first alone', () => {
    expect(sideBySide([])).toEqual([null, null]);
    expect(sideBySide([sheet(1, 'COMMISSION')])).toEqual([null, sheet(1, 'COMMISSION')]);
  });

  it('shows the version on the table beside the one it answered, skipping versions not tabled', () => {
    const versions = [sheet(1, 'COMMISSION'), sheet(2, 'INVESTOR', 1), sheet(3, 'COMMISSION', 2, 'REJECTED'), sheet(4, 'COMMISSION', 2)];
    expect(sideBySide(versions)).toEqual([versions[1], versions[3]]);
  });
});

describe('who may answer', () => {
  const open = { status: 'OPEN' } as NegotiationView;
  it('is the other side, while the negotiation is open', () => {
    expect(mayAnswer(open, sheet(1, 'COMMISSION'), 'INVESTOR')).toBe(true);
    expect(mayAnswer(open, sheet(1, 'COMMISSION'), 'COMMISSION')).toBe(false);
    expect(mayAnswer({ status: 'AGREED' } as NegotiationView, sheet(1, 'COMMISSION'), 'INVESTOR')).toBe(false);
    expect(mayAnswer(open, null, 'INVESTOR')).toBe(false);
  });
});

describe('a version the approval policy holds back', () => {
  it('is the newest one while it waits for a leader or was not approved', () => {
    expect(withLeader([sheet(1, 'COMMISSION', undefined, 'PENDING_APPROVAL')])?.version).toBe(1);
    expect(withLeader([sheet(1, 'COMMISSION'), sheet(2, 'INVESTOR', 1), sheet(3, 'COMMISSION', 2, 'REJECTED')])?.version).toBe(3);
  });

  it('is none once the newest version is on the table', () => {
    expect(withLeader([])).toBeNull();
    expect(withLeader([sheet(1, 'COMMISSION', undefined, 'REJECTED'), sheet(2, 'COMMISSION')])).toBeNull();
  });
});
