import en from './messages/en.json';
import zh from './messages/zh.json';

/** The two languages of the portal; English first, 中文 one click away. */
export type Locale = 'en' | 'zh';
export type MessageKey = keyof typeof en;
export type Catalogue = Record<string, string>;

export const LOCALES: readonly Locale[] = ['en', 'zh'];
export const CATALOGUES: Record<Locale, Catalogue> = { en, zh };
/** BCP 47 tags for Intl formatting. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' };

/** The message for key with {placeholders} filled in; the key itself if a catalogue lacks it (a test forbids that). */
export function translate(locale: Locale, key: MessageKey | string, values: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Keys present in one catalogue but not the other, per catalogue. */
export function missingKeys(): Record<Locale, string[]> {
  const all = new Set(LOCALES.flatMap((locale) => Object.keys(CATALOGUES[locale])));
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, [...all].filter((key) => !(key in CATALOGUES[locale])).sort()]),
  ) as Record<Locale, string[]>;
}
