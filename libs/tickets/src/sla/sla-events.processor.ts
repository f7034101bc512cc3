import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { OutboxMessage } from '@meldpunt/outbox';
import { TicketRepository } from '../ticket.repository';
import { SLA_EVENTS_QUEUE } from './sla-timers';
import { TicketSlaScheduler } from './ticket-sla-scheduler';

/**
 * Plans the timers of a ticket after each committed change (intake, status change). It reads the
 * ticket as it is now, so events arriving twice or out of order plan the same jobs.
 */
@Processor(SLA_EVENTS_QUEUE, { concurrency: 10 })
export class SlaEventsProcessor extends WorkerHost {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
  ) {
    super();
  }

  async process(job: Job<OutboxMessage>): Promise<number> {
    const rows = await this.tickets.slaTimerRows([job.data.aggregateId]);
    return this.scheduler.plan(rows);
  }
}
