import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';
import { useWorkspace } from '../state/workspace';

interface Related {
  id: string;
  reference: string;
  subject: string;
  status: string;
  distanceMetres?: number;
}

/**
 * Before working a ticket: open reports of the same category nearby (possible duplicates) and the
 * caller's other open tickets, each a link to open it.
 */
export function TicketRelated({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [related, setRelated] = useState<{ nearby: Related[]; sameReporter: Related[] } | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .get<{ nearby: Related[]; sameReporter: Related[] }>(`/api/v1/tickets/${ticketId}/related`)
      .then((r) => alive && setRelated(r))
      .catch(() => alive && setRelated(null));
    return () => {
      alive = false;
    };
  }, [api, ticketId]);

  if (!related || (!related.nearby.length && !related.sameReporter.length)) return null;
  const list = (items: Related[], testId: string) => (
    <ul data-testid={testId}>
      {items.map((r) => (
        <li key={r.id}>
          <a
            href={`/console/tickets/${encodeURIComponent(r.reference)}`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'ticket', ref: r.reference });
            }}
          >
            {r.reference}
          </a>{' '}
          {r.subject} · {t(`status.${r.status as 'new'}`)}
          {r.distanceMetres !== undefined ? ` · ${t('related.metres', { metres: r.distanceMetres })}` : ''}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="related-title" className="related">
      <h2 id="related-title">{t('related.title')}</h2>
      {related.nearby.length ? (
        <>
          <h3>{t('related.nearby', { count: related.nearby.length })}</h3>
          {list(related.nearby, 'related-nearby')}
        </>
      ) : null}
      {related.sameReporter.length ? (
        <>
          <h3>{t('related.sameReporter', { count: related.sameReporter.length })}</h3>
          {list(related.sameReporter, 'related-reporter')}
        </>
      ) : null}
    </section>
  );
}
