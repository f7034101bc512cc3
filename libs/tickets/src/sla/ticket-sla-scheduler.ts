import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Infrastructure } from '@meldpunt/config';
import { SLA_TIMERS_QUEUE, timerJobId, timersFor, type SlaTimerJob, type SlaTimerRow } from './sla-timers';

export const PLANNING_HORIZON_MS = 60 * 60 * 1000;

/**
 * Turns the deadlines stored on tickets into BullMQ delayed jobs. Job ids are deterministic per
 * ticket, clock, kind and deadline version, so planning twice creates one job, and a moved
 * deadline (new version) gets a new job while the old one, if it still fires, does nothing.
 */
@Injectable()
export class TicketSlaScheduler implements OnModuleDestroy {
  private redis: Redis | null = null;

  constructor(
    @InjectQueue(SLA_TIMERS_QUEUE) private readonly timers: Queue<SlaTimerJob>,
    private readonly infrastructure: Infrastructure,
  ) {}

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  async plan(rows: SlaTimerRow[], onlyMissing = false): Promise<number> {
    // Redis holds only the timers of the coming hour; the reconciler adds later ones every minute
    // as they come within reach, so a long resolution target costs no Redis memory for days.
    const horizon = Date.now() + PLANNING_HORIZON_MS;
    let jobs = rows.flatMap(timersFor).filter((job) => new Date(job.dueAt).getTime() <= horizon);
    if (onlyMissing) jobs = await this.missing(jobs);
    await this.add(jobs);
    return jobs.length;
  }

  /** Adds timer jobs, delayed until they are due; a few batches in flight keep Redis busy. */
  async add(jobs: SlaTimerJob[]): Promise<void> {
    const now = Date.now();
    const batches: SlaTimerJob[][] = [];
    for (let i = 0; i < jobs.length; i += 1000) batches.push(jobs.slice(i, i + 1000));
    const send = async (batch: SlaTimerJob[]) => {
      await this.timers.addBulk(
        batch.map((job) => ({
          name: `${job.clock}.${job.kind}`,
          data: job,
          opts: { jobId: timerJobId(job), delay: Math.max(0, new Date(job.dueAt).getTime() - now) },
        })),
      );
    };
    for (let i = 0; i < batches.length; i += 4) await Promise.all(batches.slice(i, i + 4).map(send));
  }

  /** Jobs whose id is not in Redis: one pipelined EXISTS per job, cheap even for 100,000. */
  private async missing(jobs: SlaTimerJob[]): Promise<SlaTimerJob[]> {
    this.redis ??= new Redis(this.infrastructure.redisUrl, { maxRetriesPerRequest: 3 });
    const client = this.redis;
    const missing: SlaTimerJob[] = [];
    for (let i = 0; i < jobs.length; i += 5000) {
      const batch = jobs.slice(i, i + 5000);
      const pipeline = client.pipeline();
      for (const job of batch) pipeline.exists(this.timers.toKey(timerJobId(job)));
      const results = (await pipeline.exec()) ?? [];
      batch.forEach((job, index) => {
        if (results[index]?.[1] === 0) missing.push(job);
      });
    }
    return missing;
  }
}
