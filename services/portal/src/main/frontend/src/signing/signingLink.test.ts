import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { failureOf, isCode, linkKey, normaliseCode, outcomeOf, parseUsedLink, secondsUntilResend, tokenFromHash } from './signingLink';

const TOKEN = 'q3Z0n2W8_xK-4bPp7yHc1dVf9sLmA6eRtUiOjNkB5gQ';

describe('the signing link', () => {
  it('reads the token from the fragment e-signature mails', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`token=${TOKEN}&lang=zh`)).toBe(TOKEN);
  });

  it('has no token without one, or with one that cannot be a token', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#/cases')).toBeNull();
    expect(tokenFromHash('#token=short')).toBeNull();
    expect(tokenFromHash('#token=<script>alert(1)</script>xxxxxxxx')).toBeNull();
  });

  it('remembers a used link by a hash, never the token', async () => {
    const key = await linkKey(TOKEN);
    expect(key).toMatch(/^investflow\.signing\.used\.[0-9a-f]{32}$/);
    expect(key).not.toContain(TOKEN);
    expect(await linkKey(TOKEN)).toBe(key);
    expect(await linkKey(`${TOKEN}x`)).not.toBe(key);
  });

  it('reads back only what it stored', () => {
    expect(parseUsedLink(JSON.stringify({ outcome: 'declined', at: '2026-12-05T09:00:00Z' })))
      .toEqual({ outcome: 'declined', at: '2026-12-05T09:00:00Z' });
    expect(parseUsedLink(null)).toBeNull();
    expect(parseUsedLink('not json')).toBeNull();
    expect(parseUsedLink(JSON.stringify({ outcome: 'hacked', at: 'x' }))).toBeNull();
  });
});

describe('the one-time code', () => {
  it('is six digits, typed with or without spaces', () => {
    expect(isCode(normaliseCode('123 456'))).toBe(true);
    expect(isCode(normaliseCode('123-456'))).toBe(true);
    expect(isCode('12345')).toBe(false);
    expect(isCode('12345a')).toBe(false);
    expect(isCode('1234567')).toBe(false);
  });

  it('may be asked for again once the wait is over', () => {
    const sent = Date.parse('2026-12-05T09:00:00Z');
    expect(secondsUntilResend(sent, sent)).toBe(30);
    expect(secondsUntilResend(sent, sent + 29_001)).toBe(1);
    expect(secondsUntilResend(sent, sent + 30_000)).toBe(0);
    expect(secondsUntilResend(sent, sent + 90_000)).toBe(0);
  });
});

describe('what an answer means for the signer', () => {
  it('follows the envelope status', () => {
    expect(outcomeOf('PARTIALLY_SIGNED')).toBe('waiting');
    expect(outcomeOf('SEALING')).toBe('executed');
    expect(outcomeOf('EXECUTED')).toBe('executed');
    expect(outcomeOf('DECLINED')).toBe('declined');
  });

  it('tells an unusable link from a wrong code and bad fields', () => {
    expect(failureOf(new ApiError(404, { detail: 'invalid link' }))).toBe('link');
    expect(failureOf(new ApiError(403))).toBe('code');
    expect(failureOf(new ApiError(400, { errors: [{ field: 'typedName', message: 'must not be blank' }] }))).toBe('fields');
    expect(failureOf(new ApiError(503))).toBe('other');
    expect(failureOf(new Error('network'))).toBe('other');
  });
});
