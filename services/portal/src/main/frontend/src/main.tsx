import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/I18n';
import { SIGNING_PATH } from './signing/signingLink';
import './styles.css';

// the signer's pages (public, from the mailed link) load only there; investors and staff never fetch them
const SignerApp = lazy(() => import('./signing/SignerApp'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      {window.location.pathname === SIGNING_PATH ? <Suspense fallback={null}><SignerApp /></Suspense> : <App />}
    </I18nProvider>
  </StrictMode>,
);
