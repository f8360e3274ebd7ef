import { describe, expect, it } from 'vitest';
import { requestBody } from './IntentionForm';

const FORM = {
  companyName: 'Rheinmetall Antriebe GmbH', country: 'DE', registrationNumber: 'HRB 12345', website: '',
  contactName: 'Anna Schmidt', contactEmail: 'anna@example.de', contactPhone: '+4930123456', industryCode: 'C29',
  investmentType: 'GREENFIELD', plannedAmount: '118000000.05', currency: 'EUR', plannedJobs: '420',
  district: 'Liangjiang New Area', expectedStart: '2027-03-01', description: '  ',
};

describe('the intention request body', () => {
  it('sends the amount as the exact decimal typed, as a JSON number', () => {
    expect(requestBody(FORM)).toContain('"plannedAmount":118000000.05');
    expect(JSON.parse(requestBody(FORM)).plannedJobs).toBe(420);
  });

  it('leaves out empty optional fields', () => {
    const body = JSON.parse(requestBody(FORM));
    expect(body).not.toHaveProperty('website');
    expect(body).not.toHaveProperty('description');
  });

  it('sends null for an amount that is not a decimal, so intake names the field', () => {
    expect(JSON.parse(requestBody({ ...FORM, plannedAmount: '1e9' })).plannedAmount).toBeNull();
  });
});
