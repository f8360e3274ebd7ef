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
