import type { Job } from 'bullmq';
import type { OutboxMessage } from '@meldpunt/outbox';
import type { TicketQueryService } from '@meldpunt/tickets';
import { ConsoleFeedProcessor } from './console-feed.processor';
import type { ConsoleGateway } from './console.gateway';

const job = (eventId: string, aggregateId: string) =>
  ({ data: { eventId, aggregateId, type: 'ticket.updated' } }) as unknown as Job<OutboxMessage>;

describe('ConsoleFeedProcessor', () => {
  it('relays the events of one ticket in the order taken, and other tickets meanwhile', async () => {
    const emitted: string[] = [];
    // The first read of ticket a is slow: without ordering, a's second event would overtake it.
    const delays: Record<string, number[]> = { a: [60, 0], b: [0] };
    const tickets = {
      get: async (_ctx: unknown, id: string) => {
        await new Promise((r) => setTimeout(r, delays[id].shift()));
        return { id };
      },
    } as unknown as TicketQueryService;
    const gateway = {
      emitTicketEvent: (_name: string, eventId: string) => emitted.push(eventId),
    } as unknown as ConsoleGateway;
    const feed = new ConsoleFeedProcessor(gateway, tickets);

    await Promise.all([
      feed.process(job('1', 'a')),
      feed.process(job('2', 'a')),
      feed.process(job('3', 'b')),
    ]);

    expect(emitted).toEqual(['3', '1', '2']);
  });

  it('goes on with a ticket after one of its events failed', async () => {
    const emitted: string[] = [];
    let calls = 0;
    const tickets = {
      get: async (_ctx: unknown, id: string) => {
        if (calls++ === 0) throw new Error('database away');
        return { id };
      },
    } as unknown as TicketQueryService;
    const gateway = {
      emitTicketEvent: (_name: string, eventId: string) => emitted.push(eventId),
    } as unknown as ConsoleGateway;
    const feed = new ConsoleFeedProcessor(gateway, tickets);

    const results = await Promise.allSettled([feed.process(job('1', 'a')), feed.process(job('2', 'a'))]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(emitted).toEqual(['2']);
  });
});
