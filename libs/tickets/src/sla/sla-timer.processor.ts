import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { HISTORY, TICKET_EVENTS } from '../ticket-events';
import { TicketRepository } from '../ticket.repository';
import type { TicketRow } from '../ticket-record';
import { SLA_TIMERS_QUEUE, type SlaTimerJob } from './sla-timers';
import { TicketSlaScheduler } from './ticket-sla-scheduler';

const SYSTEM = RequestContext.system('SLA');

/**
 * Fires a warning or a breach. It re-reads the ticket under a row lock and acts only if the job's
 * deadline version is still current and the clock still runs, so a stale, repeated or late job
 * changes nothing; the flag it sets makes a second firing a no-op.
 */
@Processor(SLA_TIMERS_QUEUE, { concurrency: 20 })
export class SlaTimerProcessor extends WorkerHost {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
  ) {
    super();
  }

  async process(job: Job<SlaTimerJob>): Promise<boolean> {
    const { ticketId, clock, kind, version, dueAt } = job.data;
    const outcome = await this.tickets.mutate(SYSTEM, ticketId, (row) => {
      if (!stillDue(row, job.data)) return { history: [], outboxType: () => '', result: false };
      const flag = `${clock}_${kind === 'warning' ? 'warned' : 'breached'}`;
      return {
        set: { [flag]: true },
        history: [
          {
            type: kind === 'warning' ? HISTORY.slaWarning : HISTORY.slaBreached,
            data: { clock, dueAt, version },
          },
        ],
        outboxType: () => (kind === 'warning' ? TICKET_EVENTS.slaWarning : TICKET_EVENTS.slaBreached),
        result: true,
      };
    });
    // A fired warning plans its clock's breach (the next timer); see timersFor.
    if (outcome?.result && kind === 'warning')
      await this.scheduler.plan(await this.tickets.slaTimerRows([ticketId]));
    return outcome?.result ?? false;
  }
}

function stillDue(row: TicketRow, job: SlaTimerJob): boolean {
  if (row.sla_version !== job.version || row.sla_paused) return false;
  if (!['new', 'in_progress'].includes(row.status)) return false;
  const stoppedAt = job.clock === 'response' ? row.responded_at : row.resolved_at;
  const dueAt = job.clock === 'response' ? row.response_due_at : row.resolution_due_at;
  // A clock stopped before its deadline never breaches; one stopped late still does.
  if (stoppedAt && (job.kind === 'warning' || !dueAt || stoppedAt <= dueAt)) return false;
  return !(job.kind === 'warning' ? row[`${job.clock}_warned`] : row[`${job.clock}_breached`]);
}
