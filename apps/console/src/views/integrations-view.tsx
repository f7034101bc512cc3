import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client';
import type { IntegrationFailure, IntegrationStatus } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';
import { useWorkspace } from '../state/workspace';

// Often enough to see a back-office come back while on the phone with its municipality.
const REFRESH_MS = 30_000;

interface Loaded {
  statuses: IntegrationStatus[];
  failures: IntegrationFailure[];
}

/**
 * The back-office links of the municipalities in the agent's scope (`GET /integrations/status`)
 * and the messages that could not be delivered (`GET /integrations/failures`), each with a retry
 * once the tool works again.
 */
export function IntegrationsView() {
  const { t, dateTime } = useI18n();
  const { api, municipalities } = useWorkspace();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [statuses, failures] = await Promise.all([
        api.get<{ items: IntegrationStatus[] }>('/api/v1/integrations/status'),
        api.get<{ items: IntegrationFailure[] }>('/api/v1/integrations/failures?limit=200'),
      ]);
      setLoaded({ statuses: statuses.items, failures: failures.items });
      setError(false);
    } catch {
      setError(true);
    }
  }, [api]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;

  const retry = async (failure: IntegrationFailure) => {
    try {
      await api.post(`/api/v1/integrations/failures/${failure.id}/retry`, {});
      setNotice(t('integrations.retried', { reference: failure.reference }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409)
        setNotice(t('integrations.retryConflict', { reference: failure.reference }));
      else setError(true);
    }
    await load();
  };

  return (
    <main id="main" className="integrations" aria-labelledby="integrations-title">
      <div className="view-head">
        <h1 id="integrations-title">{t('integrations.title')}</h1>
        <button type="button" onClick={() => void load()}>
          {t('integrations.refresh')}
        </button>
      </div>
      <p className="muted">{t('integrations.intro')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {t('integrations.loadFailed')}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="integrations-notice">
          {notice}
        </p>
      ) : null}
      {!loaded ? <p className="muted">{t('integrations.loading')}</p> : null}
      {loaded && !loaded.statuses.length ? <p className="muted">{t('integrations.none')}</p> : null}
      {loaded && loaded.statuses.length ? (
        <table className="queue-table integrations-table" data-testid="integrations">
          <caption className="visually-hidden">{t('integrations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrations.col.municipality')}</th>
              <th scope="col">{t('integrations.col.system')}</th>
              <th scope="col">{t('integrations.col.status')}</th>
              <th scope="col">{t('integrations.col.lastPoll')}</th>
              <th scope="col">{t('integrations.col.pending')}</th>
              <th scope="col">{t('integrations.col.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.statuses.map((s) => (
              <tr key={s.municipalityCode} data-municipality={s.municipalityCode}>
                <th scope="row">{nameOf(s.municipalityCode)}</th>
                <td>{SYSTEM_NAMES[s.system] ?? s.system}</td>
                <td>
                  <span className={`health health-${s.status}`}>{t(`integrations.status.${s.status}`)}</span>
                  {s.pollError ? (
                    <div className="health-error">{t('integrations.pollError', { error: s.pollError })}</div>
                  ) : null}
                </td>
                <td className="numeric">
                  {s.pollSeconds === null
                    ? t('integrations.pushes')
                    : s.lastPollSuccessAt
                      ? dateTime(s.lastPollSuccessAt)
                      : t('integrations.never')}
                </td>
                <td className="numeric">
                  {s.pendingTasks}
                  {s.oldestPendingSince ? (
                    <div className="muted">
                      {t('integrations.oldestPending', { time: dateTime(s.oldestPendingSince) })}
                    </div>
                  ) : null}
                </td>
                <td className="numeric">{s.failedTasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loaded ? (
        <section aria-labelledby="failures-title">
          <h2 id="failures-title">{t('integrations.failures', { count: String(loaded.failures.length) })}</h2>
          {!loaded.failures.length ? <p className="muted">{t('integrations.failuresNone')}</p> : null}
          {loaded.failures.length ? (
            <table className="queue-table" data-testid="integration-failures">
              <thead>
                <tr>
                  <th scope="col">{t('integrations.col.ticket')}</th>
                  <th scope="col">{t('integrations.col.municipality')}</th>
                  <th scope="col">{t('integrations.col.operation')}</th>
                  <th scope="col">{t('integrations.col.error')}</th>
                  <th scope="col">{t('integrations.col.failedAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('integrations.retry')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaded.failures.map((f) => (
                  <tr key={f.id} data-failure={f.id}>
                    <th scope="row">
                      <a
                        href={`/console/tickets/${f.reference}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ name: 'ticket', ref: f.reference });
                        }}
                      >
                        {f.reference}
                      </a>
                    </th>
                    <td>{nameOf(f.municipalityCode)}</td>
                    <td>{t(`integrations.op.${f.operation}`)}</td>
                    <td className="health-error">{f.error}</td>
                    <td className="numeric">{dateTime(f.failedAt)}</td>
                    <td>
                      <button type="button" onClick={() => void retry(f)}>
                        {t('integrations.retry')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}

const SYSTEM_NAMES: Record<string, string> = {
  topdesk: 'TOPdesk',
  ultimo: 'Ultimo',
  '3p': '3P',
  webhook: 'Webhook',
};
