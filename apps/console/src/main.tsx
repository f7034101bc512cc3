import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';
import { SessionStore } from './session/session-store';
import './styles.css';

const sessions = new SessionStore(location.origin);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App sessions={sessions} />
    </I18nProvider>
  </StrictMode>,
);
