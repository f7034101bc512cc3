import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import type { HistoryEvent, Ticket } from '../api/contract';
import { errorText } from '../components/error-text';
import { isTyping, useShortcuts } from '../components/shortcuts';
import { SlaBadge } from '../components/sla-badge';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../state/router';
import { useConsoleState, useWorkspace } from '../state/workspace';
import { TicketAssignment } from './ticket-assignment';
import { TicketAttachments } from './ticket-attachments';
import { TicketRelated } from './ticket-related';
import { TicketComposer, type Visibility } from './ticket-composer';
import { TicketFacts } from './ticket-facts';
import { TicketHistory } from './ticket-history';
import { TicketTransitions } from './ticket-transitions';
import { TicketReroute } from './ticket-reroute';
import { TicketForwards } from './ticket-forwards';
import { TicketOnCall } from './ticket-on-call';

/**
 * One ticket, kept current: the header follows the live store (socket events), and the history
 * is read again whenever the ticket's version moves, whoever changed it.
 */
export function TicketView({ reference }: { reference: string }) {
  const { t } = useI18n();
  const { api, store, live, session } = useWorkspace();
  const state = useConsoleState();
  const [ticketId, setTicketId] = useState<string | null>(
    () => [...store.getState().tickets.values()].find((x) => x.reference === reference)?.id ?? null,
  );
  const [missing, setMissing] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEvent[] | null>(null);
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [claimNotice, setClaimNotice] = useState<string | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const transitionRef = useRef<HTMLButtonElement>(null);
  const historySeq = useRef(0);
  const ticket = ticketId ? state.tickets.get(ticketId) : undefined;

  const refresh = useCallback(async () => {
    try {
      const fresh = await api.get<Ticket>(`/api/v1/tickets/${encodeURIComponent(reference)}`);
      store.upsert(fresh);
      setTicketId(fresh.id);
    } catch (error) {
      setMissing(
        error instanceof ApiError && error.status === 404 ? t('detail.notFound') : errorText(t, error),
      );
    }
  }, [api, store, reference, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Tell the other agents which ticket is open here, and stop when leaving it.
  useEffect(() => {
    if (!ticketId || !live) return;
    live.view(ticketId);
    store.seen(ticketId);
    return () => live.view(null);
  }, [ticketId, live, store]);

  const version = ticket?.version;
  useEffect(() => {
    if (!ticketId || version === undefined) return;
    const seq = ++historySeq.current;
    api
      .get<HistoryEvent[]>(`/api/v1/tickets/${ticketId}/history`)
      .then((events) => {
        if (seq === historySeq.current) setHistory(events);
      })
      .catch(() => undefined);
  }, [api, ticketId, version]);

  const holder = ticket ? (state.holders.get(ticket.id) ?? ticket.claimedBy ?? null) : null;
  const changed = (next: Ticket) => store.upsert(next);

  const toggleClaim = async () => {
    if (!ticket || !live) return;
    setClaimNotice(null);
    if (holder?.id === session.user.id) {
      await live.release(ticket.id);
      store.setHolder(ticket.id, null);
      return;
    }
    const ack = await live.claim(ticket.id);
    if (!ack) setClaimNotice(t('common.network'));
    else {
      store.setHolder(ticket.id, ack.heldBy);
      if (!ack.ok && ack.heldBy) setClaimNotice(t('detail.heldBy', { name: ack.heldBy.name ?? '?' }));
    }
  };

  // Focus at once, in the key's own handler: agents type straight on, and keys typed before a
  // deferred focus would land on the page as shortcuts.
  const focusComposer = (v: Visibility) => {
    setVisibility(v);
    composerRef.current?.focus();
  };

  useShortcuts({
    Escape: (event) => {
      if (isTyping(event.target)) (event.target as HTMLElement).blur();
      else navigate({ name: 'queue' });
    },
    r: () => focusComposer('public'),
    i: () => focusComposer('internal'),
    s: () => transitionRef.current?.focus(),
    a: () => {
      if (ticket && ticket.assignee?.id !== session.user.id)
        void api
          .patch<Ticket>(`/api/v1/tickets/${ticket.id}`, { assigneeId: session.user.id })
          .then(changed, () => undefined);
    },
    c: () => void toggleClaim(),
  });

  if (!ticket) {
    return (
      <main id="main" className="ticket">
        <BackLink />
        <p className={missing ? 'form-error' : 'muted'} role={missing ? 'alert' : undefined}>
          {missing ?? t('detail.loading')}
        </p>
      </main>
    );
  }

  return (
    <main
      id="main"
      className="ticket"
      aria-labelledby="ticket-title"
      data-testid="ticket"
      data-status={ticket.status}
    >
      <BackLink />
      <header className="ticket-head">
        <h1 id="ticket-title">
          <span className="reference">{ticket.reference}</span> {ticket.subject}
        </h1>
        <div className="ticket-badges">
          <span className={`status status-${ticket.status}`} data-testid="ticket-status">
            {t(`status.${ticket.status}`)}
          </span>
          <span className={`prio prio-${ticket.priority}`}>{t(`priority.${ticket.priority}`)}</span>
          <SlaBadge ticket={ticket} warned={state.warned.has(ticket.id)} />
        </div>
      </header>
      {ticket.mergedInto?.reference ? <MergedNotice reference={ticket.mergedInto.reference} /> : null}
      <div className="ticket-grid">
        <div className="ticket-main">
          <TicketFacts ticket={ticket} />
          <TicketAttachments ticketId={ticket.id} />
          <TicketRelated key={ticket.id} ticket={ticket} onChanged={changed} />
          <TicketComposer
            key={ticket.id}
            ticket={ticket}
            visibility={visibility}
            onVisibility={setVisibility}
            bodyRef={composerRef}
            onSaved={changed}
          />
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('detail.history')}</h2>
            <TicketHistory events={history} />
          </section>
        </div>
        <aside className="ticket-side">
          <TicketOnCall key={`on-call-${ticket.id}`} ticket={ticket} />
          <TicketAssignment
            ticket={ticket}
            holder={holder}
            onChanged={changed}
            onClaim={() => void toggleClaim()}
            claimNotice={claimNotice}
          />
          <TicketTransitions
            ticket={ticket}
            firstButtonRef={transitionRef}
            onChanged={changed}
            onConflict={() => void refresh()}
          />
          <TicketReroute ticket={ticket} onChanged={changed} />
          <TicketForwards key={ticket.id} ticket={ticket} />
        </aside>
      </div>
    </main>
  );
}

/** A duplicate: the follow-up happens in the ticket it was merged into, one click away. */
function MergedNotice({ reference }: { reference: string }) {
  const { t } = useI18n();
  return (
    <p className="notice" role="note" data-testid="merged-into">
      <a
        href={`/console/tickets/${encodeURIComponent(reference)}`}
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'ticket', ref: reference });
        }}
      >
        {t('detail.mergedInto', { reference })}
      </a>
    </p>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <a
      href="/console/"
      className="back"
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'queue' });
      }}
    >
      ← {t('detail.back')} <kbd>Esc</kbd>
    </a>
  );
}
