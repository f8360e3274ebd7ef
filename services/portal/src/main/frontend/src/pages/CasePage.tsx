import { useState } from 'react';
import { api } from '../api/client';
import type { EnvelopeView, IntentionView, NegotiationView, PipelineCaseView, ProjectView } from '../api/types';
import { ApiError } from '../api/problem';
import { formatDate, formatInstant, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { OfficerDecisions, Reassignment } from './CaseDecisions';
import { Contract, Project } from './Contract';
import { informationAsked } from './decisions';
import { IntentionForm } from './IntentionForm';
import { Negotiation } from './Negotiation';
import { stagesEntered, timelineRows, type CaseSources } from './timeline';
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
 * {@code side}; leaders only read), the intention as submitted; for officers the decisions, for leaders
 * the reassignment, for the investor the answer to a request for information.
 */
export function CasePage({ caseId, officer = false, leader = false, side }: {
  caseId: string; officer?: boolean; leader?: boolean; side?: 'COMMISSION' | 'INVESTOR';
}) {
  const { t } = useI18n();
  // a live update, or a step taken on this page: the whole case is read again, so the timeline keeps up with it
  const [stepTaken, setStepTaken] = useState(0);
  const refresh = useLiveCase(caseId) + stepTaken;
  const data = useLoad(() => loadCase(caseId), [caseId], refresh);
  if (data.state === 'loading') {
    return <p>{t('common.loading')}</p>;
  }
  if (data.state === 'failed') {
    return <p role="alert">{data.error.status === 404 ? t('case.notFound', { caseId }) : t('common.error', { status: data.error.status })}</p>;
  }
  return (
    <section>
      <h1>{t('case.title', { caseId })}</h1>
      {officer && <OfficerDecisions intention={data.value.intention} onDone={() => setStepTaken((v) => v + 1)} />}
      <Timeline data={data.value} investor={side === 'INVESTOR'} />
      {side === 'INVESTOR' && informationAsked(data.value.intention) !== null && (
        <IntentionForm key={data.value.intention.caseId} amending={data.value.intention} onAmended={() => setStepTaken((v) => v + 1)} />
      )}
      {leader && <Reassignment intention={data.value.intention} onDone={() => setStepTaken((v) => v + 1)} />}
      {data.value.intention.status === 'ACCEPTED' && side && <Negotiation caseId={caseId} side={side} refresh={refresh} onChanged={() => setStepTaken((v) => v + 1)} />}
      {data.value.envelope && <Contract caseId={caseId} envelope={data.value.envelope} />}
      {data.value.project && <Project project={data.value.project} />}
      <Details intention={data.value.intention} />
    </section>
  );
}

/** The stages, and what the case waits for now: the information the officer asked the investor for. */
function Timeline({ data, investor }: { data: CaseData; investor: boolean }) {
  const { t, locale } = useI18n();
  const asked = informationAsked(data.intention);
  const waiting = asked === null ? null
    : { stage: 'INFORMATION_REQUESTED', waitingFor: t(investor ? 'case.waitingForYou' : 'case.waitingForInvestor', { request: asked }) };
  return (
    <>
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline">
        {timelineRows(stagesEntered(data), waiting).map((row) => ('waitingFor' in row ? (
          <li key={row.stage} className="waiting">
            <span className="stage">{t(`stage.${row.stage}` as MessageKey)}</span>
            <span className="when">{row.waitingFor}</span>
          </li>
        ) : (
          <li key={row.stage} className={row.at ? 'reached' : 'pending'}>
            <span className="stage">{t(`stage.${row.stage}` as MessageKey)}</span>
            <span className="when">{row.at ? formatInstant(row.at, locale) : t('case.pending')}</span>
          </li>
        )))}
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
    ['case.assignedOfficer', intention.assignedOfficerId ?? t('case.unassigned')],
  ];
  if (intention.rejectionReason) {
    rows.push(['case.rejectionReason', `${t(`rejection.${intention.rejectionReason}` as MessageKey)}: ${intention.rejectionText ?? ''}`]);
  }
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
