import { useI18n } from './i18n/I18n';
import { LOCALES, type Locale } from './i18n/catalogues';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'EN', zh: '中文' };

/** English and 中文, one click away; the choice is kept in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="languages" role="group" aria-label={t('nav.language')}>
      {LOCALES.map((candidate) => (
        <button key={candidate} type="button" aria-pressed={candidate === locale} onClick={() => setLocale(candidate)}
          lang={candidate === 'zh' ? 'zh-CN' : 'en'}>
          {LANGUAGE_NAMES[candidate]}
        </button>
      ))}
    </div>
  );
}
