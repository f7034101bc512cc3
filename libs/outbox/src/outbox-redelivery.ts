import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobType, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { lostJobIds, PeriodicReconciler } from '@meldpunt/queue';
import { outboxBatchJobs, outboxEvents } from './outbox-batch';
import { OUTBOX_SELECT_COLUMNS, OutboxMessage, OutboxRowRaw, toOutboxMessage } from './outbox-message';
import { OutboxSubscription, OutboxSubscriptions } from './outbox-subscriptions';

const PAGE = 5000;
const JOB_PAGE = 1000;
// Read in the order jobs move through them, so a job moving on during the scan is seen again in
// the next list rather than missed (a miss only means one event handled twice).
const UNFINISHED: JobType[][] = [
  ['waiting', 'prioritized', 'waiting-children'],
  ['delayed'],
  ['active'],
  ['failed'],
];

/**
 * The relay marks an event published once its job is in Redis; a flushed or failed-over Redis
 * then loses the jobs of events a consumer had not handled yet. At start and every
 * RECONCILE_INTERVAL_MS this publishes again, to each durable subscriber, the events of the last
 * OUTBOX_REDELIVERY_HOURS it has not consumed (see ConsumedEventLog) and that no job of its queue
 * still holds (waiting, running, retrying, or failed for good and kept for inspection); the
 * consumers are idempotent by event id. Events published less than RECONCILE_GRACE_MS ago are
 * skipped.
 */
@Injectable()
export class OutboxRedelivery extends PeriodicReconciler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'outbox redelivery', 'event jobs');
  }

  protected async restore(): Promise<number> {
    let added = 0;
    for (const subscription of this.subscriptions.durable()) added += await this.redeliver(subscription);
    return added;
  }

  private async redeliver({ queue, types, batchSize }: OutboxSubscription): Promise<number> {
    const unconsumed = await this.unconsumed(queue.name, types);
    if (!unconsumed.length) return 0;
    const held = await heldEventIds(queue);
    const jobs = outboxBatchJobs(
      unconsumed.filter((m) => !held.has(m.eventId)),
      batchSize,
      'redelivered',
    );
    // The same run redelivered before may have left a remnant under its id (a worker's
    // bookkeeping after a flush): re-adding would then be a no-op. lostJobIds clears remnants.
    const missing = new Set(
      await lostJobIds(
        queue,
        jobs.map((j) => j.opts.jobId!),
      ),
    );
    const lost = jobs.filter((j) => missing.has(j.opts.jobId!));
    if (lost.length) await queue.addBulk(lost);
    return lost.reduce((n, j) => n + j.data.events.length, 0);
  }

  /** The events of the window this consumer has not recorded as handled, in id order. */
  private async unconsumed(consumer: string, types: readonly string[] | '*'): Promise<OutboxMessage[]> {
    const messages: OutboxMessage[] = [];
    for (let after = '0'; ;) {
      const rows = await this.dataSource.query<OutboxRowRaw[]>(
        `SELECT ${OUTBOX_SELECT_COLUMNS} FROM outbox_event o
          WHERE o.id > $1 AND o.published_at < now() - $2 * interval '1 millisecond'
            AND o.published_at > now() - make_interval(hours => $3)
            AND ($4::text[] IS NULL OR o.type = ANY($4::text[]))
            AND NOT EXISTS (SELECT 1 FROM consumed_event c WHERE c.consumer = $5 AND c.event_id = o.id)
          ORDER BY o.id LIMIT $6`,
        [
          after,
          this.config.reconcileGraceMs,
          this.config.outboxRedeliveryHours,
          types === '*' ? null : types,
          consumer,
          PAGE,
        ],
      );
      messages.push(...rows.map(toOutboxMessage));
      if (rows.length < PAGE) return messages;
      after = rows[rows.length - 1].id;
    }
  }
}

/** The ids of the events that the queue's unfinished (or failed) jobs carry. */
async function heldEventIds(queue: Queue): Promise<Set<string>> {
  const held = new Set<string>();
  for (const states of UNFINISHED) {
    for (let start = 0; ; start += JOB_PAGE) {
      const jobs = await queue.getJobs(states, start, start + JOB_PAGE - 1, true);
      for (const job of jobs) if (job?.data) for (const event of outboxEvents(job)) held.add(event.eventId);
      if (jobs.length < JOB_PAGE) break;
    }
  }
  return held;
}
