import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Infrastructure } from '@meldpunt/config';
import { outboxBatchJobs } from './outbox-batch';
import { OUTBOX_SELECT_COLUMNS, OutboxMessage, OutboxRowRaw, toOutboxMessage } from './outbox-message';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-wake';
import { OutboxSubscriptions } from './outbox-subscriptions';

const BATCH = 500;
// One relay at a time in the whole installation keeps events in commit-id order per ticket.
const RELAY_LOCK = 7_315_001;
export const OUTBOX_RETENTION_DAYS = 7;

/**
 * Moves committed outbox rows to the subscribers' BullMQ queues, then marks them published, in
 * one database transaction per batch. A crash between publishing and the commit re-publishes the
 * batch on the next run: delivery is at least once, the job id (naming the run of events a job carries, see
 * OutboxBatch) makes BullMQ drop most repeats, and consumers dedupe the rest by event id.
 * It wakes on PostgreSQL NOTIFY (OutboxWake, after the writers' commits) and polls as a fallback. Jobs that
 * Redis loses after the rows were marked published are OutboxRedelivery's business.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly config: AppConfig,
    private readonly infrastructure: Infrastructure,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.kick(), this.config.outboxPollMs);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs the relay now (or right after the current run). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Waits until no run is in progress (tests use it to wait for the relay). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
      await this.cleanup();
    } catch (error) {
      this.logger.warn(`outbox relay run failed, will retry: ${(error as Error).message}`);
    }
  }

  /** Publishes one batch; returns how many events it handled (0 when another relay holds the lock). */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RELAY_LOCK],
      );
      if (!locked) return 0;
      const rows = await manager.query<OutboxRowRaw[]>(
        `SELECT ${OUTBOX_SELECT_COLUMNS}
           FROM outbox_event o WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1 FOR UPDATE`,
        [BATCH],
      );
      if (!rows.length) return 0;
      await this.publish(rows.map(toOutboxMessage));
      await this.markPublished(
        manager,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
  }

  private async publish(messages: OutboxMessage[]): Promise<void> {
    const deliveries = this.subscriptions.all().map(({ queue, types, batchSize }) => ({
      queue,
      batchSize,
      wanted: types === '*' ? messages : messages.filter((m) => types.includes(m.type)),
    }));
    await Promise.all(
      deliveries
        .filter(({ wanted }) => wanted.length > 0)
        .map(({ queue, wanted, batchSize }) => queue.addBulk(outboxBatchJobs(wanted, batchSize))),
    );
  }

  private async markPublished(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox_event WHERE published_at < now() - make_interval(days => $1)`,
      [OUTBOX_RETENTION_DAYS],
    );
    // Only events still kept can be redelivered: what their consumers did with older ones can go.
    await this.dataSource.query(
      `DELETE FROM consumed_event WHERE consumed_at < now() - make_interval(days => $1)`,
      [OUTBOX_RETENTION_DAYS],
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.infrastructure.databaseUrl });
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost its connection (${error.message}); polling only until restart`);
      this.listener = null;
    });
    client.on('notification', () => this.kick());
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    this.listener = client;
  }
}
