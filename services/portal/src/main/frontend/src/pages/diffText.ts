import type { DiffView } from '../api/types';
import { translate, type Locale, type MessageKey } from '../i18n/catalogues';
import { formatDate, formatMoney } from '../i18n/format';

type Change = DiffView['changes'][number];

const MONEY = /^(investmentAmount|capitalSchedule\[\d+]\.amount|land\.price|incentives\.SUBSIDY\.value)$/;
const DATE = /^(landingDeadline|capitalSchedule\[\d+]\.dueBy|milestones\.\w+)$/;
const INCENTIVES = ['SUBSIDY', 'TAX_REBATE', 'RENT_FREE'];

/**
 * negotiation's diff (its structured changes, not its English text) in the reader's language: each
 * changed term by its name, values formatted as on the rest of the page (money per locale, dates).
 */
export function diffLines(diff: DiffView, currencies: { from: string; to: string }, locale: Locale): string[] {
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key as MessageKey, values);
  if (diff.changes.length === 0) {
    return [t('diff.same', { from: diff.from, to: diff.to })];
  }
  return diff.changes.map((change: Change) => {
    const field = fieldName(change.field, t);
    const before = value(change.field, change.before, currencies.from, locale, t);
    const after = value(change.field, change.after, currencies.to, locale, t);
    switch (change.kind) {
      case 'ADDED':
        return t('diff.added', { field, value: after });
      case 'REMOVED':
        return t('diff.removed', { field, value: before });
      default:
        return t('diff.changed', { field, before, after });
    }
  });
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A term's name: the form's labels for the main terms, numbered tranches and conditions, the rest from the catalogue. */
export function fieldName(field: string, t: Translate): string {
  const simple: Record<string, string> = {
    investmentAmount: 'negotiation.amount', currency: 'negotiation.currency', jobs: 'negotiation.jobs',
    landingDeadline: 'negotiation.landingDeadline',
  };
  if (simple[field]) {
    return t(simple[field]);
  }
  const tranche = /^capitalSchedule\[(\d+)]\.(amount|dueBy)$/.exec(field);
  if (tranche) {
    return t(`diff.field.tranche.${tranche[2]}`, { n: Number(tranche[1]) + 1 });
  }
  const condition = /^specialConditions\[(\d+)]$/.exec(field);
  if (condition) {
    return t('diff.field.specialCondition', { n: Number(condition[1]) + 1 });
  }
  const incentive = /^incentives\.(\w+)\.(value|policyBasis)$/.exec(field);
  if (incentive) {
    const kind = INCENTIVES.includes(incentive[1]) ? t(`diff.incentive.${incentive[1]}`) : incentive[1];
    return t(`diff.field.incentive.${incentive[2]}`, { kind });
  }
  const key = `diff.field.${field}`;
  const named = t(key);
  return named === key ? field : named;
}

/** One term's value as the diff shows it (e.g. field incentives.SUBSIDY.value: money in the terms' currency). */
export function termValue(field: string, raw: string | null, currency: string, locale: Locale): string {
  return value(field, raw, currency, locale, (key, values) => translate(locale, key as MessageKey, values));
}

function value(field: string, raw: string | null, currency: string, locale: Locale, t: Translate): string {
  if (raw === null) {
    return '—';
  }
  if (MONEY.test(field)) {
    return formatMoney(raw, currency, locale);
  }
  if (DATE.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    return formatDate(raw, locale);
  }
  if (field === 'land.areaSquareMetres') {
    return `${Number(raw).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')} m²`;
  }
  if (field === 'incentives.TAX_REBATE.value') {
    return `${raw} %`;
  }
  if (field === 'incentives.RENT_FREE.value' || field === 'land.leaseYears') {
    return t('diff.years', { n: raw });
  }
  return raw;
}
