import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface OutboxSubscription {
  queue: Queue;
  /** Event types this subscriber wants; `*` for all. */
  types: readonly string[] | '*';
  /**
   * The subscriber's work must not be lost with Redis: its completed jobs are recorded as consumed
   * (consumer: the queue's name) and events it never consumed are published to it again whose job
   * Redis no longer has (OutboxRedelivery). Its processor must be idempotent by event id. Off for
   * subscribers that rebuild their state from PostgreSQL anyway (SLA timers) or live only in the
   * moment (the console's feed).
   */
  redeliver: boolean;
  /** The most events one job carries (see OutboxBatch). */
  batchSize: number;
}

/** Events per job unless a subscriber asks otherwise: large enough to make the per-job cost small. */
export const DEFAULT_OUTBOX_BATCH_SIZE = 50;

/**
 * The fan-out table of the relay: each consuming context registers its own queue and the event
 * types it reacts to (at module init), so the outbox knows nothing of its consumers.
 */
@Injectable()
export class OutboxSubscriptions {
  private readonly subscriptions: OutboxSubscription[] = [];

  add(
    queue: Queue,
    types: readonly string[] | '*',
    options: { redeliver?: boolean; batchSize?: number } = {},
  ): void {
    this.subscriptions.push({
      queue,
      types,
      redeliver: options.redeliver ?? false,
      batchSize: options.batchSize ?? DEFAULT_OUTBOX_BATCH_SIZE,
    });
  }

  all(): readonly OutboxSubscription[] {
    return this.subscriptions;
  }

  /** The subscriptions whose unconsumed events are redelivered. */
  durable(): readonly OutboxSubscription[] {
    return this.subscriptions.filter((s) => s.redeliver);
  }
}
