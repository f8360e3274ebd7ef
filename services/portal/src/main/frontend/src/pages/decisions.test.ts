import { describe, expect, it } from 'vitest';
import type { PendingApproval, SessionView } from '../api/types';
import { approvalOffer, formValues, informationAsked, mayReassign, officerDecisions, reassignmentChoices, REJECTION_REASONS } from './decisions';

const PENDING: PendingApproval = { caseId: 'CQ-2026-000007', version: 2, proposedBy: 'officer-li', reasons: ['subsidy'] };

function session(userId: string | null, ...roles: string[]): SessionView {
  return { authenticated: true, username: userId, userId, roles };
}

describe('an officer’s decisions', () => {
  it('are all three in review, only rejection while information is requested, none once decided', () => {
    expect(officerDecisions('IN_REVIEW')).toEqual(['accept', 'requestInformation', 'reject']);
    expect(officerDecisions('INFORMATION_REQUESTED')).toEqual(['reject']);
    for (const status of ['DRAFT', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(officerDecisions(status)).toEqual([]);
    }
  });

  it('never offer the negative list, which only screening cites', () => {
    expect(REJECTION_REASONS).not.toContain('NEGATIVE_LIST');
    expect(REJECTION_REASONS).toContain('INCOMPLETE_INFORMATION');
  });

  it('leave reassignment to undecided cases', () => {
    expect(mayReassign('IN_REVIEW')).toBe(true);
    expect(mayReassign('INFORMATION_REQUESTED')).toBe(true);
    expect(mayReassign('ACCEPTED')).toBe(false);
    expect(mayReassign('REJECTED')).toBe(false);
  });
});

describe('maker-checker in the approvals inbox', () => {
  it('offers another leader the decision', () => {
    expect(approvalOffer(PENDING, session('leader-chen', 'LEADER'))).toBe('decide');
  });

  it('never offers the version’s author the decision, whatever their roles', () => {
    expect(approvalOffer(PENDING, session('officer-li', 'LEADER', 'OFFICER'))).toBe('own');
  });

  it('offers nothing to an administrator, nor to a session that cannot tell who the user is', () => {
    expect(approvalOffer(PENDING, session('admin-zhao', 'ADMIN'))).toBe('none');
    expect(approvalOffer(PENDING, session(null, 'LEADER'))).toBe('none');
  });
});

describe('a request for information', () => {
  it('is asked while the intention waits for it, and not after the answer', () => {
    expect(informationAsked({ status: 'INFORMATION_REQUESTED', informationRequest: 'The land plan, please.' })).toBe('The land plan, please.');
    expect(informationAsked({ status: 'IN_REVIEW', informationRequest: undefined })).toBeNull();
  });

  it('is answered with the form filled in as submitted, numbers as typed', () => {
    const values = formValues({ companyName: 'Rhein Bau GmbH', plannedAmount: 118000000.5, plannedJobs: 420, currency: 'EUR',
      expectedStart: '2027-03-01' });
    expect(values).toMatchObject({ companyName: 'Rhein Bau GmbH', plannedAmount: '118000000.5', plannedJobs: '420',
      currency: 'EUR', expectedStart: '2027-03-01', website: '', description: '' });
  });
});

describe('reassignment', () => {
  it('offers intake’s officers but the one the case is assigned to, by id, with the industries they cover', () => {
    const officers = [{ id: 'officer-wang', industries: ['C26', 'C29'], districts: [] }, { id: 'officer-li', industries: ['F'], districts: [] },
      { id: 'officer-zhou', industries: [], districts: ['Yubei District'] }];
    expect(reassignmentChoices(officers, 'officer-li')).toEqual([
      { id: 'officer-wang', industries: ['C26', 'C29'] }, { id: 'officer-zhou', industries: [] },
    ]);
  });

  it('offers every officer for a case no rule routed', () => {
    expect(reassignmentChoices([{ id: 'officer-li', industries: ['F'] }], undefined).map((choice) => choice.id)).toEqual(['officer-li']);
  });
});
