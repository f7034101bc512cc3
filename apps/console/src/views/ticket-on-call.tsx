import { useEffect, useState } from 'react';
import type { Ticket } from '../api/contract';
import { errorText } from '../components/error-text';
import { FormAlert } from '../components/form-alert';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

interface Page {
  id: string;
  step: number;
  name: string | null;
  channels: string[];
  status: 'paged' | 'acknowledged' | 'unanswered';
  pagedAt: string;
  acknowledgedBy: string | null;
}

/**
 * Who was paged for an urgent ticket out of hours (wachtdienst), in order, and who took it. While
 * a page waits, anyone who sees the ticket takes it here (the person paged, or a colleague who
 * reached them by phone); otherwise the next person on watch is paged when the time is up.
 */
export function TicketOnCall({ ticket }: { ticket: Ticket }) {
  const { t, language } = useI18n();
  const { api } = useWorkspace();
  const [pages, setPages] = useState<Page[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .get<Page[]>(`/api/v1/tickets/${ticket.id}/pages`)
      .then((rows) => alive && setPages(rows))
      .catch(() => alive && setPages([]));
    return () => {
      alive = false;
    };
  }, [api, ticket.id, ticket.version]);

  if (!pages.length) return null;
  const waiting = pages.some((p) => p.status === 'paged');
  const time = (iso: string) =>
    new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      const taken = await api.post<Page>(`/api/v1/tickets/${ticket.id}/pages/acknowledge`, {});
      setPages((rows) => rows.map((p) => (p.id === taken.id ? taken : p)));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="on-call" aria-labelledby="on-call-title">
      <h2 id="on-call-title">{t('onCall.title')}</h2>
      <ol data-testid="on-call-pages">
        {pages.map((p) => (
          <li key={p.id} data-status={p.status}>
            {p.name ?? t('onCall.nobody')} · {time(p.pagedAt)} ·{' '}
            {p.status === 'acknowledged'
              ? t('onCall.acknowledged', { by: p.acknowledgedBy ?? '' })
              : t(`onCall.${p.status}`)}
          </li>
        ))}
      </ol>
      {waiting ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void acknowledge()}>
          {t('onCall.acknowledge')}
        </button>
      ) : null}
      <FormAlert error={error} />
    </section>
  );
}
