import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import { lostJobIds } from '@meldpunt/queue';
import { BACK_OFFICE_SYNC_JOB, BACK_OFFICE_SYNC_QUEUE, SYNC_BACKOFF_TYPE, type SyncJob } from './sync-queues';

/** Puts sync tasks on the queue; the job id keeps a task single however often it is enqueued. */
@Injectable()
export class SyncJobs {
  constructor(
    @InjectQueue(BACK_OFFICE_SYNC_QUEUE) private readonly queue: Queue<SyncJob>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(taskId: string, manualRetry?: number): Promise<void> {
    await this.queue.add(
      BACK_OFFICE_SYNC_JOB,
      { taskId },
      this.options(syncJobId(taskId, manualRetry), this.config.syncAttempts),
    );
  }

  /**
   * Re-creates the jobs Redis lost of these pending tasks, under their usual ids and with the
   * attempts they have left (the task counts them); returns how many it re-created. A task retried
   * by hand has a job id of its own: when Redis lost both, the task gets its first id back.
   */
  async restore(tasks: { id: string; attempts: number }[]): Promise<number> {
    const missing = new Set(
      await lostJobIds(
        this.queue,
        tasks.map((t) => syncJobId(t.id)),
      ),
    );
    const lost = tasks.filter((t) => missing.has(syncJobId(t.id)));
    await this.queue.addBulk(
      lost.map((t) => ({
        name: BACK_OFFICE_SYNC_JOB,
        data: { taskId: t.id },
        opts: this.options(syncJobId(t.id), Math.max(1, this.config.syncAttempts - t.attempts)),
      })),
    );
    return lost.length;
  }

  private options(jobId: string, attempts: number): JobsOptions {
    return {
      jobId,
      attempts,
      backoff: { type: SYNC_BACKOFF_TYPE, delay: this.config.syncBackoffMs },
      removeOnComplete: { age: 3600, count: 100_000 },
      removeOnFail: { age: 7 * 86_400 },
    };
  }
}

function syncJobId(taskId: string, manualRetry?: number): string {
  return manualRetry ? `task-${taskId}-retry${manualRetry}` : `task-${taskId}`;
}
