import { useState } from 'react';
import { api } from '../api/client';
import type { EnvelopeView, IntentionView, NegotiationView, PipelineCaseView, ProjectView } from '../api/types';
import { ApiError } from '../api/problem';
import { formatDate, formatInstant, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { Contract, Project } from './Contract';
import { Negotiation } from './Negotiation';
import { stagesEntered, stagesShown, type CaseSources } from './timeline';
import { useLoad } from './useApi';
import { useLiveCase } from './useLiveCase';

type CaseData = CaseSources;

/** The answer, or null when the service has nothing for the case yet (they learn of it from each other's events). */
function orNone<T>(answer: Promise<T>): Promise<T | null> {
  return answer.catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  });
}

/** The case from each service that owns a part of it, read at once; intake's answer decides whether it exists for the user. */
async function loadCase(caseId: string): Promise<CaseData> {
  const id = encodeURIComponent(caseId);
  const [intention, pipeline, negotiation, envelope, project] = await Promise.all([
    api<IntentionView>('intake', `/intentions/${id}`),
    orNone(api<PipelineCaseView>('tracking', `/pipeline/cases/${id}`)),
    orNone(api<NegotiationView>('negotiation', `/negotiations/${id}`)),
    orNone(api<EnvelopeView>('signing', `/envelopes/${id}`)),
    orNone(api<ProjectView>('tracking', `/projects/${id}`)),
  ]);
  return { intention, pipeline, negotiation, envelope, project };
}

/**
 * One case: its timeline through the stages, the negotiation once the intention is accepted (answered as
 * {@code side}; leaders only read), the intention as submitted and, for officers, the decision.
 */
export function CasePage({ caseId, officer = false, side }: { caseId: string; officer?: boolean; side?: 'COMMISSION' | 'INVESTOR' }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  // a live update, or a step taken on this page: the whole case is read again, so the timeline keeps up with it
  const [stepTaken, setStepTaken] = useState(0);
  const refresh = useLiveCase(caseId) + stepTaken;
  const data = useLoad(() => loadCase(caseId), [caseId, version], refresh);
  if (data.state === 'loading') {
    return <p>{t('common.loading')}</p>;
  }
  if (data.state === 'failed') {
    return <p role="alert">{data.error.status === 404 ? t('case.notFound', { caseId }) : t('common.error', { status: data.error.status })}</p>;
  }
  return (
    <section>
      <h1>{t('case.title', { caseId })}</h1>
      {officer && data.value.intention.status === 'IN_REVIEW' && <Accept caseId={caseId} onDone={() => setVersion((v) => v + 1)} />}
      <Timeline data={data.value} />
      {data.value.intention.status === 'ACCEPTED' && side && <Negotiation caseId={caseId} side={side} refresh={refresh} onChanged={() => setStepTaken((v) => v + 1)} />}
      {data.value.envelope && <Contract caseId={caseId} envelope={data.value.envelope} />}
      {data.value.project && <Project project={data.value.project} />}
      <Details intention={data.value.intention} />
    </section>
  );
}

/** The officer's acceptance; intake decides whether this officer may (the assigned one only). */
function Accept({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  async function accept() {
    setBusy(true);
    try {
      await api('intake', `/intentions/${encodeURIComponent(caseId)}/acceptance`, { method: 'POST' });
      onDone();
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setRefusal(t('case.decisionFailed', { status, detail: error instanceof ApiError ? error.problem?.detail ?? '' : '' }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="decision">
      {refusal && <p className="alert" role="alert">{refusal}</p>}
      <button type="button" className="button" onClick={accept} disabled={busy}>{busy ? t('case.accepting') : t('case.accept')}</button>
    </div>
  );
}

function Timeline({ data }: { data: CaseData }) {
  const { t, locale } = useI18n();
  const entered = stagesEntered(data);
  return (
    <>
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline">
        {stagesShown(entered).map((stage) => (
          <li key={stage} className={entered[stage] ? 'reached' : 'pending'}>
            <span className="stage">{t(`stage.${stage}` as MessageKey)}</span>
            <span className="when">{entered[stage] ? formatInstant(entered[stage], locale) : t('case.pending')}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

function Details({ intention }: { intention: IntentionView }) {
  const { t, locale } = useI18n();
  const details = intention.details;
  if (!details) {
    return null;
  }
  const rows: [MessageKey, string][] = [
    ['cases.status', t(`status.${intention.status}` as MessageKey)],
    ['form.companyName', details.companyName ?? ''],
    ['form.industryCode', details.industryCode ?? ''],
    ['form.district', details.district ?? ''],
    ['form.plannedAmount', formatMoney(details.plannedAmount!, details.currency!, locale)],
    ['form.plannedJobs', String(details.plannedJobs ?? '')],
    ['form.expectedStart', details.expectedStart ? formatDate(details.expectedStart, locale) : ''],
  ];
  return (
    <>
      <h2>{t('case.details')}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label).replace(/\s*\*$/, '')}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
