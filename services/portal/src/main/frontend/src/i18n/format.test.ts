import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatInstant, formatMoney, formatShare } from './format';
import { initialLocale } from './I18n';

describe('money per locale', () => {
  it('is written in full in English', () => {
    expect(formatMoney('118000000.00', 'EUR', 'en')).toBe('€118,000,000.00');
  });

  it('is written in 亿 and 万 in Chinese', () => {
    expect(formatMoney('118000000.00', 'EUR', 'zh')).toBe('€1.18亿');
    expect(formatMoney('2500000', 'CNY', 'zh')).toBe('¥250万');
  });

  it('keeps small Chinese amounts exact', () => {
    expect(formatMoney('9999.50', 'CNY', 'zh')).toBe('¥9,999.50');
  });

  it('keeps every cent of a large amount in English (decimal strings, no binary rounding)', () => {
    expect(formatMoney('999999999999.99', 'USD', 'en')).toBe('US$999,999,999,999.99');
  });
});

describe('dates per locale', () => {
  it('shows an instant in the reader’s language and zone, naming the zone by its offset', () => {
    expect(formatInstant('2026-12-05T06:30:00Z', 'en', 'Asia/Shanghai')).toBe('5 Dec 2026, 14:30 GMT+8');
    expect(formatInstant('2026-12-05T06:30:00Z', 'zh', 'Asia/Shanghai')).toBe('2026年12月5日 GMT+8 14:30');
    expect(formatInstant('2026-12-05T06:30:00Z', 'en', 'Europe/Berlin')).toBe('5 Dec 2026, 07:30 GMT+1');
  });

  it('shows a calendar date without shifting it', () => {
    expect(formatDate('2027-03-01', 'en')).toBe('1 Mar 2027');
    expect(formatDate('2027-03-01', 'zh')).toBe('2027年3月1日');
  });
});

describe('the first language', () => {
  it('is the stored choice, else Chinese for a Chinese browser, else English', () => {
    expect(initialLocale('zh', 'en-US')).toBe('zh');
    expect(initialLocale(null, 'zh-CN')).toBe('zh');
    expect(initialLocale(null, 'de-DE')).toBe('en');
    expect(initialLocale('fr', 'en-US')).toBe('en');
  });
});

describe('funnel figures per locale', () => {
  it('show conversions as percentages', () => {
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(1 / 3, 'zh')).toBe('33.3%');
    expect(formatShare(null, 'en')).toBe('—');
  });

  it('show time in stage in hours, from a day on in days', () => {
    expect(formatDuration(5_400, 'en')).toBe('1.5 hours');
    expect(formatDuration(3 * 86_400, 'zh')).toBe('3天');
    expect(formatDuration(undefined, 'zh')).toBe('—');
  });
});
