import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import type { OutboxMessage } from '@meldpunt/outbox';
import { TicketQueryService } from '@meldpunt/tickets';
import { CONSOLE_QUEUE, consoleEventFor } from './console-events';
import { ConsoleGateway } from './console.gateway';

const SYSTEM = RequestContext.system('console');

/**
 * Relays committed ticket changes to the consoles. It runs in the api processes (where the
 * sockets are); one instance takes each job and the Redis adapter delivers it to the sockets of
 * every instance. Jobs of different tickets run side by side; those of one ticket go out in the
 * order this instance took them (commit order). Each event carries the ticket as it is now, with
 * its version, and the console keeps the newest version it has seen, so an event of the same
 * ticket relayed by another instance a moment earlier or later changes nothing it should not.
 */
@Processor(CONSOLE_QUEUE, { concurrency: 16 })
export class ConsoleFeedProcessor extends WorkerHost {
  private readonly perTicket = new Map<string, Promise<void>>();

  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly tickets: TicketQueryService,
  ) {
    super();
  }

  async process(job: Job<OutboxMessage>): Promise<void> {
    const id = job.data.aggregateId;
    const previous = this.perTicket.get(id);
    const mine = (previous ?? Promise.resolve()).catch(() => undefined).then(() => this.relay(job));
    this.perTicket.set(id, mine);
    try {
      await mine;
    } finally {
      if (this.perTicket.get(id) === mine) this.perTicket.delete(id);
    }
  }

  private async relay(job: Job<OutboxMessage>): Promise<void> {
    const ticket = await this.tickets.get(SYSTEM, job.data.aggregateId);
    this.gateway.emitTicketEvent(consoleEventFor(job.data.type), job.data.eventId, ticket);
  }
}
