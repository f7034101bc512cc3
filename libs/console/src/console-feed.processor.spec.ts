import type { Job } from 'bullmq';
import type { OutboxBatch, OutboxMessage } from '@meldpunt/outbox';
import type { TicketQueryService } from '@meldpunt/tickets';
import { ConsoleFeedProcessor } from './console-feed.processor';
import type { ConsoleGateway } from './console.gateway';

const event = (eventId: string, aggregateId: string) =>
  ({ eventId, aggregateId, type: 'ticket.updated' }) as OutboxMessage;
const job = (...events: OutboxMessage[]) => ({ data: { events } }) as Job<OutboxBatch>;

/** A feed on fake tickets and a gateway that records the event ids it emits, in order. */
function feedWith(get: (id: string) => Promise<unknown>) {
  const emitted: string[] = [];
  const tickets = { get: (_ctx: unknown, id: string) => get(id) } as unknown as TicketQueryService;
  const gateway = {
    emitTicketEvent: (_name: string, eventId: string) => emitted.push(eventId),
  } as unknown as ConsoleGateway;
  return { feed: new ConsoleFeedProcessor(gateway, tickets), emitted };
}

describe('ConsoleFeedProcessor', () => {
  it('relays the events of one ticket in the order taken, and other tickets meanwhile', async () => {
    // The first read of ticket a is slow: without ordering, a's second event would overtake it.
    const delays: Record<string, number[]> = { a: [60, 0], b: [0] };
    const { feed, emitted } = feedWith(async (id) => {
      await new Promise((r) => setTimeout(r, delays[id].shift()));
      return { id };
    });

    await Promise.all([
      feed.process(job(event('1', 'a'))),
      feed.process(job(event('2', 'a'))),
      feed.process(job(event('3', 'b'))),
    ]);

    expect(emitted).toEqual(['3', '1', '2']);
  });

  it('reads a ticket once for its events in one job and relays them all in commit order', async () => {
    const reads: string[] = [];
    // Ticket a reads slower than b: the job still emits in the order of its events.
    const { feed, emitted } = feedWith(async (id) => {
      reads.push(id);
      await new Promise((r) => setTimeout(r, id === 'a' ? 30 : 0));
      return { id };
    });

    await feed.process(job(event('4', 'a'), event('5', 'b'), event('6', 'a')));

    expect(reads.sort()).toEqual(['a', 'b']);
    expect(emitted).toEqual(['4', '5', '6']);
  });

  it('goes on with a ticket after one of its events failed', async () => {
    let calls = 0;
    const { feed, emitted } = feedWith(async (id) => {
      if (calls++ === 0) throw new Error('database away');
      return { id };
    });

    const results = await Promise.allSettled([
      feed.process(job(event('1', 'a'))),
      feed.process(job(event('2', 'a'))),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(emitted).toEqual(['2']);
  });
});
