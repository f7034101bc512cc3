import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { OutboxMessage } from '@meldpunt/outbox';
import { JobBatcher } from '@meldpunt/queue';
import { TicketRepository } from '../ticket.repository';
import { SLA_EVENTS_QUEUE } from './sla-timers';
import { TicketSlaScheduler } from './ticket-sla-scheduler';

/**
 * Plans the timers of a ticket after each committed change (intake, status change). It reads the
 * ticket as it is now, so events arriving twice or out of order plan the same jobs. The jobs
 * running side by side read their tickets in one query and add their timers in one bulk.
 */
@Processor(SLA_EVENTS_QUEUE, { concurrency: 50 })
export class SlaEventsProcessor extends WorkerHost {
  private readonly batcher = new JobBatcher<string>(async (ids) =>
    this.scheduler.plan(await this.tickets.slaTimerRows(ids)),
  );

  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
  ) {
    super();
  }

  async process(job: Job<OutboxMessage>): Promise<void> {
    await this.batcher.add(job.data.aggregateId);
  }
}
