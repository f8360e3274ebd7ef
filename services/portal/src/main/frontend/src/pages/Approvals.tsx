import { useState } from 'react';
import { api } from '../api/client';
import type { NegotiationView, PendingApproval, SessionView, TermSheetView } from '../api/types';
import { formatInstant, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { href } from '../route';
import { useAction } from './CaseDecisions';
import { approvalOffer } from './decisions';
import { termValue } from './diffText';
import { FieldRow } from './FieldRow';
import { useLoad } from './useApi';

interface Waiting {
  approval: PendingApproval;
  companyName: string | null;
  sheet: TermSheetView | null;
}

/** negotiation's pending approvals, longest waiting first, each with the version's terms from its negotiation. */
async function loadApprovals(): Promise<Waiting[]> {
  const pending = await api<PendingApproval[]>('negotiation', '/approvals/pending');
  return Promise.all(pending.map(async (approval) => {
    const negotiation = await api<NegotiationView>('negotiation', `/negotiations/${encodeURIComponent(approval.caseId!)}`);
    return { approval, companyName: negotiation.companyName ?? null,
      sheet: negotiation.versions?.find((sheet) => sheet.version === approval.version) ?? null };
  }));
}

/**
 * The leaders' approvals inbox (maker-checker): every version the approval policy sent to a leader, with
 * why, since when and the terms; approve or reject with a reason. The version's author is offered
 * neither (negotiation refuses them as well).
 */
export function Approvals({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const approvals = useLoad(loadApprovals, [version]);
  return (
    <section>
      <h1>{t('approvals.title')}</h1>
      <p>{t('approvals.intro')}</p>
      {approvals.state === 'loading' && <p>{t('common.loading')}</p>}
      {approvals.state === 'failed' && <p role="alert">{t('common.error', { status: approvals.error.status })}</p>}
      {approvals.state === 'done' && approvals.value.length === 0 && <p className="notice" role="status">{t('approvals.empty')}</p>}
      {approvals.state === 'done' && approvals.value.map((waiting) => (
        <ApprovalItem key={`${waiting.approval.caseId}/${waiting.approval.version}`} waiting={waiting} session={session}
          onDecided={() => setVersion((v) => v + 1)} />
      ))}
    </section>
  );
}

function ApprovalItem({ waiting: { approval, companyName, sheet }, session, onDecided }: { waiting: Waiting; session: SessionView; onDecided: () => void }) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction(onDecided);
  const id = `approval-${approval.caseId}-${approval.version}`;
  const decide = (decision: 'approval' | 'rejection') => action.run('negotiation',
    `/negotiations/${encodeURIComponent(approval.caseId!)}/proposals/${approval.version}/${decision}`, { reason });
  const terms = sheet?.terms;
  const offer = approvalOffer(approval, session);
  return (
    <article className="approval" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <a href={href({ page: 'case', caseId: approval.caseId! })}>{t('approvals.item', { caseId: approval.caseId!, version: approval.version! })}</a>
        {approval.escalated && <span className="badge">{t('approvals.escalated')}</span>}
      </h2>
      {companyName && <p className="company">{companyName}</p>}
      <p>{t('approvals.proposed', { author: approval.proposedBy ?? '', since: formatInstant(approval.pendingSince!, locale) })}</p>
      <ul className="reasons" aria-label={t('approvals.reasons')}>
        {(approval.reasons ?? []).map((text) => <li key={text}>{text}</li>)}
      </ul>
      {terms && (
        <dl className="details">
          <div><dt>{t('negotiation.amount')}</dt><dd>{formatMoney(terms.investmentAmount!, terms.currency!, locale)}</dd></div>
          <div><dt>{t('negotiation.jobs')}</dt><dd>{terms.jobs}</dd></div>
          {(terms.incentives ?? []).map((incentive) => (
            <div key={incentive.kind}>
              <dt>{t(`diff.incentive.${incentive.kind}` as MessageKey)}</dt>
              <dd>{termValue(`incentives.${incentive.kind}.value`, String(incentive.value), terms.currency!, locale)} · {incentive.policyBasis}</dd>
            </div>
          ))}
        </dl>
      )}
      {offer === 'own' && <p className="notice">{t('approvals.ownVersion')}</p>}
      {offer === 'decide' && (
        <form className="proposal" noValidate onSubmit={(event) => { event.preventDefault(); decide('approval'); }}>
          {action.refusal && <p className="alert" role="alert">{action.refusal}</p>}
          <FieldRow field={`${id}-reason`} label={t('approvals.reason')} error={action.errors.reason}>
            <textarea id={`${id}-reason`} name="reason" rows={2} value={reason} onChange={(event) => { setReason(event.target.value); action.edited('reason'); }}
              aria-invalid={action.errors.reason ? true : undefined} aria-describedby={action.errors.reason ? `${id}-reason-error` : undefined} />
          </FieldRow>
          <div className="decision">
            <button type="submit" className="button" disabled={action.busy}>{t('approvals.approve', { version: approval.version! })}</button>
            <button type="button" className="button secondary" disabled={action.busy} onClick={() => decide('rejection')}>
              {t('approvals.reject', { version: approval.version! })}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
