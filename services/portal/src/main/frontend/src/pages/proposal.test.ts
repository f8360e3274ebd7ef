import { describe, expect, it } from 'vitest';
import type { TermSheetView } from '../api/types';
import { incentiveRows, incentivesOf, keptTerms } from './proposal';

const answered = {
  version: 2,
  terms: {
    investmentAmount: 30000000, currency: 'EUR', jobs: 150, landingDeadline: '2029-09-30',
    capitalSchedule: [{ amount: 10000000, dueBy: '2027-06-30' }],
    land: { areaSquareMetres: 42000, district: 'Liangjiang', use: 'INDUSTRIAL', tenure: 'LEASE', leaseYears: 30, price: 1200000 },
    incentives: [{ kind: 'SUBSIDY', value: 1500000, policyBasis: 'Advanced manufacturing, 2026' }],
    milestones: { businessRegistration: '2027-01-31', operationStart: '2029-06-30' },
    specialConditions: ['Local hiring of 60 %'],
  },
} as unknown as TermSheetView;

describe('a proposal written over a version', () => {
  it('keeps the terms the form does not edit, as they were', () => {
    expect(keptTerms(answered)).toEqual({
      capitalSchedule: [{ amount: 10000000, dueBy: '2027-06-30' }],
      land: { areaSquareMetres: 42000, district: 'Liangjiang', use: 'INDUSTRIAL', tenure: 'LEASE', price: 1200000, leaseYears: 30 },
      milestones: { businessRegistration: '2027-01-31', operationStart: '2029-06-30' },
      specialConditions: ['Local hiring of 60 %'],
    });
    expect(keptTerms(null)).toEqual({});
  });

  it('starts from the version’s incentives and sends them as numbers, a blank value as null for negotiation to name', () => {
    const rows = incentiveRows(answered);
    expect(rows).toEqual([{ kind: 'SUBSIDY', value: '1500000', policyBasis: 'Advanced manufacturing, 2026' }]);
    expect(incentivesOf([...rows, { kind: 'RENT_FREE', value: ' ', policyBasis: 'Park rules' }])).toEqual([
      { kind: 'SUBSIDY', value: 1500000, policyBasis: 'Advanced manufacturing, 2026' },
      { kind: 'RENT_FREE', value: null, policyBasis: 'Park rules' },
    ]);
  });
});
