import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { TicketRepository } from '../ticket.repository';
import { PLANNING_HORIZON_MS, TicketSlaScheduler } from './ticket-sla-scheduler';

/**
 * PostgreSQL holds the deadlines; Redis only holds jobs. At start and every RECONCILE_INTERVAL_MS
 * this re-creates the jobs Redis lacks (after a flush, a lost Redis, a crash between commit and
 * planning) and adds those that came within the planning horizon, so no timer is lost. It only
 * adds what is missing; stale jobs are harmless (see SlaTimerProcessor).
 */
@Injectable()
export class TicketSlaReconciler extends PeriodicReconciler {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
    config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'SLA reconciler', 'timer jobs');
  }

  protected async restore(): Promise<number> {
    let added = 0;
    const until = new Date(Date.now() + PLANNING_HORIZON_MS);
    for await (const rows of this.tickets.ticketsWithRunningClocks(10_000, until)) {
      added += await this.scheduler.plan(rows, true);
    }
    return added;
  }
}
