import { describe, expect, it } from 'vitest';
import { csvField, dashboardCsv, exportName } from './dashboardCsv';
import { DASHBOARD } from './fixture';
import { NO_FILTERS } from './filters';

function rows(csv: string): string[] {
  return csv.split('\r\n');
}

describe('the dashboard’s CSV', () => {
  const csv = dashboardCsv({ ...NO_FILTERS, country: 'DE', from: '2026-01-01' }, DASHBOARD);

  it('has a header row, CRLF line ends and a final line end', () => {
    expect(rows(csv)[0]).toBe('section,item,measure,value');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('names the filters it was made with, every one, empty when not applied', () => {
    expect(rows(csv).slice(1, 6)).toEqual(['filter,,country,DE', 'filter,,industryCode,', 'filter,,district,',
      'filter,,from,2026-01-01', 'filter,,to,']);
  });

  it('holds every number of the funnel as the API answered it, empty where it answered none', () => {
    expect(rows(csv)).toEqual(expect.arrayContaining(['funnel,INTENTION,current,2', 'funnel,INTENTION,reached,10',
      'funnel,INTENTION,conversion,', 'funnel,INTENTION,medianSeconds,3600', 'funnel,INTENTION,p90Seconds,7200',
      'funnel,SCREENED,conversion,0.8', 'funnel,SCREENED,p90Seconds,432000', 'funnel,REJECTED,conversion,0.1']));
    expect(rows(csv).filter((row) => row.startsWith('funnel,'))).toHaveLength(4 * 5);
  });

  it('holds the commission’s figures: counts, rates, capital exactly, jobs and the currencies left out', () => {
    expect(rows(csv)).toEqual(expect.arrayContaining(['figures,,contracted,4', 'figures,,landingRate,0.25',
      'figures,,fundsInPlaceRate,0.3125', 'figures,,contractFulfilmentRate,0', 'figures,capital,currency,CNY',
      'figures,capital,committed,763200000.5', 'figures,capital,realised,238500000', 'figures,jobs,committed,955',
      'figures,jobs,created,120', 'figures,,unconverted,CHF;SGD']));
  });

  it('lists the delayed and stalled cases', () => {
    expect(rows(csv)).toEqual(expect.arrayContaining(['delayed,CQ-2026-000007,overdueMilestones,BUSINESS_REGISTERED;CONSTRUCTION_STARTED',
      'delayed,CQ-2026-000007,since,2026-11-02T08:00:00Z', 'stalled,CQ-2026-000003,days,65', 'stalled,CQ-2026-000003,stage,SCREENED']));
  });

  it('quotes only what RFC 4180 requires and never lets a spreadsheet run a formula', () => {
    expect(csvField('两江新区')).toBe('两江新区');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+86')).toBe("'+86");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('is named by what it holds and the day', () => {
    expect(exportName('dashboard', new Date('2026-12-05T10:00:00Z'))).toBe('investflow-dashboard-2026-12-05.csv');
  });
});
