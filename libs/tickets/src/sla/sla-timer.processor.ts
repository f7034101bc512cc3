import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { RequestContext } from '@meldpunt/identity';
import { OutboxWake } from '@meldpunt/outbox';
import { fireTimerSql } from './sla-timer-sql';
import { SLA_TIMERS_QUEUE, type SlaTimerJob } from './sla-timers';
import { TicketSlaScheduler } from './ticket-sla-scheduler';

const ACTOR = JSON.stringify(RequestContext.system('SLA').actor);

/**
 * Fires a warning or a breach. The statement acts only if the job's deadline version is still
 * current and the clock still runs, so a stale, repeated or late job changes nothing, and the
 * flag it sets makes a second firing a no-op. A fired warning plans its clock's breach.
 */
@Processor(SLA_TIMERS_QUEUE, { concurrency: 50 })
export class SlaTimerProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: TicketSlaScheduler,
    private readonly outboxWake: OutboxWake,
  ) {
    super();
  }

  async process(job: Job<SlaTimerJob>): Promise<boolean> {
    const { ticketId, clock, kind, version, dueAt } = job.data;
    const rows = await this.dataSource.query<{ id: string; sla_version: number; due_at: Date }[]>(
      fireTimerSql(clock, kind),
      [ticketId, version, ACTOR, dueAt],
    );
    const fired = rows[0];
    if (fired) this.outboxWake.committed();
    if (fired && kind === 'warning') {
      await this.scheduler.add([
        { ticketId, clock, kind: 'breach', version: fired.sla_version, dueAt: fired.due_at.toISOString() },
      ]);
    }
    return Boolean(fired);
  }
}
