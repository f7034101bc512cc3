import type { Holder, StaffUser, Ticket } from '../api/contract';
import type { LiveStatus } from '../live/live-connection';
import type { PresentAgent, TicketEvent, TicketEventName } from '../live/live-events';
import { filterKey, inScope, matchesFilter, type QueueFilter } from './queue-filter';

export interface QueueState {
  filter: QueueFilter;
  ids: readonly string[];
  nextCursor: string | null;
  loading: boolean;
  failed: boolean;
}

export interface ConsoleState {
  /** Every ticket this session knows, at its newest version. */
  tickets: ReadonlyMap<string, Ticket>;
  queue: QueueState;
  /** Who holds (claimed) a ticket, from claim events and the tickets themselves. */
  holders: ReadonlyMap<string, Holder | null>;
  /** Tickets the api warned about (SLA warning threshold passed). */
  warned: ReadonlySet<string>;
  /** Tickets that arrived live since the queue was loaded: highlighted until opened. */
  fresh: ReadonlySet<string>;
  agents: readonly PresentAgent[];
  live: LiveStatus;
  /** The queue row the agent last chose (j/k), kept while a ticket is open. */
  selected: string | null;
}

type Listener = () => void;

/**
 * The console's state for one session: a small external store read with useSyncExternalStore.
 * Every write keeps the newest version of a ticket (REST answers and socket events may arrive in
 * any order) and drops tickets outside the agent's scope.
 */
export class ConsoleStore {
  private state: ConsoleState;
  private listeners = new Set<Listener>();

  constructor(
    private readonly user: StaffUser,
    filter: QueueFilter,
  ) {
    this.state = {
      tickets: new Map(),
      queue: { filter, ids: [], nextCursor: null, loading: true, failed: false },
      holders: new Map(),
      warned: new Set(),
      fresh: new Set(),
      agents: [],
      live: 'connecting',
      selected: null,
    };
  }

  getState = (): ConsoleState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  ticket(id: string): Ticket | undefined {
    return this.state.tickets.get(id);
  }

  /** Stores a ticket unless an equal or newer version is known; answers whether it was taken. */
  upsert(ticket: Ticket): boolean {
    const tickets = this.withTicket(ticket);
    if (!tickets) return false;
    const holders = this.holdersFrom(ticket);
    this.update({ tickets, holders, queue: this.placeInQueue(this.state.queue, ticket) });
    return true;
  }

  applyEvent(name: TicketEventName, event: TicketEvent): void {
    const { ticket } = event;
    if (!inScope(this.user, ticket)) {
      // Sent to a municipality this agent does not work for: it leaves their queue.
      if (this.state.tickets.has(ticket.id)) this.forget(ticket.id);
      return;
    }
    const tickets = this.withTicket(ticket) ?? this.state.tickets;
    const current = tickets.get(ticket.id)!;
    let holders = this.holdersFrom(current);
    if (event.heldBy !== undefined && (name === 'ticket.claimed' || name === 'ticket.released')) {
      holders = new Map(holders).set(ticket.id, name === 'ticket.released' ? null : event.heldBy);
    }
    const warned =
      name === 'ticket.sla.warning' ? new Set(this.state.warned).add(ticket.id) : this.state.warned;
    const queue = this.placeInQueue(this.state.queue, current);
    const isNewHere = queue.ids.includes(ticket.id) && !this.state.queue.ids.includes(ticket.id);
    const fresh =
      name === 'ticket.created' && isNewHere ? new Set(this.state.fresh).add(ticket.id) : this.state.fresh;
    this.update({ tickets, holders, warned, queue, fresh });
  }

  private forget(id: string): void {
    const tickets = new Map(this.state.tickets);
    tickets.delete(id);
    const ids = this.state.queue.ids.filter((known) => known !== id);
    const selected = this.state.selected === id ? null : this.state.selected;
    this.update({ tickets, queue: { ...this.state.queue, ids }, selected });
  }

  startQueueLoad(filter: QueueFilter): void {
    const sameFilter = filterKey(filter) === filterKey(this.state.queue.filter);
    this.update({
      queue: {
        ...this.state.queue,
        filter,
        ids: sameFilter ? this.state.queue.ids : [],
        loading: true,
        failed: false,
      },
    });
  }

  /** A page of the list endpoint for the current filter; `append` for "load more". */
  queueLoaded(filter: QueueFilter, items: Ticket[], nextCursor: string | null, append: boolean): void {
    if (filterKey(filter) !== filterKey(this.state.queue.filter)) return;
    let tickets = this.state.tickets;
    for (const item of items.filter((t) => inScope(this.user, t)))
      tickets = this.withTicket(item, tickets) ?? tickets;
    const loaded = items.map((t) => t.id).filter((id) => tickets.has(id));
    // Tickets that arrived live during the request stay, if they still match.
    const ids = append
      ? [...this.state.queue.ids]
      : this.state.queue.ids.filter((id) => !loaded.includes(id));
    for (const id of loaded) if (!ids.includes(id)) ids.push(id);
    const kept = ids.filter((id) => matchesFilter(filter, tickets.get(id)!));
    let holders = this.state.holders;
    for (const id of loaded) holders = this.holdersFrom(tickets.get(id)!, holders);
    this.update({
      tickets,
      holders,
      queue: { filter, ids: kept, nextCursor, loading: false, failed: false },
    });
  }

  queueFailed(filter: QueueFilter): void {
    if (filterKey(filter) !== filterKey(this.state.queue.filter)) return;
    this.update({ queue: { ...this.state.queue, loading: false, failed: true } });
  }

  seen(ticketId: string): void {
    if (!this.state.fresh.has(ticketId)) return;
    const fresh = new Set(this.state.fresh);
    fresh.delete(ticketId);
    this.update({ fresh });
  }

  /** The answer to this console's own claim or release, before the event comes round. */
  setHolder(ticketId: string, holder: Holder | null): void {
    this.update({ holders: new Map(this.state.holders).set(ticketId, holder) });
  }

  select(ticketId: string | null): void {
    if (ticketId !== this.state.selected) this.update({ selected: ticketId });
  }

  setAgents(agents: PresentAgent[]): void {
    this.update({ agents });
  }

  setLive(live: LiveStatus): void {
    if (live !== this.state.live) this.update({ live });
  }

  private withTicket(ticket: Ticket, base = this.state.tickets): Map<string, Ticket> | null {
    if (!inScope(this.user, ticket)) return null;
    const known = base.get(ticket.id);
    if (known && known.version > ticket.version) return null;
    return new Map(base).set(ticket.id, ticket);
  }

  private holdersFrom(ticket: Ticket, base = this.state.holders): ReadonlyMap<string, Holder | null> {
    if (ticket.claimedBy === undefined) return base;
    return new Map(base).set(ticket.id, ticket.claimedBy);
  }

  private placeInQueue(queue: QueueState, ticket: Ticket): QueueState {
    const listed = queue.ids.includes(ticket.id);
    const belongs = matchesFilter(queue.filter, ticket);
    if (listed === belongs) return queue;
    return {
      ...queue,
      ids: belongs ? [ticket.id, ...queue.ids] : queue.ids.filter((id) => id !== ticket.id),
    };
  }

  private update(patch: Partial<ConsoleState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
