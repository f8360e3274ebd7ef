import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { District, Industry, IntentionView, SubmitIntentionRequest } from '../api/types';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { formValues } from './decisions';
import { FieldRow } from './FieldRow';
import { useLoad } from './useApi';

const INVESTMENT_TYPES = ['GREENFIELD', 'EXPANSION', 'MERGER_ACQUISITION', 'JOINT_VENTURE'] as const;
const CURRENCIES = ['EUR', 'USD', 'CNY', 'GBP', 'JPY', 'HKD', 'SGD', 'KRW', 'CHF', 'AUD', 'CAD'] as const;
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

type Field = keyof SubmitIntentionRequest;
type Values = Record<Field, string>;

const EMPTY: Values = {
  companyName: '', country: '', registrationNumber: '', website: '', contactName: '', contactEmail: '',
  contactPhone: '', industryCode: '', investmentType: '', plannedAmount: '', currency: 'EUR', plannedJobs: '',
  district: '', expectedStart: '', description: '',
};

/**
 * The request body as intake reads it: the amount goes as a JSON number written exactly as typed (a
 * decimal, never through a binary double), empty optional fields are left out.
 */
export function requestBody(values: Values): string {
  const { plannedAmount, plannedJobs, website, description, ...rest } = values;
  const body: Record<string, unknown> = { ...rest, plannedJobs: Number(plannedJobs), plannedAmount: '\u0000amount' };
  if (website.trim()) body.website = website.trim();
  if (description.trim()) body.description = description.trim();
  return JSON.stringify(body).replace('"\\u0000amount"', AMOUNT.test(plannedAmount) ? plannedAmount : 'null');
}

/** A fresh key per intention: retries and double clicks of the same submission create one case. */
function newIdempotencyKey(): string {
  return `portal-${crypto.randomUUID()}`;
}

/** Where the form sends: a new intention (POST, once per key), or an amended one (PUT, after a request for information). */
async function send(values: Values, idempotencyKey: string, amending?: IntentionView): Promise<IntentionView> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (amending) {
    return api<IntentionView>('intake', `/intentions/${encodeURIComponent(amending.caseId!)}`, { method: 'PUT', headers, body: requestBody(values) });
  }
  return api<IntentionView>('intake', '/intentions', { method: 'POST', headers: { ...headers, 'Idempotency-Key': idempotencyKey }, body: requestBody(values) });
}

/**
 * The investor's intention form, with each field's error from intake's problem+json under the field.
 * Given the intention it amends (information was requested), it starts from what was submitted and
 * answers with the whole form, which intake screens again.
 */
export function IntentionForm({ amending, onAmended }: { amending?: IntentionView; onAmended?: () => void } = {}) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Values>(() => (amending?.details ? formValues(amending.details) : EMPTY));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const industries = useLoad(() => api<Industry[]>('intake', '/reference/industries'), []);
  const districts = useLoad(() => api<District[]>('intake', '/reference/districts'), []);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) {
      return;
    }
    if (!AMOUNT.test(values.plannedAmount)) {
      setErrors({ plannedAmount: t('form.amountFormat') });
      setFailure(t('form.invalid'));
      return;
    }
    setSubmitting(true);
    try {
      const sent = await send(values, idempotencyKey.current, amending);
      idempotencyKey.current = newIdempotencyKey();
      if (amending) {
        onAmended?.();
      } else {
        window.location.hash = `#/cases?submitted=${sent.caseId}`;
      }
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      setErrors(fieldErrors(problem));
      setFailure(problem?.errors?.length ? t('form.invalid') : t('common.error', { status: error instanceof ApiError ? error.status : 0 }));
    } finally {
      setSubmitting(false);
    }
  }

  const input = (field: Field, label: MessageKey, props: Record<string, string> = {}) => (
    <FieldRow field={field} label={t(label)} error={errors[field]}>
      <input id={field} name={field} value={values[field]} onChange={set(field)}
        aria-invalid={errors[field] ? true : undefined} aria-describedby={errors[field] ? `${field}-error` : undefined} {...props} />
    </FieldRow>
  );
  const select = (field: Field, label: MessageKey, options: [string, string][]) => (
    <FieldRow field={field} label={t(label)} error={errors[field]}>
      <select id={field} name={field} value={values[field]} onChange={set(field)}
        aria-invalid={errors[field] ? true : undefined} aria-describedby={errors[field] ? `${field}-error` : undefined}>
        <option value="">{t('form.choose')}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </FieldRow>
  );
  const industryOptions: [string, string][] = industries.state === 'done'
    ? industries.value.map((industry) => [industry.code!, `${industry.code} — ${industry.name}`]) : [];
  const districtOptions: [string, string][] = districts.state === 'done'
    ? districts.value.map((district) => [district.name!, locale === 'zh' ? district.nameZh ?? district.name! : district.name!]) : [];

  return (
    <form className="intention" onSubmit={submit} noValidate aria-labelledby="intention-title">
      {amending
        ? <h2 id="intention-title">{t('case.answerTitle')}</h2>
        : <h1 id="intention-title">{t('form.title')}</h1>}
      <p>{t(amending ? 'case.answerIntro' : 'form.intro')}</p>
      {failure && <p className="alert" role="alert">{failure}</p>}
      <fieldset>
        <legend>{t('form.section.company')}</legend>
        {input('companyName', 'form.companyName', { autoComplete: 'organization' })}
        {input('country', 'form.country', { maxLength: '2', autoComplete: 'country' })}
        {input('registrationNumber', 'form.registrationNumber')}
        {input('website', 'form.website', { type: 'url', autoComplete: 'url' })}
      </fieldset>
      <fieldset>
        <legend>{t('form.section.contact')}</legend>
        {input('contactName', 'form.contactName', { autoComplete: 'name' })}
        {input('contactEmail', 'form.contactEmail', { type: 'email', autoComplete: 'email' })}
        {input('contactPhone', 'form.contactPhone', { type: 'tel', autoComplete: 'tel' })}
      </fieldset>
      <fieldset>
        <legend>{t('form.section.project')}</legend>
        {select('industryCode', 'form.industryCode', industryOptions)}
        {select('investmentType', 'form.investmentType',
          INVESTMENT_TYPES.map((type) => [type, t(`investmentType.${type}` as MessageKey)]))}
        {input('plannedAmount', 'form.plannedAmount', { inputMode: 'decimal' })}
        {select('currency', 'form.currency', CURRENCIES.map((currency) => [currency, currency]))}
        {input('plannedJobs', 'form.plannedJobs', { type: 'number', min: '0' })}
        {select('district', 'form.district', districtOptions)}
        {input('expectedStart', 'form.expectedStart', { type: 'date' })}
        <FieldRow field="description" label={t('form.description')} error={errors.description}>
          <textarea id="description" name="description" rows={4} value={values.description} onChange={set('description')} />
        </FieldRow>
      </fieldset>
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('form.submitting') : t(amending ? 'case.answerSubmit' : 'form.submit')}
      </button>
    </form>
  );
}
