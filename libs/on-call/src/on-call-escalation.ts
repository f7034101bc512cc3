import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { OnCallPaging } from './on-call-paging';

/**
 * Every ON_CALL_SWEEP_MS the worker escalates the pages nobody acknowledged in time. A sweep over
 * PostgreSQL rather than a delayed job: a Redis flush loses no escalation, and a worker that was
 * down catches up when it starts.
 */
@Injectable()
export class OnCallEscalation extends PeriodicReconciler {
  constructor(
    private readonly paging: OnCallPaging,
    config: AppConfig,
  ) {
    super(config.onCallSweepMs, 'on-call escalation', 'unacknowledged pages escalated');
  }

  protected restore(): Promise<number> {
    return this.paging.escalateDue();
  }
}
