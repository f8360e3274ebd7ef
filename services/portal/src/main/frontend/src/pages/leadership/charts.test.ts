import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../i18n/catalogues';
import { capitalChart, funnelChart, ratesChart } from './charts';
import { DASHBOARD } from './fixture';

const en = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
const zh = (key: MessageKey, values?: Record<string, string | number>) => translate('zh', key, values);

interface Option {
  aria: { enabled: boolean; label: { description: string } };
  yAxis: { data: string[] };
  xAxis: { max?: number; minInterval?: number; splitNumber?: number; axisLabel: { formatter: (value: number) => string } };
  series: { type: string; data: (number | string)[]; label: { formatter: (point: { value: number }) => string } }[];
}

describe('the dashboard’s charts', () => {
  it('draw the funnel’s reached counts per stage, in the API’s order, with a text alternative naming each', () => {
    const option = funnelChart(DASHBOARD, en, 'en') as unknown as Option;
    expect(option.yAxis.data).toEqual(['Intention submitted', 'Screened', 'Contract signed', 'Rejected']);
    expect(option.series[0].data).toEqual([10, 8, 4, 1]);
    expect(option.aria.enabled).toBe(true);
    expect(option.aria.label.description).toContain('Intention submitted: 10; Screened: 8; Contract signed: 4; Rejected: 1');
    expect(option.xAxis.minInterval).toBe(1);
  });

  it('draw the four rates on a scale up to 100 %, as percentages', () => {
    const option = ratesChart(DASHBOARD, en, 'en') as unknown as Option;
    expect(option.series[0].data).toEqual([0.25, 0.5, 0.3125, 0]);
    expect(option.xAxis.max).toBe(1);
    expect(option.series[0].label.formatter({ value: 0.3125 })).toBe('31.3%');
    expect(option.aria.label.description).toContain('Landing rate: 25%');
  });

  it('draw no bar for a rate the API has none of, and say so with a dash', () => {
    const none = { ...DASHBOARD, figures: { ...DASHBOARD.figures, landingRate: undefined } };
    const option = ratesChart(none, en, 'en') as unknown as Option;
    expect(option.series[0].data[0]).toBe('-');
    expect(option.aria.label.description).toContain('Landing rate: —;');
  });

  it('draw committed against realised capital, in 万/亿 in 中文', () => {
    const option = capitalChart(DASHBOARD, zh, 'zh') as unknown as Option;
    expect(option.series[0].data).toEqual([763200000.5, 238500000]);
    expect(option.xAxis.axisLabel.formatter(238500000)).toBe('¥2.39亿');
    expect(option.aria.label.description).toContain('实际到位资金: ¥2.39亿');
    const english = capitalChart(DASHBOARD, en, 'en') as unknown as Option;
    expect(english.series[0].label.formatter({ value: 238500000 })).toBe('CN¥238.5m');
    expect(english.xAxis.axisLabel.formatter(200000000)).toBe('CN¥200m');
    expect(english.xAxis.splitNumber).toBe(2);
    expect(english.aria.label.description).toContain('Realised capital: CN¥238,500,000.00');
  });
});
