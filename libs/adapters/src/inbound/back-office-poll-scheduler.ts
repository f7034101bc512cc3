import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { BACK_OFFICE_POLL_JOB, BACK_OFFICE_POLL_QUEUE, type PollJob } from '../sync/sync-queues';

/**
 * One repeatable poll per municipality with a polled back-office (BullMQ job schedulers live in
 * Redis, so the api can set them when an admin changes a connection and the worker runs them).
 */
@Injectable()
export class BackOfficePollScheduler {
  constructor(
    @InjectQueue(BACK_OFFICE_POLL_QUEUE) private readonly queue: Queue<PollJob>,
    private readonly connections: BackOfficeConnections,
  ) {}

  async schedule(municipalityCode: string): Promise<void> {
    const polled = (await this.connections.polled()).find((p) => p.municipalityCode === municipalityCode);
    const id = `poll-${municipalityCode}`;
    if (!polled) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    await this.queue.upsertJobScheduler(
      id,
      { every: polled.pollSeconds * 1000 },
      {
        name: BACK_OFFICE_POLL_JOB,
        data: { municipalityCode },
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }

  async scheduleAll(): Promise<void> {
    const polled = new Set((await this.connections.polled()).map((p) => p.municipalityCode));
    for (const scheduler of await this.queue.getJobSchedulers()) {
      const code = scheduler.key.replace(/^poll-/, '');
      if (!polled.has(code)) await this.queue.removeJobScheduler(scheduler.key);
    }
    for (const code of polled) await this.schedule(code);
  }

  /** Poll now (a webhook said something changed); one nudge per second at most. */
  async nudge(municipalityCode: string): Promise<void> {
    await this.queue.add(
      BACK_OFFICE_POLL_JOB,
      { municipalityCode },
      {
        jobId: `nudge-${municipalityCode}-${Math.floor(Date.now() / 1000)}`,
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }
}
