import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface OutboxSubscription {
  queue: Queue;
  /** Event types this subscriber wants; `*` for all. */
  types: readonly string[] | '*';
}

/**
 * The fan-out table of the relay: each consuming context registers its own queue and the event
 * types it reacts to (at module init), so the outbox knows nothing of its consumers.
 */
@Injectable()
export class OutboxSubscriptions {
  private readonly subscriptions: OutboxSubscription[] = [];

  add(queue: Queue, types: readonly string[] | '*'): void {
    this.subscriptions.push({ queue, types });
  }

  all(): readonly OutboxSubscription[] {
    return this.subscriptions;
  }
}
