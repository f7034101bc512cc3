import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ticket } from '../api/contract';
import { SlaBadge } from '../components/sla-badge';
import { useShortcuts } from '../components/shortcuts';
import { byUrgency, slaCountdown } from '../domain/sla-countdown';
import { useI18n } from '../i18n/i18n';
import { filterKey, inScope, type QueueFilter } from '../state/queue-filter';
import { navigate } from '../state/router';
import { useConsoleState, useWorkspace } from '../state/workspace';
import { QueueFilters, type QueueSort } from './queue-filters';

const SORT_KEY = 'meldpunt.console.sort';

export function QueueView() {
  const { t, language, time } = useI18n();
  const { store, queue, municipalities, categories, categoriesFor, session } = useWorkspace();
  const state = useConsoleState();
  const [sort, setSort] = useState<QueueSort>(() =>
    localStorage.getItem(SORT_KEY) === 'newest' ? 'newest' : 'urgency',
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const { filter } = state.queue;

  useEffect(() => {
    void queue.load(store.getState().queue.filter);
  }, [queue, store]);

  const changeFilter = useCallback(
    (next: QueueFilter) => {
      if (filterKey(next) !== filterKey(store.getState().queue.filter)) void queue.load(next);
    },
    [queue, store],
  );

  // Sorting by urgency uses the countdown at the moment the list changes, not every second:
  // rows must not jump under the agent's cursor while the clock runs.
  const rows = useMemo(() => {
    const tickets = state.queue.ids.map((id) => state.tickets.get(id)).filter((x): x is Ticket => !!x);
    if (sort === 'newest') return tickets.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const now = Date.now();
    return tickets.sort(
      (a, b) =>
        byUrgency(
          slaCountdown(a, now, state.warned.has(a.id)),
          slaCountdown(b, now, state.warned.has(b.id)),
        ) || b.createdAt.localeCompare(a.createdAt),
    );
  }, [state.queue.ids, state.tickets, state.warned, sort]);

  const selectedIndex = rows.findIndex((r) => r.id === state.selected);
  const open = (ticket: Ticket) => {
    store.select(ticket.id);
    store.seen(ticket.id);
    navigate({ name: 'ticket', ref: ticket.reference });
  };
  const move = (delta: number) => {
    if (!rows.length) return;
    const next = Math.min(rows.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta));
    store.select(rows[next].id);
    // The focus follows the choice, so Enter (or a screen reader) acts on the row that is marked.
    tableRef.current
      ?.querySelector<HTMLAnchorElement>(`tr[data-reference="${rows[next].reference}"] a`)
      ?.focus();
  };

  useShortcuts({
    '/': () => searchRef.current?.focus(),
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    Enter: () => {
      if (selectedIndex >= 0) open(rows[selectedIndex]);
    },
  });

  useEffect(() => {
    tableRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [state.selected]);

  const municipalityName = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  // The name the ticket's municipality gives the category, if it renamed it.
  const categoryName = (code: string, municipalityCode: string) =>
    [...categoriesFor(municipalityCode), ...categories].find((c) => c.code === code)?.name[language] ?? code;
  const live = state.live === 'live';

  return (
    <main id="main" className="queue" aria-labelledby="queue-title">
      <div className="view-head">
        <h1 id="queue-title">{t('nav.queue')}</h1>
        <span className="queue-count" data-testid="queue-count">
          {t('queue.count', { count: rows.length })}
          {!live ? <em className="stale-note"> · {t('queue.stale')}</em> : null}
        </span>
      </div>
      <QueueFilters
        filter={filter}
        onChange={changeFilter}
        sort={sort}
        onSort={(s) => {
          localStorage.setItem(SORT_KEY, s);
          setSort(s);
        }}
        municipalities={municipalities.filter((m) => inScope(session.user, { municipalityCode: m.code }))}
        categories={categories}
        searchRef={searchRef}
      />
      {state.queue.failed ? (
        <p className="form-error" role="alert">
          {t('queue.failed')}{' '}
          <button type="button" onClick={() => void queue.reload()}>
            {t('queue.retry')}
          </button>
        </p>
      ) : null}
      <table
        className={`queue-table${live ? '' : ' is-stale'}`}
        aria-busy={state.queue.loading}
        data-testid="queue"
      >
        <caption className="visually-hidden">{t('queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.reference')}</th>
            <th scope="col">{t('col.sla')}</th>
            <th scope="col">{t('col.priority')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.municipality')}</th>
            <th scope="col">{t('col.category')}</th>
            <th scope="col">{t('col.subject')}</th>
            <th scope="col">{t('col.handler')}</th>
            <th scope="col">{t('col.received')}</th>
          </tr>
        </thead>
        <tbody ref={tableRef}>
          {rows.map((ticket) => {
            const holder = state.holders.get(ticket.id) ?? null;
            const handler = holder?.name ?? ticket.assignee?.name ?? '';
            const fresh = state.fresh.has(ticket.id);
            return (
              <tr
                key={ticket.id}
                aria-current={ticket.id === state.selected ? 'true' : undefined}
                className={`${fresh ? 'is-fresh ' : ''}priority-${ticket.priority}`}
                data-reference={ticket.reference}
                onClick={() => open(ticket)}
              >
                <th scope="row">
                  <a
                    href={`/console/tickets/${ticket.reference}`}
                    onClick={(e) => {
                      e.preventDefault();
                      open(ticket);
                    }}
                    onFocus={() => store.select(ticket.id)}
                  >
                    {ticket.reference}
                  </a>
                  {fresh ? <span className="tag tag-new">{t('queue.new')}</span> : null}
                </th>
                <td>
                  <SlaBadge ticket={ticket} warned={state.warned.has(ticket.id)} />
                </td>
                <td>
                  <span className={`prio prio-${ticket.priority}`}>{ticket.priority}</span>
                </td>
                <td>
                  <span className={`status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
                </td>
                <td>{municipalityName(ticket.municipalityCode)}</td>
                <td>{categoryName(ticket.categoryCode, ticket.municipalityCode)}</td>
                <td className="subject">{ticket.subject}</td>
                <td>{handler}</td>
                <td className="numeric">{time(ticket.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {state.queue.loading && !rows.length ? <p className="muted">{t('queue.loading')}</p> : null}
      {!state.queue.loading && !state.queue.failed && !rows.length ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : null}
      {state.queue.nextCursor ? (
        <button type="button" className="load-more" onClick={() => void queue.load(filter, true)}>
          {t('queue.loadMore')}
        </button>
      ) : null}
    </main>
  );
}
