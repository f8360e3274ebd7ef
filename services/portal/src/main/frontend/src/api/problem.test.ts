import { describe, expect, it } from 'vitest';
import { csrfToken } from './client';
import { apiError, fieldErrors } from './problem';

describe('problem+json', () => {
  it('gives each field its first message', () => {
    expect(fieldErrors({
      errors: [
        { field: 'contactEmail', message: 'must be a well-formed email address' },
        { field: 'plannedAmount', message: 'must be greater than 0' },
        { field: 'contactEmail', message: 'size must be between 0 and 200' },
      ],
    })).toEqual({ contactEmail: 'must be a well-formed email address', plannedAmount: 'must be greater than 0' });
  });

  it('says a broken constraint in 中文 by its code, and keeps the service’s words where the catalogue has none', () => {
    const problem = { errors: [
      { field: 'companyName', message: 'must not be blank', code: 'NotBlank' },
      { field: 'country', message: 'must match "[A-Z]{2}"', code: 'Pattern' },
      { field: 'incentives[0].value', message: 'a tax rebate is at most 100 percent' },
      { field: 'website', message: 'odd', code: 'SomethingNew' },
    ] };
    expect(fieldErrors(problem, 'zh')).toEqual({
      companyName: '此项不能为空。', country: '格式不正确。', 'incentives[0].value': 'a tax rebate is at most 100 percent', website: 'odd',
    });
    expect(fieldErrors(problem, 'en').companyName).toBe('must not be blank');
  });

  it('is read from an error response', async () => {
    const response = new Response(JSON.stringify({ status: 400, errors: [{ field: 'country', message: 'unknown' }] }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    const error = await apiError(response);
    expect(error.status).toBe(400);
    expect(fieldErrors(error.problem)).toEqual({ country: 'unknown' });
  });

  it('still gives the status when the body is not a problem', async () => {
    const error = await apiError(new Response('bad gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } }));
    expect(error.status).toBe(502);
    expect(error.problem).toBeUndefined();
  });
});

describe('the CSRF token', () => {
  it('is read from its cookie among others', () => {
    expect(csrfToken('INVESTFLOW_LOCALE=zh; XSRF-TOKEN=abc%3D123; other=1')).toBe('abc=123');
    expect(csrfToken('other=1')).toBeUndefined();
  });
});
