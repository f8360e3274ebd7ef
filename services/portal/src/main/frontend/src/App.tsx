import { useEffect, useState } from 'react';
import { call, csrfToken } from './api/client';
import type { SessionView } from './api/types';
import { useI18n } from './i18n/I18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Approvals } from './pages/Approvals';
import { CasePage } from './pages/CasePage';
import { Funnel } from './pages/Funnel';
import { IntentionForm } from './pages/IntentionForm';
import { MyCases } from './pages/MyCases';
import { href, useRoute } from './route';

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<SessionView | null>(null);
  useEffect(() => {
    call<SessionView>('/api/session').then(setSession, () => setSession({ authenticated: false, username: null, roles: [] }));
  }, []);
  return (
    <>
      <header className="top">
        <a className="brand" href={href({ page: 'cases' })}>{t('app.name')}</a>
        {session?.authenticated && (
          <nav aria-label={t('nav.myCases')}>
            {isStaff(session)
              ? <>
                  <a href={href({ page: 'cases' })}>{t('nav.queue')}</a>
                  {session.roles.includes('LEADER') && <a href={href({ page: 'funnel' })}>{t('nav.funnel')}</a>}
                  {session.roles.includes('LEADER') && <a href={href({ page: 'approvals' })}>{t('nav.approvals')}</a>}
                </>
              : <>
                  <a href={href({ page: 'cases' })}>{t('nav.myCases')}</a>
                  <a href={href({ page: 'new' })}>{t('nav.newIntention')}</a>
                </>}
          </nav>
        )}
        <LanguageSwitch />
        {session?.authenticated && <SignOut username={session.username ?? ''} />}
      </header>
      <main>{session === null ? <p>{t('common.loading')}</p> : session.authenticated ? <Page session={session} /> : <Welcome />}</main>
    </>
  );
}

/** Officers and leaders work a queue; what they may do is decided by the services, this only picks the page. */
function isStaff(session: SessionView): boolean {
  return session.roles.some((role) => role === 'OFFICER' || role === 'LEADER');
}

/** The side of a negotiation the user answers for; leaders answer for none (they approve). */
function sideOf(session: SessionView): 'COMMISSION' | 'INVESTOR' | undefined {
  if (session.roles.includes('OFFICER')) {
    return 'COMMISSION';
  }
  return session.roles.includes('INVESTOR') ? 'INVESTOR' : undefined;
}

function Page({ session }: { session: SessionView }) {
  const route = useRoute();
  switch (route.page) {
    case 'new':
      return <IntentionForm />;
    case 'funnel':
      return <Funnel />;
    case 'approvals':
      return <Approvals session={session} />;
    case 'case':
      return <CasePage caseId={route.caseId} officer={session.roles.includes('OFFICER')} leader={session.roles.includes('LEADER')}
        side={sideOf(session)} />;
    default:
      return <MyCases queue={isStaff(session)} />;
  }
}

function Welcome() {
  const { t } = useI18n();
  return (
    <section className="welcome">
      <h1>{t('app.name')}</h1>
      <p>{t('app.tagline')}</p>
      <p>{t('session.required')}</p>
      <a className="button" href="/oauth2/authorization/investflow">{t('session.signIn')}</a>
    </section>
  );
}

/** A real form post (not fetch): logout ends at the issuer, which the browser must follow. */
function SignOut({ username }: { username: string }) {
  const { t } = useI18n();
  return (
    <form className="sign-out" method="post" action="/logout">
      <span>{t('session.signedInAs', { user: username })}</span>
      <input type="hidden" name="_csrf" value={csrfToken() ?? ''} />
      <button type="submit">{t('session.signOut')}</button>
    </form>
  );
}
