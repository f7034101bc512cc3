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
 * sockets are), one job at a time so events of a ticket go out in commit order; one instance
 * takes each job and the Redis adapter delivers it to the sockets of every instance.
 */
@Processor(CONSOLE_QUEUE, { concurrency: 1 })
export class ConsoleFeedProcessor extends WorkerHost {
  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly tickets: TicketQueryService,
  ) {
    super();
  }

  async process(job: Job<OutboxMessage>): Promise<void> {
    const ticket = await this.tickets.get(SYSTEM, job.data.aggregateId);
    this.gateway.emitTicketEvent(consoleEventFor(job.data.type), job.data.eventId, ticket);
  }
}
