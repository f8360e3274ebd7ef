import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { DiffView, NegotiationView, ProposeTermsRequest, TermSheetView } from '../api/types';
import { formatDate, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { diffLines } from './diffText';
import { INCENTIVE_KINDS, incentiveRows, incentivesOf, keptTerms, type IncentiveRow } from './proposal';
import { useLoad } from './useApi';

type Side = 'COMMISSION' | 'INVESTOR';

interface NegotiationData {
  negotiation: NegotiationView;
  diff: DiffView | null;
}

/** The two versions shown side by side: the one on the table and the one it answered (none for the first). */
export function sideBySide(versions: TermSheetView[]): [TermSheetView | null, TermSheetView | null] {
  const tabled = versions.filter((sheet) => sheet.standing === 'TABLED');
  const latest = tabled[tabled.length - 1] ?? null;
  if (!latest) {
    return [null, null];
  }
  const earlier = tabled.filter((sheet) => sheet.version! < latest.version!);
  const answered = earlier.find((sheet) => sheet.version === latest.basedOn) ?? earlier[earlier.length - 1] ?? null;
  return [answered, latest];
}

/** Whether {@code side} may answer the version on the table: it is the other side's, and the negotiation is open. */
export function mayAnswer(negotiation: NegotiationView, latest: TermSheetView | null, side: Side): boolean {
  return negotiation.status === 'OPEN' && latest !== null && latest.side !== side;
}

/**
 * The newest version, when it is not on the table because of the approval policy: waiting for a leader,
 * or not approved (staff see the leader's reason). Null when the newest version is on the table.
 */
export function withLeader(versions: TermSheetView[]): TermSheetView | null {
  const newest = versions.reduce<TermSheetView | null>((last, sheet) => (!last || sheet.version! > last.version! ? sheet : last), null);
  return newest && (newest.standing === 'PENDING_APPROVAL' || newest.standing === 'REJECTED') ? newest : null;
}

async function loadNegotiation(caseId: string): Promise<NegotiationData | null> {
  const negotiation = await api<NegotiationView>('negotiation', `/negotiations/${encodeURIComponent(caseId)}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  });
  if (!negotiation) {
    return null;
  }
  const [before, latest] = sideBySide(negotiation.versions ?? []);
  const diff = before && latest
    ? await api<DiffView>('negotiation', `/negotiations/${encodeURIComponent(caseId)}/diff?from=${before.version}&to=${latest.version}`)
    : null;
  return { negotiation, diff };
}

/** The negotiation of a case: the versions side by side with what changed, accept, counter, or (officers) propose. */
export function Negotiation({ caseId, side, refresh = 0, onChanged }: {
  caseId: string; side: Side; refresh?: number; onChanged?: () => void;
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [proposing, setProposing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const data = useLoad(() => loadNegotiation(caseId), [caseId, version], refresh);
  if (data.state === 'loading') {
    return null;
  }
  if (data.state === 'failed') {
    return <p role="alert">{t('common.error', { status: data.error.status })}</p>;
  }
  if (data.value === null) {
    return null;
  }
  const { negotiation, diff } = data.value;
  const [before, latest] = sideBySide(negotiation.versions ?? []);
  const reload = () => {
    setProposing(false);
    setVersion((v) => v + 1);
    onChanged?.();
  };
  async function accept() {
    setRefusal(null);
    try {
      await api('negotiation', `/negotiations/${encodeURIComponent(caseId)}/proposals/${latest!.version}/acceptance`, { method: 'POST' });
      reload();
    } catch (error) {
      setRefusal(t('case.decisionFailed', { status: error instanceof ApiError ? error.status : 0,
        detail: error instanceof ApiError ? error.problem?.detail ?? '' : '' }));
    }
  }
  const answering = mayAnswer(negotiation, latest, side);
  const approval = withLeader(negotiation.versions ?? []);
  const mayPropose = negotiation.status === 'OPEN' && (answering || (latest === null && side === 'COMMISSION'));
  return (
    <section className="negotiation" aria-labelledby="negotiation-title">
      <h2 id="negotiation-title">{t('negotiation.title')}</h2>
      <p>{t('negotiation.status', { status: t(`negotiation.status.${negotiation.status}` as MessageKey) })}</p>
      {latest !== null ? <Versions before={before} latest={latest} diff={diff} /> : !approval && <p>{t('negotiation.noVersion')}</p>}
      {approval && (
        <p className="notice" role="status">
          {approval.standing === 'PENDING_APPROVAL'
            ? t('negotiation.pendingApproval', { version: approval.version! })
            : t('negotiation.approvalRejected', { version: approval.version!, reason: approval.approval?.reason ?? '' })}
        </p>
      )}
      {refusal && <p className="alert" role="alert">{refusal}</p>}
      <div className="decision">
        {answering && <button type="button" className="button" onClick={accept}>{t('negotiation.accept', { version: latest!.version! })}</button>}
        {mayPropose && !proposing && (
          <button type="button" className="button secondary" onClick={() => setProposing(true)}>
            {latest ? t('negotiation.counter') : t('negotiation.propose')}
          </button>
        )}
      </div>
      {proposing && <ProposalForm caseId={caseId} basedOn={latest?.version} start={latest} onDone={reload} />}
    </section>
  );
}

function Versions({ before, latest, diff }: { before: TermSheetView | null; latest: TermSheetView; diff: DiffView | null }) {
  const { t, locale } = useI18n();
  const changed = new Set((diff?.changes ?? []).map((change) => change.field));
  const rows: [string, MessageKey, (sheet: TermSheetView) => string][] = [
    ['investmentAmount', 'negotiation.amount', (sheet) => formatMoney(sheet.terms!.investmentAmount!, sheet.terms!.currency!, locale)],
    ['jobs', 'negotiation.jobs', (sheet) => String(sheet.terms!.jobs ?? '')],
    ['landingDeadline', 'negotiation.landingDeadline', (sheet) => formatDate(sheet.terms!.landingDeadline!, locale)],
  ];
  const sheets = before ? [before, latest] : [latest];
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('negotiation.versions')}>
      <table className="versions">
        <caption>{t('negotiation.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('negotiation.term')}</th>
            {sheets.map((sheet) => (
              <th scope="col" key={sheet.version}>
                {t('negotiation.version', { version: sheet.version!, side: t(`negotiation.side.${sheet.side}` as MessageKey) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, label, value]) => (
            <tr key={field} className={changed.has(field) ? 'changed' : undefined}>
              <th scope="row">{t(label)}{changed.has(field) && <span className="badge">{t('negotiation.changed')}</span>}</th>
              {sheets.map((sheet) => <td key={sheet.version}>{value(sheet)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {diff && (
        <details open>
          <summary>{t('negotiation.diff', { from: diff.from, to: diff.to })}</summary>
          <ul className="diff">
            {diffLines(diff, { from: before?.terms?.currency ?? latest.terms!.currency!, to: latest.terms!.currency! }, locale)
              .map((line, index) => <li key={index}>{line}</li>)}
          </ul>
        </details>
      )}
    </>
  );
}

type Field = 'investmentAmount' | 'currency' | 'jobs' | 'landingDeadline';

/** A proposal (officer) or counter-proposal (either side) of the terms the first release's form knows. */
function ProposalForm({ caseId, basedOn, start, onDone }: { caseId: string; basedOn?: number; start: TermSheetView | null; onDone: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    investmentAmount: start?.terms?.investmentAmount?.toString() ?? '',
    currency: start?.terms?.currency ?? 'EUR',
    jobs: start?.terms?.jobs?.toString() ?? '',
    landingDeadline: start?.terms?.landingDeadline ?? '',
  });
  const [incentives, setIncentives] = useState<IncentiveRow[]>(incentiveRows(start));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const kept = keptTerms(start);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setBusy(true);
    const body = {
      investmentAmount: values.investmentAmount.trim() === '' ? null : Number(values.investmentAmount),
      currency: values.currency,
      jobs: values.jobs.trim() === '' ? null : Number(values.jobs),
      landingDeadline: values.landingDeadline || null,
      ...kept,
      incentives: incentivesOf(incentives),
      ...(basedOn ? { basedOn } : {}),
    } as unknown as ProposeTermsRequest;
    try {
      await api('negotiation', `/negotiations/${encodeURIComponent(caseId)}/proposals`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      onDone();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const byField = fieldErrors(problem);
      setErrors(Object.keys(byField).length ? byField : { form: problem?.detail ?? t('common.error', { status: error instanceof ApiError ? error.status : 0 }) });
    } finally {
      setBusy(false);
    }
  }
  const field = (name: Field, label: MessageKey, props: Record<string, string>) => (
    <div className={errors[name] ? 'field invalid' : 'field'}>
      <label htmlFor={`terms-${name}`}>{t(label)}</label>
      <input id={`terms-${name}`} name={name} value={values[name]} onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `terms-${name}-error` : undefined} {...props} />
      {errors[name] && <p className="field-error" id={`terms-${name}-error`}>{errors[name]}</p>}
    </div>
  );
  return (
    <form className="proposal" onSubmit={submit} noValidate aria-labelledby="proposal-title">
      <h3 id="proposal-title">{basedOn ? t('negotiation.counterTitle', { version: basedOn }) : t('negotiation.proposeTitle')}</h3>
      {errors.form && <p className="alert" role="alert">{errors.form}</p>}
      {field('investmentAmount', 'negotiation.amount', { inputMode: 'decimal' })}
      {field('currency', 'negotiation.currency', { maxLength: '3' })}
      {field('jobs', 'negotiation.jobs', { type: 'number', min: '0' })}
      {field('landingDeadline', 'negotiation.landingDeadline', { type: 'date' })}
      <Incentives rows={incentives} errors={errors} onChange={setIncentives} />
      {Object.keys(kept).length > 0 && <p className="hint">{t('negotiation.keptTerms')}</p>}
      <button type="submit" className="button" disabled={busy}>{busy ? t('negotiation.sending') : t('negotiation.send')}</button>
    </form>
  );
}

/** The incentives of a proposal, one row each (kind, value, policy basis), added and removed; negotiation's errors under their fields. */
function Incentives({ rows, errors, onChange }: { rows: IncentiveRow[]; errors: Record<string, string>; onChange: (rows: IncentiveRow[]) => void }) {
  const { t } = useI18n();
  const change = (index: number, part: keyof IncentiveRow, value: string) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, [part]: value } : row)));
  const input = (index: number, part: keyof IncentiveRow, label: MessageKey, props: Record<string, string>) => {
    const name = `incentives[${index}].${part}`;
    const id = `incentive-${index}-${part}`;
    return (
      <div className={errors[name] ? 'field invalid' : 'field'}>
        <label htmlFor={id}>{t(label)}</label>
        {part === 'kind' ? (
          <select id={id} value={rows[index].kind} onChange={(event) => change(index, part, event.target.value)}
            aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${id}-error` : undefined}>
            {INCENTIVE_KINDS.map((kind) => <option key={kind} value={kind}>{t(`negotiation.incentive.${kind}` as MessageKey)}</option>)}
          </select>
        ) : (
          <input id={id} value={rows[index][part]} onChange={(event) => change(index, part, event.target.value)}
            aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${id}-error` : undefined} {...props} />
        )}
        {errors[name] && <p className="field-error" id={`${id}-error`}>{errors[name]}</p>}
      </div>
    );
  };
  return (
    <fieldset className="incentives">
      <legend>{t('negotiation.incentives')}</legend>
      {rows.map((_, index) => (
        <div className="incentive" key={index}>
          {input(index, 'kind', 'negotiation.incentive.kind', {})}
          {input(index, 'value', 'negotiation.incentive.value', { inputMode: 'decimal' })}
          {input(index, 'policyBasis', 'negotiation.incentive.policyBasis', {})}
          <button type="button" className="link-button" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            {t('negotiation.incentive.remove', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary incentive-add" onClick={() => onChange([...rows, { kind: 'SUBSIDY', value: '', policyBasis: '' }])}>
        {t('negotiation.incentive.add')}
      </button>
    </fieldset>
  );
}
