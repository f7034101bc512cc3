import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { BackOfficePollScheduler } from './back-office-poll-scheduler';

/**
 * The poll schedulers live in Redis only; their connections are in PostgreSQL. At start and every
 * RECONCILE_INTERVAL_MS this puts back the schedulers a flushed or failed-over Redis lost.
 */
@Injectable()
export class BackOfficePollReconciler extends PeriodicReconciler {
  constructor(
    private readonly polls: BackOfficePollScheduler,
    config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'back-office poll reconciler', 'poll schedulers');
  }

  protected restore(): Promise<number> {
    return this.polls.reconcile();
  }
}
