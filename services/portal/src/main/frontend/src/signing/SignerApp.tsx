import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, apiBlob, json } from '../api/client';
import { fieldErrors, type ApiError } from '../api/problem';
import type { MessageKey } from '../i18n/catalogues';
import { formatInstant } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { LanguageSwitch } from '../LanguageSwitch';
import { FieldRow } from '../pages/FieldRow';
import {
  DECLINE_CATEGORIES, failureOf, isCode, linkKey, normaliseCode, outcomeOf, parseUsedLink, secondsUntilResend,
  tokenFromHash, type Outcome, type UsedLink,
} from './signingLink';

/** e-signature's answer to asking for a code: where it went (masked) and until when it works. */
interface CodeReceipt {
  sentTo: string;
  validUntil: string;
}

type Step = 'start' | 'code' | 'contract' | 'decline' | 'done' | 'used' | 'invalid';

/**
 * The signer's pages, public, from the link e-signature mailed them (`/sign#token=…`): a code to their
 * address, the contract, then sign (typed name and consent) or decline (category and reason). The link
 * and the code are all that identify the signer; e-signature decides everything, this only shows it.
 */
export default function SignerApp() {
  const { t } = useI18n();
  return (
    <>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="signer">
        <Signer />
      </main>
    </>
  );
}

function Signer() {
  const { t, locale } = useI18n();
  const token = useMemo(() => tokenFromHash(window.location.hash), []);
  const [step, setStep] = useState<Step>(token ? 'start' : 'invalid');
  const [receipt, setReceipt] = useState<CodeReceipt | null>(null);
  const [sentAt, setSentAt] = useState(0);
  const [code, setCode] = useState('');
  const [contract, setContract] = useState<{ url: string; kilobytes: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('waiting');
  const [used, setUsed] = useState<UsedLink | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (token) {
      linkKey(token).then((key) => {
        const remembered = parseUsedLink(window.localStorage.getItem(key));
        if (remembered) {
          setUsed(remembered);
          setStep('used');
        }
      }, () => undefined);
    }
  }, [token]);

  function show(next: Step) {
    setMessage(null);
    setErrors({});
    setStep(next);
  }

  /** Runs a call to e-signature; a failure becomes the page, the message or the field errors it means. */
  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      switch (failureOf(error)) {
        case 'link':
          show('invalid');
          break;
        case 'code':
          show('code');
          setMessage(t('signing.codeWrong'));
          break;
        case 'fields':
          setErrors(fieldErrors((error as ApiError).problem));
          setMessage(t('form.invalid'));
          break;
        default:
          setMessage(t('common.error', { status: (error as ApiError).status ?? 0 }));
      }
    } finally {
      setBusy(false);
    }
  }

  const sendCode = () => attempt(async () => {
    const sent = await api<CodeReceipt>('signing', '/signing-links/codes', json('POST', { token }));
    setReceipt(sent);
    setSentAt(Date.now());
    setCode('');
    show('code');
  });

  const openContract = (event: FormEvent) => {
    event.preventDefault();
    const typed = normaliseCode(code);
    if (!isCode(typed)) {
      setErrors({ code: t('signing.codeFormat') });
      return;
    }
    return attempt(async () => {
      const pdf = await apiBlob('signing', '/signing-links/views', 'application/pdf', json('POST', { token, code: typed }));
      setCode(typed);
      setContract({ url: URL.createObjectURL(pdf), kilobytes: Math.max(1, Math.round(pdf.size / 1024)) });
      show('contract');
    });
  };

  async function finish(result: Outcome) {
    setOutcome(result);
    window.localStorage.setItem(await linkKey(token!), JSON.stringify({ outcome: result, at: new Date().toISOString() }));
    show('done');
  }

  const sign = (typedName: string, consent: boolean) => {
    const missing: Record<string, string> = {};
    if (!typedName.trim()) {
      missing.typedName = t('signing.nameRequired');
    }
    if (!consent) {
      missing.consent = t('signing.consentRequired');
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      return;
    }
    return attempt(async () => {
      const signed = await api<{ status?: string }>('signing', '/signing-links/signatures',
        json('POST', { token, code, typedName: typedName.trim(), consent: true }));
      await finish(outcomeOf(signed.status));
    });
  };

  const decline = (category: string, reason: string) => {
    const missing: Record<string, string> = {};
    if (!category) {
      missing.category = t('signing.categoryRequired');
    }
    if (!reason.trim()) {
      missing.reason = t('signing.reasonRequired');
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      return;
    }
    return attempt(async () => {
      await api('signing', '/signing-links/declines', json('POST', { token, code, category, reason: reason.trim() }));
      await finish('declined');
    });
  };

  /** An edited field's error is gone until the next attempt. */
  const edited = (field: string) => setErrors(({ [field]: _, ...others }) => others);
  const notice = message && <p className="alert" role="alert">{message}</p>;
  switch (step) {
    case 'start':
      return (
        <Page title={t('signing.title')} step={step}>
          <p>{t('signing.intro')}</p>
          <p>{t('signing.codeFirst')}</p>
          {notice}
          <button type="button" className="button block" onClick={sendCode} disabled={busy}>{t('signing.sendCode')}</button>
        </Page>
      );
    case 'code':
      return (
        <Page title={t('signing.codeTitle')} step={step}>
          {receipt && <p>{t('signing.codeSent', { address: receipt.sentTo, time: formatInstant(receipt.validUntil, locale) })}</p>}
          {notice}
          <form onSubmit={openContract} noValidate>
            <FieldRow field="code" label={t('signing.code')} error={errors.code}>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={9} value={code}
                onChange={(event) => { setCode(event.target.value); edited('code'); }} aria-invalid={errors.code ? true : undefined}
                aria-describedby={errors.code ? 'code-error' : undefined} />
            </FieldRow>
            <button type="submit" className="button block" disabled={busy}>{t('signing.openContract')}</button>
          </form>
          <Resend sentAt={sentAt} busy={busy} onResend={sendCode} />
        </Page>
      );
    case 'contract':
      return (
        <Page title={t('signing.contractTitle')} step={step}>
          <p>{t('signing.readFirst')}</p>
          <p>
            <a className="button secondary block" href={contract!.url} download="contract.pdf">
              {t('signing.download', { size: contract!.kilobytes })}
            </a>
          </p>
          {notice}
          <SignForm busy={busy} errors={errors} onEdit={edited} onSign={sign} />
          <h2>{t('signing.declineQuestion')}</h2>
          <button type="button" className="button secondary block" onClick={() => show('decline')}>{t('signing.decline')}</button>
        </Page>
      );
    case 'decline':
      return (
        <Page title={t('signing.declineTitle')} step={step}>
          <p>{t('signing.declineIntro')}</p>
          {notice}
          <DeclineForm busy={busy} errors={errors} onEdit={edited} onDecline={decline} onBack={() => show('contract')} />
        </Page>
      );
    case 'done':
      return (
        <Page title={t(`signing.done.${outcome}.title` as MessageKey)} step={`done-${outcome}`}>
          <p className="notice" role="status">{t(`signing.done.${outcome}.text` as MessageKey)}</p>
          <p>{t('signing.linkSpent')}</p>
        </Page>
      );
    case 'used':
      return (
        <Page title={t('signing.used.title')} step={step}>
          <p>{t(`signing.used.${used!.outcome}` as MessageKey, { time: formatInstant(used!.at, locale) })}</p>
          <p>{t('signing.linkSpent')}</p>
        </Page>
      );
    default:
      return (
        <Page title={t('signing.invalid.title')} step={step}>
          <p>{t('signing.invalid.why')}</p>
          <p>{t('signing.invalid.next')}</p>
        </Page>
      );
  }
}

/** One step: its heading takes the focus when the step changes, so keyboard and screen-reader users start there. */
function Page({ title, step, children }: { title: string; step: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  return (
    <section className="signing-step" data-step={step}>
      <h1 ref={heading} tabIndex={-1}>{title}</h1>
      {children}
    </section>
  );
}

/** Another code, once the wait since the last one is over (e-signature allows only a few per link). */
function Resend({ sentAt, busy, onResend }: { sentAt: number; busy: boolean; onResend: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const left = secondsUntilResend(sentAt, now);
  useEffect(() => {
    if (left === 0) {
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left === 0]);
  return (
    <p className="resend">
      <button type="button" className="link-button" onClick={onResend} disabled={busy || left > 0}
        aria-describedby={left > 0 ? 'resend-wait' : undefined}>
        {t('signing.resend')}
      </button>
      {left > 0 && <span id="resend-wait">{t('signing.resendIn', { seconds: left })}</span>}
    </p>
  );
}

function SignForm({ busy, errors, onEdit, onSign }: {
  busy: boolean; errors: Record<string, string>; onEdit: (field: string) => void; onSign: (name: string, consent: boolean) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  return (
    <form onSubmit={(event) => { event.preventDefault(); onSign(name, consent); }} noValidate>
      <fieldset>
        <legend>{t('signing.signLegend')}</legend>
        <FieldRow field="typedName" label={t('signing.typedName')} error={errors.typedName}>
          <input id="typedName" name="typedName" autoComplete="name" maxLength={200} value={name}
            onChange={(event) => { setName(event.target.value); onEdit('typedName'); }} aria-invalid={errors.typedName ? true : undefined}
            aria-describedby={errors.typedName ? 'typedName-error' : undefined} />
        </FieldRow>
        <div className={errors.consent ? 'field check invalid' : 'field check'}>
          <input id="consent" type="checkbox" checked={consent} onChange={(event) => { setConsent(event.target.checked); onEdit('consent'); }}
            aria-invalid={errors.consent ? true : undefined} aria-describedby={errors.consent ? 'consent-error' : undefined} />
          <label htmlFor="consent">{t('signing.consent')}</label>
          {errors.consent && <p id="consent-error" className="field-error">{errors.consent}</p>}
        </div>
        <button type="submit" className="button block" disabled={busy}>{t('signing.sign')}</button>
      </fieldset>
    </form>
  );
}

function DeclineForm({ busy, errors, onEdit, onDecline, onBack }: {
  busy: boolean; errors: Record<string, string>; onEdit: (field: string) => void;
  onDecline: (category: string, reason: string) => void; onBack: () => void;
}) {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form onSubmit={(event) => { event.preventDefault(); onDecline(category, reason); }} noValidate>
      <fieldset aria-describedby={errors.category ? 'category-error' : undefined}>
        <legend>{t('signing.category')}</legend>
        {DECLINE_CATEGORIES.map((candidate) => (
          <div className="field check" key={candidate}>
            <input id={`category-${candidate}`} type="radio" name="category" value={candidate} checked={category === candidate}
              onChange={() => { setCategory(candidate); onEdit('category'); }} />
            <label htmlFor={`category-${candidate}`}>{t(`signing.category.${candidate}` as MessageKey)}</label>
          </div>
        ))}
        {errors.category && <p id="category-error" className="field-error">{errors.category}</p>}
      </fieldset>
      <FieldRow field="reason" label={t('signing.reason')} error={errors.reason}>
        <textarea id="reason" name="reason" rows={4} maxLength={2000} value={reason} onChange={(event) => { setReason(event.target.value); onEdit('reason'); }}
          aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'reason-error' : undefined} />
      </FieldRow>
      <button type="submit" className="button block" disabled={busy}>{t('signing.declineSubmit')}</button>
      <button type="button" className="button secondary block" onClick={onBack}>{t('signing.back')}</button>
    </form>
  );
}
