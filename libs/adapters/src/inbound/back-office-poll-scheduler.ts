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

  /**
   * Makes Redis hold one poll scheduler per polled municipality, at its interval, and none for the
   * others (at start and after a Redis loss, see BackOfficePollReconciler); returns how many it
   * had to create or correct. Upserting only those keeps a running schedule's rhythm.
   */
  async reconcile(): Promise<number> {
    const polled = await this.connections.polled();
    const wanted = new Map(polled.map((p) => [`poll-${p.municipalityCode}`, p.pollSeconds * 1000]));
    const existing = new Map((await this.queue.getJobSchedulers()).map((s) => [s.key, s.every]));
    for (const key of existing.keys()) if (!wanted.has(key)) await this.queue.removeJobScheduler(key);
    let added = 0;
    for (const { municipalityCode } of polled) {
      const id = `poll-${municipalityCode}`;
      if (existing.get(id) === wanted.get(id)) continue;
      await this.schedule(municipalityCode);
      added++;
    }
    return added;
  }

  /**
   * Poll now (a webhook said something changed); one poll per second at most. A nudge is never
   * lost: when this second's poll has already started (or ended), the change may have come after
   * its read, so a poll follows at the next second; when it has not started, it will see the change.
   */
  async nudge(municipalityCode: string): Promise<void> {
    const second = Math.floor(Date.now() / 1000);
    const current = await this.queue.getJob(nudgeId(municipalityCode, second));
    if (current && ((await current.isWaiting()) || (await current.isDelayed()))) return;
    const at = current ? second + 1 : second;
    await this.queue.add(
      BACK_OFFICE_POLL_JOB,
      { municipalityCode },
      {
        jobId: nudgeId(municipalityCode, at),
        delay: Math.max(0, at * 1000 - Date.now()),
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }
}

function nudgeId(municipalityCode: string, second: number): string {
  return `nudge-${municipalityCode}-${second}`;
}
