import type { EChartsCoreOption } from 'echarts/core';
import { INTL_LOCALE, type Locale, type MessageKey } from '../../i18n/catalogues';
import { formatMoney, formatShare } from '../../i18n/format';
import type { Dashboard } from './dashboard';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** One bar per category; what a chart of the dashboard shows, before it becomes ECharts' option. */
interface Bars {
  categories: string[];
  /** null where the API has no value (no bar, a dash in words). */
  values: (number | null)[];
  /** How a value reads in the text alternative (exactly, as in the table). */
  format: (value: number) => string;
  /** How it reads on the axis and the bar, where space is short; the exact format unless given. */
  short?: (value: number) => string;
  /** Whole numbers only on the axis (counts). */
  counts?: boolean;
  /** Roughly how many steps the axis has (ECharts' default 5 crowds long money labels). */
  steps?: number;
  /** The text alternative's sentence; {list} is replaced by "category: value" pairs. */
  aria: MessageKey;
  max?: number;
}

/** The cases that reached each stage, in the funnel's order (exits last), as the API lists them. */
export function funnelChart(dashboard: Dashboard, t: Translate, locale: Locale): EChartsCoreOption {
  const stages = dashboard.funnel.stages ?? [];
  const integer = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB');
  return horizontalBars({
    categories: stages.map((stage) => t(`stage.${stage.stage}` as MessageKey)),
    values: stages.map((stage) => stage.reached ?? 0),
    format: (value) => integer.format(value),
    aria: 'leadership.funnel.aria',
    counts: true,
  }, t);
}

/** The four rates of the commission, as shares of 1 (a rate the API has none of, nothing contracted, has no bar). */
export function ratesChart(dashboard: Dashboard, t: Translate, locale: Locale): EChartsCoreOption {
  const { figures } = dashboard;
  const rates = [
    ['leadership.figures.landingRate', figures.landingRate],
    ['leadership.figures.constructionStartRate', figures.constructionStartRate],
    ['leadership.figures.fundsInPlaceRate', figures.fundsInPlaceRate],
    ['leadership.figures.contractFulfilmentRate', figures.contractFulfilmentRate],
  ] as const;
  return horizontalBars({
    categories: rates.map(([key]) => t(key)),
    values: rates.map(([, rate]) => rate ?? null),
    format: (value) => formatShare(value, locale),
    aria: 'leadership.rates.aria',
    max: 1,
  }, t);
}

/** Committed against realised capital, in the reporting currency, money as the reader's language writes it. */
export function capitalChart(dashboard: Dashboard, t: Translate, locale: Locale): EChartsCoreOption {
  const capital = dashboard.figures.capital;
  const currency = capital?.currency ?? 'CNY';
  return horizontalBars({
    categories: [t('leadership.figures.committedCapital'), t('leadership.figures.realisedCapital')],
    values: [capital?.committed ?? 0, capital?.realised ?? 0],
    format: (value) => formatMoney(value, currency, locale),
    short: (value) => shortMoney(value, currency, locale),
    aria: 'leadership.capital.aria',
    steps: 2,
  }, t);
}

/** Money on a chart: compact (CN¥975M; in 中文 万/亿 as everywhere), the table beside it has the exact amount. */
export function shortMoney(amount: number, currency: string, locale: Locale): string {
  return locale === 'zh' ? formatMoney(amount, currency, locale)
    : new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 })
      .format(amount);
}

/**
 * ECharts' option for horizontal bars: categories top to bottom as listed, each bar labelled with its value,
 * no animation (the numbers are what matters), and the aria option's description naming every bar and value
 * (ECharts puts it on the chart's element as role="img" with that label).
 */
function horizontalBars(bars: Bars, t: Translate): EChartsCoreOption {
  const words = (value: number | null) => (value == null ? '—' : bars.format(value));
  const short = bars.short ?? bars.format;
  const list = bars.categories.map((category, index) => `${category}: ${words(bars.values[index])}`).join('; ');
  return {
    animation: false,
    aria: { enabled: true, label: { description: t(bars.aria, { list }) } },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: bars.max, minInterval: bars.counts ? 1 : undefined, splitNumber: bars.steps, axisLabel: { formatter: short, color: '#1b2430' } },
    yAxis: { type: 'category', inverse: true, data: bars.categories, axisLabel: { color: '#1b2430' } },
    series: [{
      type: 'bar',
      data: bars.values.map((value) => value ?? '-'), // ECharts' empty value
      itemStyle: { color: '#b4232a' },
      label: { show: true, position: 'right', color: '#1b2430', formatter: ({ value }: { value: number }) => short(value) },
    }],
  };
}
