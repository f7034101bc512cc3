import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { PRIVACY_QUEUE, RETENTION_JOB, RETENTION_SCHEDULE, RETENTION_SCHEDULER } from './privacy-queues';

/**
 * The nightly anonymisation is a BullMQ job scheduler: one run per night however many workers
 * declare it. It lives in Redis only, so it is declared at start and put back within
 * RECONCILE_INTERVAL_MS when a flushed or failed-over Redis lost it. A night whose run was lost
 * costs nothing: each run anonymises everything that has expired by then.
 */
@Injectable()
export class RetentionSchedule extends PeriodicReconciler implements OnModuleInit {
  constructor(
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
    config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'retention reconciler', 'job schedulers');
  }

  async onModuleInit(): Promise<void> {
    // Upsert: every worker declares the same scheduler; Redis keeps one.
    await this.declare();
  }

  protected async restore(): Promise<number> {
    if (await this.queue.getJobScheduler(RETENTION_SCHEDULER)) return 0;
    await this.declare();
    return 1;
  }

  private async declare(): Promise<void> {
    await this.queue.upsertJobScheduler(RETENTION_SCHEDULER, RETENTION_SCHEDULE, { name: RETENTION_JOB });
  }
}
