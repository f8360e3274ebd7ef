import { useState, type FormEvent, type ReactNode } from 'react';
import { api, json, type Service } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { IntentionView, Officer } from '../api/types';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/catalogues';
import { FieldRow } from './FieldRow';
import { mayReassign, officerDecisions, reassignmentChoices, REJECTION_REASONS, type OfficerDecision } from './decisions';
import { useLoad } from './useApi';

/** One call that changes the case: busy while it runs, then done, or the service's field errors and refusal shown. */
export function useAction(onDone: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  async function run(service: Service, path: string, body?: unknown) {
    if (busy) {
      return;
    }
    setBusy(true);
    setErrors({});
    setRefusal(null);
    try {
      await api(service, path, body === undefined ? { method: 'POST' } : json('POST', body));
      onDone();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const byField = fieldErrors(problem);
      setErrors(byField);
      setRefusal(Object.keys(byField).length ? t('form.invalid')
        : t('case.decisionFailed', { status: error instanceof ApiError ? error.status : 0, detail: problem?.detail ?? '' }));
    } finally {
      setBusy(false);
    }
  }
  /** The user changed field: its error (and, once none is left, the refusal) no longer describes what they see. */
  function edited(field: string) {
    if (errors[field]) {
      const { [field]: _answered, ...rest } = errors;
      setErrors(rest);
      if (Object.keys(rest).length === 0) {
        setRefusal(null);
      }
    }
  }
  return { busy, errors, refusal, run, edited };
}

/**
 * The assigned officer's decisions on an intention: accept, ask the investor for information, or reject
 * with a reason; intake decides whether this officer may (the assigned one only) and from which status.
 */
export function OfficerDecisions({ intention, onDone }: { intention: IntentionView; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<OfficerDecision | null>(null);
  const action = useAction(() => {
    setOpen(null);
    onDone();
  });
  const decisions = officerDecisions(intention.status);
  if (decisions.length === 0) {
    return null;
  }
  const path = `/intentions/${encodeURIComponent(intention.caseId!)}`;
  return (
    <div className="decision">
      {action.refusal && <p className="alert" role="alert">{action.refusal}</p>}
      {decisions.includes('accept') && (
        <button type="button" className="button" onClick={() => action.run('intake', `${path}/acceptance`)} disabled={action.busy}>
          {action.busy && open === null ? t('case.accepting') : t('case.accept')}
        </button>
      )}
      {decisions.filter((decision) => decision !== 'accept' && decision !== open).map((decision) => (
        <button key={decision} type="button" className="button secondary" onClick={() => setOpen(decision)}>
          {t(`case.${decision}` as MessageKey)}
        </button>
      ))}
      {open === 'requestInformation' && (
        <TextForm id="information" title="case.requestInformation" intro="case.requestInformationIntro" field="message"
          label="case.informationMessage" submit="case.sendRequest" busy={action.busy} errors={action.errors} onEdited={action.edited}
          onSubmit={(message) => action.run('intake', `${path}/information-request`, { message })} />
      )}
      {open === 'reject' && <RejectionForm busy={action.busy} errors={action.errors} onEdited={action.edited}
        onSubmit={(reasonCode, reason) => action.run('intake', `${path}/rejection`, { reasonCode, reason })} />}
    </div>
  );
}

/** A small form with one text to send (a request for information, a reason), its error from the problem+json under it. */
export function TextForm({ id, title, intro, field, label, submit, busy, errors, onSubmit, onEdited, children }: {
  id: string; title: MessageKey; intro?: MessageKey; field: string; label: MessageKey; submit: MessageKey; busy: boolean;
  errors: Record<string, string>; onSubmit: (text: string) => void; onEdited: (field: string) => void; children?: ReactNode;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const inputId = `${id}-${field}`;
  function send(event: FormEvent) {
    event.preventDefault();
    onSubmit(text);
  }
  return (
    <form className="proposal" onSubmit={send} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(title)}</h3>
      {intro && <p>{t(intro)}</p>}
      {children}
      <FieldRow field={inputId} label={t(label)} error={errors[field]}>
        <textarea id={inputId} name={field} rows={3} value={text} onChange={(event) => { setText(event.target.value); onEdited(field); }}
          aria-invalid={errors[field] ? true : undefined} aria-describedby={errors[field] ? `${inputId}-error` : undefined} />
      </FieldRow>
      <button type="submit" className="button" disabled={busy}>{t(submit)}</button>
    </form>
  );
}

function RejectionForm({ busy, errors, onSubmit, onEdited }: {
  busy: boolean; errors: Record<string, string>; onSubmit: (reasonCode: string | null, reason: string) => void;
  onEdited: (field: string) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  return (
    <TextForm id="rejection" title="case.rejectTitle" intro="case.rejectIntro" field="reason" label="case.rejectReason"
      submit="case.rejectSubmit" busy={busy} errors={errors} onEdited={onEdited} onSubmit={(reason) => onSubmit(code || null, reason)}>
      <FieldRow field="rejection-reasonCode" label={t('case.rejectCode')} error={errors.reasonCode}>
        <select id="rejection-reasonCode" name="reasonCode" value={code}
          onChange={(event) => { setCode(event.target.value); onEdited('reasonCode'); }}
          aria-invalid={errors.reasonCode ? true : undefined} aria-describedby={errors.reasonCode ? 'rejection-reasonCode-error' : undefined}>
          <option value="">{t('form.choose')}</option>
          {REJECTION_REASONS.map((reason) => <option key={reason} value={reason}>{t(`rejection.${reason}` as MessageKey)}</option>)}
        </select>
      </FieldRow>
    </TextForm>
  );
}

/** A leader hands an undecided case to another of intake's officers; intake says whether that one may have it. */
export function Reassignment({ intention, onDone }: { intention: IntentionView; onDone: () => void }) {
  const { t } = useI18n();
  const [officer, setOfficer] = useState('');
  const [reassigned, setReassigned] = useState<string | null>(null);
  const officers = useLoad(() => api<Officer[]>('intake', '/officers'), []);
  const action = useAction(() => {
    setReassigned(officer);
    setOfficer('');
    onDone();
  });
  if (!mayReassign(intention.status)) {
    return null;
  }
  function send(event: FormEvent) {
    event.preventDefault();
    action.run('intake', `/intentions/${encodeURIComponent(intention.caseId!)}/assignment`, { officerId: officer });
  }
  const choices = officers.state === 'done' ? reassignmentChoices(officers.value, intention.assignedOfficerId) : [];
  return (
    <form className="proposal" onSubmit={send} noValidate aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t('case.reassignTitle')}</h2>
      {reassigned && reassigned === intention.assignedOfficerId
        ? <p className="notice" role="status">{t('case.reassigned', { officer: reassigned })}</p>
        : <p>{intention.assignedOfficerId ? t('case.assignedTo', { officer: intention.assignedOfficerId }) : t('case.unassigned')}</p>}
      {action.refusal && <p className="alert" role="alert">{action.refusal}</p>}
      <FieldRow field="reassign-officerId" label={t('case.reassignOfficer')} error={action.errors.officerId}>
        <select id="reassign-officerId" name="officerId" value={officer}
          onChange={(event) => { setOfficer(event.target.value); action.edited('officerId'); }}
          aria-invalid={action.errors.officerId ? true : undefined}
          aria-describedby={action.errors.officerId ? 'reassign-officerId-error' : 'reassign-officerId-hint'}>
          <option value="">{t('form.choose')}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.industries.length ? t('case.officerCovers', { officer: choice.id, industries: choice.industries.join(', ') }) : choice.id}
            </option>
          ))}
        </select>
      </FieldRow>
      <p className="hint" id="reassign-officerId-hint">{t('case.reassignHint')}</p>
      <button type="submit" className="button" disabled={action.busy}>{t('case.reassign')}</button>
    </form>
  );
}
