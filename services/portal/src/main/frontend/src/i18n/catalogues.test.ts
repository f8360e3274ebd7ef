import { describe, expect, it } from 'vitest';
import { CATALOGUES, missingKeys, translate } from './catalogues';

describe('the EN and 中文 catalogues', () => {
  it('have exactly the same keys', () => {
    expect(missingKeys()).toEqual({ en: [], zh: [] });
  });

  it('have no empty message', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      expect(Object.entries(catalogue).filter(([, message]) => message.trim() === '')).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(CATALOGUES.en)) {
      expect(placeholders(CATALOGUES.zh[key]), key).toEqual(placeholders(CATALOGUES.en[key]));
    }
  });

  it('fill placeholders', () => {
    expect(translate('en', 'form.submitted', { caseId: 'CQ-2026-000001' }))
      .toBe('Your intention was submitted as case CQ-2026-000001.');
    expect(translate('zh', 'case.title', { caseId: 'CQ-2026-000001' })).toBe('项目 CQ-2026-000001');
  });
});
