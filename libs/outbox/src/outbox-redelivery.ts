import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { lostJobIds, PeriodicReconciler } from '@meldpunt/queue';
import { OUTBOX_SELECT_COLUMNS, outboxJobId, OutboxRowRaw, toOutboxMessage } from './outbox-message';
import { OutboxSubscription, OutboxSubscriptions } from './outbox-subscriptions';

const PAGE = 5000;

/**
 * The relay marks an event published once its jobs are in Redis; a flushed or failed-over Redis
 * then loses the jobs of events a consumer had not handled yet. At start and every
 * RECONCILE_INTERVAL_MS this publishes again, to each durable subscriber, the events of the last
 * OUTBOX_REDELIVERY_HOURS it has not consumed (see ConsumedEventLog) and whose job Redis no longer
 * holds, under the same job id: a job still waiting, running or retrying is left alone, and the
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

  private async redeliver({ queue, types }: OutboxSubscription): Promise<number> {
    let added = 0;
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
          queue.name,
          PAGE,
        ],
      );
      const messages = rows.map(toOutboxMessage);
      const missing = new Set(
        await lostJobIds(
          queue,
          messages.map((m) => outboxJobId(m.eventId)),
        ),
      );
      const lost = messages.filter((m) => missing.has(outboxJobId(m.eventId)));
      if (lost.length) {
        await queue.addBulk(
          lost.map((m) => ({ name: m.type, data: m, opts: { jobId: outboxJobId(m.eventId) } })),
        );
      }
      added += lost.length;
      if (rows.length < PAGE) return added;
      after = rows[rows.length - 1].id;
    }
  }
}
