import type { Job } from 'bullmq';
import type { OutboxMessage } from '@meldpunt/outbox';
import type { TicketQueryService } from '@meldpunt/tickets';
import { ConsoleFeedProcessor } from './console-feed.processor';
import type { ConsoleGateway } from './console.gateway';

const job = (eventId: string, aggregateId: string) =>
  ({ data: { eventId, aggregateId, type: 'ticket.updated' } }) as unknown as Job<OutboxMessage>;

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
      feed.process(job('1', 'a')),
      feed.process(job('2', 'a')),
      feed.process(job('3', 'b')),
    ]);

    expect(emitted).toEqual(['3', '1', '2']);
  });

  it('goes on with a ticket after one of its events failed', async () => {
    let calls = 0;
    const { feed, emitted } = feedWith(async (id) => {
      if (calls++ === 0) throw new Error('database away');
      return { id };
    });

    const results = await Promise.allSettled([feed.process(job('1', 'a')), feed.process(job('2', 'a'))]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(emitted).toEqual(['2']);
  });
});
