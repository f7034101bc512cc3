import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { SyncJobs } from './sync-jobs';

const PAGE = 5000;

/**
 * Every pending sync task has a job; after a Redis flush or failover this puts back those that are
 * gone, at start and every RECONCILE_INTERVAL_MS (tasks untouched for less than RECONCILE_GRACE_MS
 * are skipped: their job is being added right now). A re-created job is as safe as a retry: the
 * ticket's lease keeps it from running beside the lost job's still running call, a task already
 * done is left alone, and a create looks its case up by our reference first, so no second case.
 */
@Injectable()
export class SyncTaskReconciler extends PeriodicReconciler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: SyncJobs,
    private readonly config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'back-office sync reconciler', 'task jobs');
  }

  protected async restore(): Promise<number> {
    let added = 0;
    for (let after = '0'; ;) {
      const tasks = await this.dataSource.query<{ id: string; attempts: number }[]>(
        `SELECT id::text AS id, attempts FROM back_office_sync_task
          WHERE state = 'pending' AND id > $1 AND updated_at < now() - $2 * interval '1 millisecond'
          ORDER BY id LIMIT $3`,
        [after, this.config.reconcileGraceMs, PAGE],
      );
      if (tasks.length) added += await this.jobs.restore(tasks);
      if (tasks.length < PAGE) return added;
      after = tasks[tasks.length - 1].id;
    }
  }
}
