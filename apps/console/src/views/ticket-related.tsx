import { useEffect, useState } from 'react';
import type { Ticket, TicketStatus } from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';
import { useWorkspace } from '../state/workspace';
import { FormAlert } from '../components/form-alert';
import { FormButtons } from '../components/form-buttons';

interface Related {
  id: string;
  reference: string;
  subject: string;
  status: TicketStatus;
  municipalityCode: string;
  distanceMetres?: number;
}

interface RelatedTickets {
  nearby: Related[];
  sameReporter: Related[];
  merged: Related[];
}

// As the api: only open tickets are merged, and only within one municipality.
const OPEN: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_citizen'];

interface Props {
  ticket: Ticket;
  onChanged: (ticket: Ticket) => void;
}

/**
 * Before working a ticket: open reports of the same category nearby (possible duplicates) and the
 * caller's other open tickets, each a link to open it; this ticket can be merged into one of them
 * (it is cancelled as the duplicate, its reporter hears of the other's resolution). Below them, the
 * duplicates merged into this ticket.
 */
export function TicketRelated({ ticket, onChanged }: Props) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [related, setRelated] = useState<RelatedTickets | null>(null);
  const [mergeInto, setMergeInto] = useState<Related | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .get<RelatedTickets>(`/api/v1/tickets/${ticket.id}/related`)
      .then((r) => alive && setRelated(r))
      .catch(() => alive && setRelated(null));
    return () => {
      alive = false;
    };
  }, [api, ticket.id, ticket.version]);

  if (!related || (!related.nearby.length && !related.sameReporter.length && !related.merged.length))
    return null;
  const canMerge = (r: Related) =>
    OPEN.includes(ticket.status) && OPEN.includes(r.status) && r.municipalityCode === ticket.municipalityCode;

  const merge = async () => {
    if (!mergeInto) return;
    setBusy(true);
    setError(null);
    try {
      const merged = await api.post<Ticket>(`/api/v1/tickets/${ticket.id}/merge`, {
        intoTicket: mergeInto.id,
      });
      setMergeInto(null);
      onChanged(merged);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const list = (items: Related[], testId: string, mergeable: boolean) => (
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
          {r.subject} · {t(`status.${r.status}`)}
          {r.distanceMetres !== undefined ? ` · ${t('related.metres', { metres: r.distanceMetres })}` : ''}
          {mergeable && canMerge(r) ? (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('related.mergeInto', { reference: r.reference })}
                onClick={() => setMergeInto(r)}
              >
                {t('related.merge')}
              </button>
            </>
          ) : null}
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
          {list(related.nearby, 'related-nearby', true)}
        </>
      ) : null}
      {related.sameReporter.length ? (
        <>
          <h3>{t('related.sameReporter', { count: related.sameReporter.length })}</h3>
          {list(related.sameReporter, 'related-reporter', true)}
        </>
      ) : null}
      {related.merged.length ? (
        <>
          <h3>{t('related.merged', { count: related.merged.length })}</h3>
          {list(related.merged, 'related-merged', false)}
        </>
      ) : null}
      {mergeInto ? (
        <div className="merge-confirm" role="group" aria-labelledby="merge-title">
          <p id="merge-title">
            {t('related.mergeConfirm', { reference: ticket.reference, into: mergeInto.reference })}
          </p>
          <FormButtons
            label={t('related.mergeSubmit')}
            busy={busy}
            onSubmit={() => void merge()}
            onCancel={() => setMergeInto(null)}
          />
          <FormAlert error={error} />
        </div>
      ) : null}
    </section>
  );
}
