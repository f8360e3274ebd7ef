import { INTL_LOCALE, type Locale } from './catalogues';

/**
 * Money as people read it in each language: English in full with grouping, Chinese from 10,000 on in
 * 万 and 亿 (compact notation of zh-CN). The amount stays a decimal string: Intl formats it exactly.
 */
export function formatMoney(amount: string | number, currency: string, locale: Locale): string {
  const value = String(amount);
  const large = Math.abs(Number(value)) >= 10_000;
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    ...(locale === 'zh' && large ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 } : {}),
  });
  return format.format(value as unknown as number);
}

/**
 * An instant in the reader's language and time zone (unless one is given: tests give one), with the zone's offset from
 * GMT: an investor abroad and an officer in Chongqing read the same moment, and each must see which clock it is on.
 */
export function formatInstant(instant: string, locale: Locale, timeZone?: string): string {
  const date = new Date(instant);
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone }).format(date);
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'shortOffset' })
    .format(date);
  return locale === 'zh' ? `${day} ${time}` : `${day}, ${time}`;
}

/** A calendar date (ISO yyyy-mm-dd) in the reader's language, without shifting it through a time zone. */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`));
}

/** A share (0..1) as a percentage in the reader's language; a dash when there is none. */
export function formatShare(share: number | null | undefined, locale: Locale): string {
  return share == null ? '—' : new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A duration in days (from one day on) or hours, in the reader's language; a dash when there is none. */
export function formatDuration(seconds: number | null | undefined, locale: Locale): string {
  if (seconds == null) {
    return '—';
  }
  const [value, unit] = seconds >= 86_400 ? [seconds / 86_400, 'day'] : [seconds / 3_600, 'hour'];
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 })
    .format(value);
}
