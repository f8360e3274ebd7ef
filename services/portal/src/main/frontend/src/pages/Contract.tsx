import { useState, type ChangeEvent } from 'react';
import { csrfToken } from '../api/client';
import type { EnvelopeView, ProjectView, SealVerification } from '../api/types';
import type { MessageKey } from '../i18n/catalogues';
import { formatDate, formatInstant, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { milestoneRows } from './project';
import { reasonKey } from './verification';

/**
 * The case's contract: its status and signers, the contract to read before signing (a signer signs
 * through their mailed link) and, once executed, the sealed contract to download and a check of any
 * copy against the commission's seal (e-signature's open verification).
 */
export function Contract({ caseId, envelope }: { caseId: string; envelope: EnvelopeView }) {
  const { t, locale } = useI18n();
  const id = encodeURIComponent(caseId);
  const executed = envelope.status === 'EXECUTED';
  return (
    <section className="contract" aria-labelledby="contract-title">
      <h2 id="contract-title">{t('contract.title')}</h2>
      <p>{t('contract.status', { status: t(`contract.status.${envelope.status}` as MessageKey) })}</p>
      <ul className="signers">
        {(envelope.signers ?? []).map((signer) => (
          <li key={signer.order} className={signer.signed ? 'signed' : undefined}>
            <span className="role">{t(`contract.role.${signer.role}` as MessageKey)}</span>{' '}
            <span>{signer.signed && signer.signedAt
              ? t('contract.signedAt', { time: formatInstant(signer.signedAt, locale) })
              : t('contract.notSigned')}</span>
          </li>
        ))}
      </ul>
      <p className="downloads">
        <a className="button secondary" href={`/api/signing/envelopes/${id}/contract`} download={`contract-${caseId}.pdf`}>
          {t('contract.read')}
        </a>
        {executed && (
          <a className="button" href={`/api/signing/envelopes/${id}/executed-contract`} download={`contract-${caseId}-sealed.pdf`}>
            {t('contract.sealed')}
          </a>
        )}
      </p>
      {!executed && envelope.status !== 'DECLINED' && <p>{t('contract.howToSign')}</p>}
      {executed && <Verification />}
    </section>
  );
}

/** Checks a PDF against the commission's seal: valid only if e-signature says so; its reason otherwise. */
function Verification() {
  const { t, locale } = useI18n();
  const [result, setResult] = useState<SealVerification | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  async function check(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setResult(null);
    setFailed(null);
    if (!file) {
      return;
    }
    const response = await fetch('/api/signing/verifications', {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/pdf', Accept: 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken() ?? '' },
    });
    if (response.ok) {
      setResult(await response.json() as SealVerification);
    } else {
      // 400: not a PDF, empty; 413: too large; 415: another type — none of them a sealed contract
      setFailed([400, 413, 415].includes(response.status) ? t('contract.verify.unreadable') : t('common.error', { status: response.status }));
    }
  }
  function reasonOf(verification: SealVerification): string {
    const key = reasonKey(verification.reasonCode);
    return key ? t(key) : verification.reason ?? '';
  }
  return (
    <div className="verification">
      <h3>{t('contract.verify.title')}</h3>
      <div className="field">
        <label htmlFor="verify-file">{t('contract.verify.file')}</label>
        <input id="verify-file" type="file" accept="application/pdf,.pdf" onChange={check} />
      </div>
      <div aria-live="polite">
        {result?.valid && (
          <p className="notice verification-result">
            {t('contract.verify.valid', { signer: result.signer ?? '', time: result.sealedAt ? formatInstant(result.sealedAt, locale) : '' })}
          </p>
        )}
        {result && !result.valid && (
          <p className="alert verification-result">{t('contract.verify.invalid', { reason: reasonOf(result) })}</p>
        )}
        {failed && <p className="alert verification-result">{failed}</p>}
      </div>
    </div>
  );
}

/** The project after signing: its milestones with their deadlines, the capital and jobs so far against the commitment. */
export function Project({ project }: { project: ProjectView }) {
  const { t, locale } = useI18n();
  const commitment = project.commitment;
  return (
    <section className="project" aria-labelledby="project-title">
      <h2 id="project-title">{t('project.title')}</h2>
      <table className="cases milestones">
        <caption>{t('project.milestones')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('project.milestone')}</th>
            <th scope="col">{t('project.due')}</th>
            <th scope="col">{t('project.achieved')}</th>
          </tr>
        </thead>
        <tbody>
          {milestoneRows(project).map((row) => (
            <tr key={row.milestone} data-milestone={row.milestone}>
              <th scope="row">{t(`milestone.${row.milestone}` as MessageKey)}
                {row.overdue && <span className="badge">{t('project.overdue')}</span>}</th>
              <td>{row.due ? formatDate(row.due, locale) : '—'}</td>
              <td>{row.achievedOn ? formatDate(row.achievedOn, locale) : t('case.pending')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {commitment?.amount != null && commitment.currency && (
        <p>{t('project.capital', {
          realised: formatMoney(project.capital?.realised ?? 0, commitment.currency, locale),
          committed: formatMoney(commitment.amount, commitment.currency, locale),
        })}</p>
      )}
      {commitment?.jobs != null && <p>{t('project.jobs', { created: project.jobs?.created ?? 0, committed: commitment.jobs })}</p>}
    </section>
  );
}
