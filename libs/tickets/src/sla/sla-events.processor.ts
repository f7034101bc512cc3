import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { OutboxBatch, outboxEvents } from '@meldpunt/outbox';
import { TicketRepository } from '../ticket.repository';
import { SLA_EVENTS_QUEUE } from './sla-timers';
import { TicketSlaScheduler } from './ticket-sla-scheduler';

/**
 * Plans the timers of tickets after their committed changes (intake, status change). It reads the
 * tickets as they are now, so events arriving twice or out of order plan the same jobs. One job
 * carries a run of events: their tickets are read in one query and their timers added in one bulk.
 */
@Processor(SLA_EVENTS_QUEUE, { concurrency: 4 })
export class SlaEventsProcessor extends WorkerHost {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
  ) {
    super();
  }

  async process(job: Job<OutboxBatch>): Promise<void> {
    const ids = [...new Set(outboxEvents(job).map((event) => event.aggregateId))];
    if (ids.length) await this.scheduler.plan(await this.tickets.slaTimerRows(ids));
  }
}
