import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, type ApiError } from '../../api/problem';
import type { CommissionFigures, DelayedCase, StalledCase } from '../../api/types';
import type { Locale, MessageKey } from '../../i18n/catalogues';
import { formatDuration, formatInstant, formatMoney, formatShare } from '../../i18n/format';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../route';
import { FieldRow } from '../FieldRow';
import { useLoad } from '../useApi';
import { capitalChart, funnelChart, ratesChart } from './charts';
import { Chart } from './Chart';
import { loadDashboard, type Dashboard as DashboardView } from './dashboard';
import { dashboardCsv, exportName } from './dashboardCsv';
import { dashboardHash, FILTER_NAMES, filterQuery, filtersFromHash, NO_FILTERS, type PipelineFilters } from './filters';

/**
 * Leadership's dashboard: the funnel, the commission's figures, the delayed and stalled cases of the filters, each
 * number exactly as project-tracking answers it, charts beside the tables, and both as CSV. Loaded only when opened.
 */
export default function Dashboard() {
  const { t } = useI18n();
  const filters = useHashFilters();
  const dashboard = useLoad(() => loadDashboard(filters), [filters]);
  const refused = dashboard.state === 'failed' && dashboard.error.status === 400 ? dashboard.error : undefined;
  return (
    <section className="dashboard">
      <h1>{t('leadership.title')}</h1>
      <p>{t('leadership.intro')}</p>
      <FilterForm key={dashboardHash(filters)} applied={filters} refused={refused} />
      {dashboard.state === 'loading' && <p>{t('common.loading')}</p>}
      {dashboard.state === 'failed' && !refused && <p role="alert">{t('common.error', { status: dashboard.error.status })}</p>}
      {dashboard.state === 'done' && <Figures filters={filters} dashboard={dashboard.value} />}
    </section>
  );
}

/** The filters of the page's address; they change when the address does (applying filters, back, a link). */
function useHashFilters(): PipelineFilters {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(() => filtersFromHash(hash), [hash]);
}

/** Applies filters by moving to their address: the browser's back button returns to the filters before. */
function apply(filters: PipelineFilters) {
  window.location.hash = dashboardHash(filters);
}

function FilterForm({ applied, refused }: { applied: PipelineFilters; refused?: ApiError }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(applied);
  const errors = fieldErrors(refused?.problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    apply(NO_FILTERS);
  };
  return (
    <form className="filters" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('leadership.filters')}</legend>
        {refused && (
          <p className="alert" role="alert">
            {t('leadership.filter.refused', { reasons: (refused.problem?.errors ?? []).map((error) => `${error.field} ${error.message}`).join('; ') || (refused.problem?.detail ?? '') })}
          </p>
        )}
        <div className="filter-fields">
          {FILTER_NAMES.map((name) => (
            <FieldRow key={name} field={`filter-${name}`} label={t(`leadership.filter.${name}` as MessageKey)} error={errors[name]}>
              <input id={`filter-${name}`} name={name} type={name === 'from' || name === 'to' ? 'date' : 'text'}
                value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
                aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `filter-${name}-error` : undefined} />
            </FieldRow>
          ))}
        </div>
        <button type="submit" className="button">{t('leadership.filter.apply')}</button>
        <button type="button" className="button secondary" onClick={clear}>{t('leadership.filter.clear')}</button>
      </fieldset>
    </form>
  );
}

function Figures({ filters, dashboard }: { filters: PipelineFilters; dashboard: DashboardView }) {
  const { t, locale } = useI18n();
  const charts = useMemo(() => ({
    funnel: funnelChart(dashboard, t, locale),
    rates: ratesChart(dashboard, t, locale),
    capital: capitalChart(dashboard, t, locale),
  }), [dashboard, t, locale]);
  return (
    <>
      <Export filters={filters} dashboard={dashboard} />
      <h2>{t('funnel.title')}</h2>
      <p>{t('funnel.intro')}</p>
      <div className="chart-beside stacked">
        <figure>
          <figcaption>{t('leadership.funnel.chart')}</figcaption>
          <Chart option={charts.funnel} height="tall" />
        </figure>
        <FunnelTable dashboard={dashboard} locale={locale} />
      </div>
      <h2>{t('leadership.figures.title')}</h2>
      <p>{t('leadership.figures.intro')}</p>
      <div className="chart-beside">
        <div>
          <figure>
            <figcaption>{t('leadership.rates.chart')}</figcaption>
            <Chart option={charts.rates} height="short" />
          </figure>
          <figure>
            <figcaption>{t('leadership.capital.chart')}</figcaption>
            <Chart option={charts.capital} height="short" />
          </figure>
        </div>
        <FiguresTable figures={dashboard.figures} locale={locale} />
      </div>
      <DelayedTable cases={dashboard.delayed} />
      <StalledTable cases={dashboard.stalled} />
    </>
  );
}

function Export({ filters, dashboard }: { filters: PipelineFilters; dashboard: DashboardView }) {
  const { t } = useI18n();
  const csv = useMemo(() => URL.createObjectURL(new Blob([dashboardCsv(filters, dashboard)], { type: 'text/csv;charset=utf-8' })),
    [filters, dashboard]);
  useEffect(() => () => URL.revokeObjectURL(csv), [csv]);
  const today = new Date();
  return (
    <nav className="downloads" aria-label={t('leadership.export')}>
      <a className="button secondary" href={csv} download={exportName('dashboard', today)}>{t('leadership.export.dashboard')}</a>
      <a className="button secondary" href={`/api/tracking/pipeline/cases.csv${filterQuery(filters)}`} download={exportName('cases', today)}>
        {t('leadership.export.cases')}
      </a>
    </nav>
  );
}

function FunnelTable({ dashboard, locale }: { dashboard: DashboardView; locale: Locale }) {
  const { t } = useI18n();
  const integer = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <div className="table-scroll">
      <table className="cases funnel">
        <thead>
          <tr>
            <th scope="col">{t('funnel.stage')}</th>
            <th scope="col" className="number">{t('funnel.current')}</th>
            <th scope="col" className="number">{t('funnel.reached')}</th>
            <th scope="col" className="number">{t('funnel.conversion')}</th>
            <th scope="col" className="number">{t('funnel.median')}</th>
            <th scope="col" className="number">{t('leadership.funnel.p90')}</th>
          </tr>
        </thead>
        <tbody>
          {(dashboard.funnel.stages ?? []).map((stage) => (
            <tr key={stage.stage} data-stage={stage.stage}>
              <th scope="row">{t(`stage.${stage.stage}` as MessageKey)}</th>
              <td className="number current">{integer.format(stage.current ?? 0)}</td>
              <td className="number reached">{integer.format(stage.reached ?? 0)}</td>
              <td className="number conversion">{formatShare(stage.conversion, locale)}</td>
              <td className="number median">{formatDuration(stage.medianSeconds, locale)}</td>
              <td className="number p90">{formatDuration(stage.p90Seconds, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FiguresTable({ figures, locale }: { figures: CommissionFigures; locale: Locale }) {
  const { t } = useI18n();
  const integer = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB');
  const currency = figures.capital?.currency ?? 'CNY';
  const rows: [string, MessageKey, string][] = [
    ['contracted', 'leadership.figures.contracted', integer.format(figures.contracted ?? 0)],
    ['landed', 'leadership.figures.landed', integer.format(figures.landed ?? 0)],
    ['constructionStarted', 'leadership.figures.constructionStarted', integer.format(figures.constructionStarted ?? 0)],
    ['fulfilled', 'leadership.figures.fulfilled', integer.format(figures.fulfilled ?? 0)],
    ['landingRate', 'leadership.figures.landingRate', formatShare(figures.landingRate, locale)],
    ['constructionStartRate', 'leadership.figures.constructionStartRate', formatShare(figures.constructionStartRate, locale)],
    ['fundsInPlaceRate', 'leadership.figures.fundsInPlaceRate', formatShare(figures.fundsInPlaceRate, locale)],
    ['contractFulfilmentRate', 'leadership.figures.contractFulfilmentRate', formatShare(figures.contractFulfilmentRate, locale)],
    ['capital.committed', 'leadership.figures.committedCapital', formatMoney(figures.capital?.committed ?? 0, currency, locale)],
    ['capital.realised', 'leadership.figures.realisedCapital', formatMoney(figures.capital?.realised ?? 0, currency, locale)],
    ['jobs.committed', 'leadership.figures.committedJobs', integer.format(figures.jobs?.committed ?? 0)],
    ['jobs.created', 'leadership.figures.createdJobs', integer.format(figures.jobs?.created ?? 0)],
    ['unconverted', 'leadership.figures.unconverted', (figures.unconverted ?? []).join(', ') || '—'],
  ];
  return (
    <div className="table-scroll">
      <table className="cases figures">
        <thead>
          <tr>
            <th scope="col">{t('leadership.figure')}</th>
            <th scope="col" className="number">{t('leadership.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([figure, label, value]) => (
            <tr key={figure} data-figure={figure}>
              <th scope="row">{t(label)}</th>
              <td className="number value">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseLink({ caseId }: { caseId?: string }) {
  return caseId ? <a href={href({ page: 'case', caseId })}>{caseId}</a> : null;
}

function profileOf(pipelineCase: DelayedCase | StalledCase): string {
  const profile = pipelineCase.profile ?? {};
  return [profile.country, profile.industryCode, profile.district].filter(Boolean).join(' · ');
}

/** One column of a case list: its header and what each case shows in it. */
interface Column<T> {
  header: MessageKey;
  number?: boolean;
  cell: (pipelineCase: T) => ReactNode;
}

/** A list of cases to act on, each linked to its page, or a sentence saying there is none. */
function CaseList<T extends DelayedCase | StalledCase>({ title, none, kind, cases, columns }:
  { title: MessageKey; none: MessageKey; kind: string; cases: T[]; columns: Column<T>[] }) {
  const { t } = useI18n();
  const all: Column<T>[] = [
    { header: 'leadership.case', cell: (pipelineCase) => <CaseLink caseId={pipelineCase.caseId} /> },
    { header: 'funnel.stage', cell: (pipelineCase) => t(`stage.${pipelineCase.stage}` as MessageKey) },
    { header: 'leadership.profile', cell: profileOf },
    ...columns,
  ];
  return (
    <>
      <h2>{t(title)}</h2>
      {cases.length === 0 ? <p className="empty-list">{t(none)}</p> : (
        <div className="table-scroll">
          <table className={`cases ${kind}`}>
            <thead>
              <tr>{all.map((column) => <th key={column.header} scope="col" className={column.number ? 'number' : undefined}>{t(column.header)}</th>)}</tr>
            </thead>
            <tbody>
              {cases.map((pipelineCase) => (
                <tr key={pipelineCase.caseId} data-case={pipelineCase.caseId}>
                  {all.map((column) => <td key={column.header} className={column.number ? 'number' : undefined}>{column.cell(pipelineCase)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DelayedTable({ cases }: { cases: DelayedCase[] }) {
  const { t, locale } = useI18n();
  return (
    <CaseList title="leadership.delayed.title" none="leadership.delayed.none" kind="delayed" cases={cases} columns={[
      { header: 'leadership.delayed.overdue',
        cell: (delayed) => (delayed.overdueMilestones ?? []).map((milestone) => t(`milestone.${milestone}` as MessageKey)).join(', ') },
      { header: 'leadership.since', cell: (delayed) => delayed.since && formatInstant(delayed.since, locale) },
    ]} />
  );
}

function StalledTable({ cases }: { cases: StalledCase[] }) {
  const { locale } = useI18n();
  const integer = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <CaseList title="leadership.stalled.title" none="leadership.stalled.none" kind="stalled" cases={cases} columns={[
      { header: 'leadership.since', cell: (stalled) => stalled.since && formatInstant(stalled.since, locale) },
      { header: 'leadership.stalled.days', number: true, cell: (stalled) => integer.format(stalled.days ?? 0) },
    ]} />
  );
}
