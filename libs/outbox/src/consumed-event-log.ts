import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxBatch, outboxEvents } from './outbox-batch';
import { OutboxSubscriptions } from './outbox-subscriptions';

const FLUSH_MS = 500;
const FLUSH_AT = 1000;

/**
 * Records in consumed_event which outbox events the durable subscribers of this process have
 * handled: a job of theirs that completed. Written in batches (one statement per half second, not
 * one per event on the hot path); a crash loses at most the last batch, whose events are then
 * redelivered, which consumers idempotent by event id shrug off.
 */
@Injectable()
export class ConsumedEventLog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConsumedEventLog.name);
  private pending: { consumer: string; eventId: string }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly subscriptions: OutboxSubscriptions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const durable = new Set(this.subscriptions.durable().map((s) => s.queue.name));
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof WorkerHost) || !durable.has(instance.worker.name)) continue;
      const consumer = instance.worker.name;
      instance.worker.on('completed', (job: Job<OutboxBatch>) => {
        for (const event of outboxEvents(job)) this.note(consumer, event.eventId);
      });
    }
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private note(consumer: string, eventId: unknown): void {
    if (typeof eventId !== 'string' || !/^\d{1,19}$/.test(eventId)) return;
    this.pending.push({ consumer, eventId });
    if (this.pending.length >= FLUSH_AT) void this.flush();
  }

  /** Writes what was noted so far; one write at a time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      if (!batch.length) return;
      this.pending = [];
      try {
        await this.dataSource.query(
          `INSERT INTO consumed_event (consumer, event_id)
           SELECT * FROM unnest($1::varchar[], $2::bigint[]) ON CONFLICT DO NOTHING`,
          [batch.map((b) => b.consumer), batch.map((b) => b.eventId)],
        );
      } catch (error) {
        // Not recorded: these events may be redelivered, which their consumers handle as repeats.
        this.logger.warn(`consumed events not recorded (${batch.length}): ${(error as Error).message}`);
      }
    });
    return this.flushing;
  }
}
