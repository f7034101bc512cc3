import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
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
      {
        jobId: manualRetry ? `task-${taskId}-retry${manualRetry}` : `task-${taskId}`,
        attempts: this.config.syncAttempts,
        backoff: { type: SYNC_BACKOFF_TYPE, delay: this.config.syncBackoffMs },
        removeOnComplete: { age: 3600, count: 100_000 },
        removeOnFail: { age: 7 * 86_400 },
      },
    );
  }
}
