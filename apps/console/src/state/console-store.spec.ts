import type { StaffUser } from '../api/contract';
import { ticketFixture } from '../testing/ticket-fixture';
import { ConsoleStore } from './console-store';
import { DEFAULT_FILTER } from './queue-filter';

const agent = (roles: string[], municipalities: string[] = []): StaffUser => ({
  id: 'u1',
  email: 'els@example.be',
  name: 'Els',
  roles,
  municipalities,
});
const REGIONAL = agent(['regional_agent']);

describe('ConsoleStore', () => {
  it('keeps the newest version whatever order REST answers and events arrive in', () => {
    const store = new ConsoleStore(REGIONAL, DEFAULT_FILTER);
    store.applyEvent('ticket.updated', {
      eventId: '12',
      ticket: ticketFixture({ version: 3, subject: 'new' }),
    });
    expect(store.upsert(ticketFixture({ version: 2, subject: 'old' }))).toBe(false);
    expect(store.ticket(ticketFixture().id)?.subject).toBe('new');
  });

  it('never takes a ticket of a municipality outside a municipal agent’s scope', () => {
    const store = new ConsoleStore(agent(['municipal_agent'], ['kuurne']), DEFAULT_FILTER);
    store.applyEvent('ticket.created', { eventId: '1', ticket: ticketFixture() });
    store.queueLoaded(DEFAULT_FILTER, [ticketFixture()], null, false);
    expect(store.getState().tickets.size).toBe(0);
    expect(store.getState().queue.ids).toEqual([]);
  });

  it('drops a ticket sent to a municipality outside the agent’s scope from their queue', () => {
    const ticket = ticketFixture();
    const store = new ConsoleStore(agent(['municipal_agent'], [ticket.municipalityCode]), DEFAULT_FILTER);
    store.queueLoaded(DEFAULT_FILTER, [ticket], null, false);
    expect(store.getState().queue.ids).toEqual([ticket.id]);
    store.applyEvent('ticket.updated', {
      eventId: '2',
      ticket: { ...ticket, version: 2, municipalityCode: 'elsewhere' },
    });
    expect(store.getState().queue.ids).toEqual([]);
    expect(store.ticket(ticket.id)).toBeUndefined();
  });

  it('adds a created ticket to the open queue, marked fresh, and drops it once resolved', () => {
    const store = new ConsoleStore(REGIONAL, DEFAULT_FILTER);
    store.queueLoaded(DEFAULT_FILTER, [], null, false);
    const ticket = ticketFixture();
    store.applyEvent('ticket.created', { eventId: '1', ticket });
    expect(store.getState().queue.ids).toEqual([ticket.id]);
    expect(store.getState().fresh.has(ticket.id)).toBe(true);
    store.applyEvent('ticket.updated', {
      eventId: '2',
      ticket: { ...ticket, version: 2, status: 'resolved' },
    });
    expect(store.getState().queue.ids).toEqual([]);
  });

  it('keeps tickets that arrived live while the list was loading', () => {
    const store = new ConsoleStore(REGIONAL, DEFAULT_FILTER);
    const live = ticketFixture({ id: '00000000-0000-4000-8000-000000000002' });
    store.startQueueLoad(DEFAULT_FILTER);
    store.applyEvent('ticket.created', { eventId: '5', ticket: live });
    store.queueLoaded(DEFAULT_FILTER, [ticketFixture()], null, false);
    expect(new Set(store.getState().queue.ids)).toEqual(new Set([live.id, ticketFixture().id]));
  });

  it('ignores an answer for a filter the agent already left', () => {
    const store = new ConsoleStore(REGIONAL, DEFAULT_FILTER);
    store.startQueueLoad({ ...DEFAULT_FILTER, municipality: 'kuurne' });
    store.queueLoaded(DEFAULT_FILTER, [ticketFixture()], null, false);
    expect(store.getState().queue.ids).toEqual([]);
  });

  it('records who holds a ticket from claim events', () => {
    const store = new ConsoleStore(REGIONAL, DEFAULT_FILTER);
    const heldBy = { id: 'u2', name: 'Jan' };
    store.applyEvent('ticket.claimed', { eventId: '1', ticket: ticketFixture(), heldBy });
    expect(store.getState().holders.get(ticketFixture().id)).toEqual(heldBy);
    store.applyEvent('ticket.released', { eventId: '2', ticket: ticketFixture(), heldBy: null });
    expect(store.getState().holders.get(ticketFixture().id)).toBeNull();
  });
});
