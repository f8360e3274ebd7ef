import { api } from '../api/client';
import type { Funnel as FunnelView } from '../api/types';
import { formatDuration, formatShare } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { useLoad } from './useApi';

/** Leadership's funnel, every number exactly as project-tracking's /api/pipeline/funnel answers it. */
export function Funnel() {
  const { t, locale } = useI18n();
  const funnel = useLoad(() => api<FunnelView>('tracking', '/pipeline/funnel'), []);
  const integer = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <section>
      <h1>{t('funnel.title')}</h1>
      <p>{t('funnel.intro')}</p>
      {funnel.state === 'loading' && <p>{t('common.loading')}</p>}
      {funnel.state === 'failed' && <p role="alert">{t('common.error', { status: funnel.error.status })}</p>}
      {funnel.state === 'done' && (
        <table className="cases funnel">
          <thead>
            <tr>
              <th scope="col">{t('funnel.stage')}</th>
              <th scope="col" className="number">{t('funnel.current')}</th>
              <th scope="col" className="number">{t('funnel.reached')}</th>
              <th scope="col" className="number">{t('funnel.conversion')}</th>
              <th scope="col" className="number">{t('funnel.median')}</th>
            </tr>
          </thead>
          <tbody>
            {(funnel.value.stages ?? []).map((stage) => (
              <tr key={stage.stage} data-stage={stage.stage}>
                <th scope="row">{t(`stage.${stage.stage}` as MessageKey)}</th>
                <td className="number current">{integer.format(stage.current ?? 0)}</td>
                <td className="number reached">{integer.format(stage.reached ?? 0)}</td>
                <td className="number">{formatShare(stage.conversion, locale)}</td>
                <td className="number">{formatDuration(stage.medianSeconds, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
