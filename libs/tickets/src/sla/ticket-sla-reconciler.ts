import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TicketRepository } from '../ticket.repository';
import { PLANNING_HORIZON_MS, TicketSlaScheduler } from './ticket-sla-scheduler';

const EVERY_MS = 60_000;

/**
 * PostgreSQL holds the deadlines; Redis only holds jobs. At start and every minute this re-creates
 * the jobs Redis lacks (after a flush, a lost Redis, a crash between commit and planning) and adds
 * those that came within the planning horizon, so no timer is lost. It only adds what is missing;
 * stale jobs are harmless (see SlaTimerProcessor).
 */
@Injectable()
export class TicketSlaReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TicketSlaReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: TicketSlaScheduler,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcile();
    this.timer = setInterval(() => void this.reconcile(), EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Re-creates missing timer jobs; returns how many it added. One run at a time. */
  reconcile(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    try {
      const started = Date.now();
      let added = 0;
      const until = new Date(Date.now() + PLANNING_HORIZON_MS);
      for await (const rows of this.tickets.ticketsWithRunningClocks(10_000, until)) {
        added += await this.scheduler.plan(rows, true);
      }
      if (added)
        this.logger.log(`SLA reconciler re-created ${added} timer jobs in ${Date.now() - started} ms`);
      return added;
    } catch (error) {
      this.logger.warn(`SLA reconciler run failed, next run in a minute: ${(error as Error).message}`);
      return 0;
    }
  }
}
