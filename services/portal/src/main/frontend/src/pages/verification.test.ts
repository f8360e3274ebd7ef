import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../i18n/catalogues';
import { REASON_CODES, reasonKey } from './verification';

describe('the reason verification gives', () => {
  it('is said in English and in 中文 for every code e-signature answers with', () => {
    for (const code of REASON_CODES) {
      const key = reasonKey(code);
      expect(key, code).not.toBeNull();
      expect(CATALOGUES.en[key!], code).toMatch(/\w/);
      expect(CATALOGUES.zh[key!], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('falls back to the service’s own words for a code it does not know, or none', () => {
    expect(reasonKey('SOMETHING_NEW')).toBeNull();
    expect(reasonKey(undefined)).toBeNull();
    expect(reasonKey(null)).toBeNull();
  });
});
