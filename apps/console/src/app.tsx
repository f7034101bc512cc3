import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { ConnectionBanner, LiveIndicator } from './components/connection-banner';
import { DeskBanner } from './components/desk-banner';
import { HelpOverlay } from './components/help-overlay';
import { LanguageSwitch } from './components/language-switch';
import { useShortcuts } from './components/shortcuts';
import { useI18n } from './i18n/i18n';
import type { SessionStore } from './session/session-store';
import { navigate, pathOf, useRoute, type Route } from './state/router';
import { useWorkspace, WorkspaceProvider } from './state/workspace';
import { IntakeView } from './views/intake-view';
import { AnswersView } from './views/answers-view';
import { CategoriesView } from './views/categories-view';
import { TeamsView } from './views/teams-view';
import { OnCallView } from './views/on-call-view';
import { DashboardView } from './views/dashboard-view';
import { ChatsView } from './views/chats-view';
import { IntegrationsView } from './views/integrations-view';
import { LoginView } from './views/login-view';
import { QueueView } from './views/queue-view';
import { TicketView } from './views/ticket-view';

export function App({ sessions }: { sessions: SessionStore }) {
  const session = useSyncExternalStore(sessions.subscribe, () => sessions.current());
  if (!session) return <LoginView sessions={sessions} />;
  return (
    <WorkspaceProvider key={session.id} session={session} sessions={sessions}>
      <Shell />
    </WorkspaceProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const { session, sessions } = useWorkspace();
  const route = useRoute();
  const [help, setHelp] = useState(false);

  useShortcuts(
    {
      n: () => navigate({ name: 'intake' }),
      '?': () => setHelp(true),
    },
    !help,
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.title')}>
          <NavLink to={{ name: 'queue' }} current={route}>
            {t('nav.queue')}
          </NavLink>
          <NavLink to={{ name: 'intake' }} current={route} testId="nav-intake">
            {t('nav.intake')} <kbd>n</kbd>
          </NavLink>
          <NavLink to={{ name: 'chats' }} current={route} testId="nav-chats">
            {t('nav.chats')}
          </NavLink>
          {session.user.roles.some((r) => r === 'admin' || r === 'supervisor') ? (
            <>
              <NavLink to={{ name: 'dashboard' }} current={route} testId="nav-dashboard">
                {t('nav.dashboard')}
              </NavLink>
              <NavLink to={{ name: 'answers' }} current={route} testId="nav-answers">
                {t('nav.answers')}
              </NavLink>
              <NavLink to={{ name: 'categories' }} current={route} testId="nav-categories">
                {t('nav.categories')}
              </NavLink>
              <NavLink to={{ name: 'teams' }} current={route} testId="nav-teams">
                {t('nav.teams')}
              </NavLink>
              <NavLink to={{ name: 'on-call' }} current={route} testId="nav-on-call">
                {t('nav.onCall')}
              </NavLink>
            </>
          ) : null}
          <NavLink to={{ name: 'integrations' }} current={route}>
            {t('nav.integrations')}
          </NavLink>
        </nav>
        <span className="topbar-spacer" />
        <LiveIndicator />
        <span className="user" title={session.user.email}>
          {t('nav.signedInAs', { name: session.user.name })}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => setHelp(true)} aria-haspopup="dialog">
          {t('nav.help')} <kbd>?</kbd>
        </button>
        <button type="button" onClick={() => void sessions.logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <ConnectionBanner />
      <DeskBanner />
      {route.name === 'queue' ? <QueueView /> : null}
      {route.name === 'intake' ? <IntakeView /> : null}
      {route.name === 'integrations' ? <IntegrationsView /> : null}
      {route.name === 'chats' ? <ChatsView /> : null}
      {route.name === 'answers' ? <AnswersView /> : null}
      {route.name === 'categories' ? <CategoriesView /> : null}
      {route.name === 'dashboard' ? <DashboardView /> : null}
      {route.name === 'teams' ? <TeamsView /> : null}
      {route.name === 'on-call' ? <OnCallView /> : null}
      {route.name === 'ticket' ? <TicketView key={route.ref} reference={route.ref} /> : null}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

/** A top-bar link: a real href (open in a new tab works), routed in place on a plain click. */
function NavLink({
  to,
  current,
  testId,
  children,
}: {
  to: Route;
  current: Route;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={pathOf(to)}
      aria-current={current.name === to.name ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
      data-testid={testId}
    >
      {children}
    </a>
  );
}
