import { useEffect, useState } from 'react';
import type { Ticket, TicketPage } from '../api/contract';
import { isCallersTicket, looksLikeEmail, normalisePhone } from '../domain/caller-identity';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

const LOOKUP_DELAY_MS = 350;
const SHOWN = 5;

/**
 * The caller's earlier tickets, found by phone number or e-mail address as the agent types
 * (`GET /tickets?caller=`). Where the api cannot search by caller the list stays hidden.
 */
export function CallerHistory({ phone, email }: { phone: string; email: string }) {
  const { t, dateTime } = useI18n();
  const { api } = useWorkspace();
  const [found, setFound] = useState<Ticket[] | null>(null);
  const caller = { phone: normalisePhone(phone), email: looksLikeEmail(email) ? email.trim() : null };
  const key = `${caller.phone ?? ''}|${caller.email ?? ''}`;

  useEffect(() => {
    const [p, e] = key.split('|');
    // Another caller: the previous caller's tickets go at once, never shown under the new number.
    setFound(null);
    if (!p && !e) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const lookups = [p, e].filter(Boolean).map((value) =>
        api.get<TicketPage>(
          `/api/v1/tickets?${new URLSearchParams({ caller: value, limit: '20' }).toString()}`,
          {
            signal: controller.signal,
          },
        ),
      );
      Promise.all(lookups)
        .then((pages) => {
          const byId = new Map<string, Ticket>();
          for (const ticket of pages.flatMap((page) => page.items)) {
            if (isCallersTicket(ticket, { phone: p || null, email: e || null })) byId.set(ticket.id, ticket);
          }
          setFound([...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
        })
        .catch(() => {
          if (!controller.signal.aborted) setFound(null);
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);

  if (found === null) return null;
  return (
    <section
      className="caller-history"
      aria-live="polite"
      aria-labelledby="caller-history-title"
      data-testid="caller-history"
    >
      <h3 id="caller-history-title">
        {t('intake.earlier')} ({found.length})
      </h3>
      {found.length === 0 ? <p className="muted">{t('intake.noEarlier')}</p> : null}
      <ul>
        {found.slice(0, SHOWN).map((ticket) => (
          <li key={ticket.id}>
            <a href={`/console/tickets/${ticket.reference}`} target="_blank" rel="noreferrer" tabIndex={-1}>
              {ticket.reference}
            </a>{' '}
            <span className={`status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>{' '}
            {ticket.subject} <span className="muted">{dateTime(ticket.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
