import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/I18n';

// the dashboard and ECharts load only when a leader opens the page: investors and officers never fetch them
const Dashboard = lazy(() => import('./leadership/Dashboard'));

/** Leadership's page: the funnel, the commission's figures and the cases to act on (see leadership/Dashboard). */
export function Funnel() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <Dashboard />
    </Suspense>
  );
}
