import { api } from '../api/client';
import type { QueuePage } from '../api/types';
import { formatInstant, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { href, routeParameter } from '../route';
import { useLoad } from './useApi';

/**
 * The cases intake lets this user see: an investor's own, newest first; for officers (queue) the cases
 * assigned to them, oldest first. Intake decides which cases those are.
 */
export function MyCases({ queue = false }: { queue?: boolean }) {
  const { t, locale } = useI18n();
  const cases = useLoad(() => api<QueuePage>('intake', `/intentions?order=${queue ? 'oldest' : 'newest'}&limit=50`), [queue]);
  const items = cases.state === 'done' ? cases.value.items ?? [] : [];
  const submitted = routeParameter(window.location.hash, 'submitted');
  return (
    <section>
      <h1>{t(queue ? 'queue.title' : 'cases.title')}</h1>
      {submitted && <p className="notice" role="status">{t('form.submitted', { caseId: submitted })}</p>}
      {cases.state === 'loading' && <p>{t('common.loading')}</p>}
      {cases.state === 'failed' && <p role="alert">{t('common.error', { status: cases.error.status })}</p>}
      {cases.state === 'done' && items.length === 0 && <p>{t(queue ? 'queue.empty' : 'cases.empty')}</p>}
      {items.length > 0 && (
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t('cases.caseId')}</th>
              <th scope="col">{t('cases.company')}</th>
              <th scope="col" className="number">{t('cases.amount')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.caseId}>
                <td><a href={href({ page: 'case', caseId: item.caseId! })}>{item.caseId}</a></td>
                <td>{item.details?.companyName ?? item.draft?.companyName}</td>
                <td className="number">
                  {item.details ? formatMoney(item.details.plannedAmount!, item.details.currency!, locale) : ''}
                </td>
                <td><span className={`status status-${item.status}`}>{t(`status.${item.status}` as MessageKey)}</span></td>
                <td>{item.submittedAt ? formatInstant(item.submittedAt, locale) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
