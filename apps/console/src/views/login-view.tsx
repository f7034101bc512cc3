import { useState, type FormEvent } from 'react';
import type { ApiErrorBody, LoginResult } from '../api/contract';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.nl';
import type { SessionStore } from '../session/session-store';

export function LoginView({ sessions }: { sessions: SessionStore }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(sessions.expiredReason ? 'login.expired' : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.trim(), password }),
      });
      if (res.ok) {
        setPassword('');
        sessions.start((await res.json()) as LoginResult);
        return;
      }
      const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
      setError(
        res.status === 429
          ? 'login.rateLimited'
          : body?.statusCode === 400 || res.status === 401
            ? 'login.failed'
            : 'login.network',
      );
    } catch {
      setError('login.network');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
        <div className="login-head">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <label>
          {t('login.email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !email || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
