import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { BackOfficeAdapters } from '../connectors/back-office-adapters';
import {
  BackOfficeError,
  BackOfficeThrottled,
  type BackOfficeAdapter,
  type BackOfficeConnection,
  type RemoteChange,
} from '../port/back-office-adapter';
import { BACK_OFFICE_POLL_QUEUE, type PollJob } from '../sync/sync-queues';
import { SyncTasks } from '../sync/sync-tasks';
import { RemoteChangeApplier } from './remote-change-applier';

const MAX_PAGES_PER_POLL = 50;
const APPLY_LANES = 6;
const PAGE_ATTEMPTS = 4;
const THROTTLED_WAITS = 20;
// A first poll looks back this far, so cases changed just before the connection was made count.
const FIRST_LOOK_BACK_MS = 10 * 60_000;
const LEASE_MS = 5 * 60_000;

/**
 * Reads what changed in a municipality's back-office since the stored cursor and applies it. The
 * cursor moves after each applied page, so a crash repeats at most one page (applying is
 * idempotent). A lease on the cursor row keeps two polls of one municipality from overlapping.
 * Polls mostly wait on the tools: every municipality's poll may run at once (13 in the region), so
 * none waits behind another's slow back-office for its turn.
 */
@Processor(BACK_OFFICE_POLL_QUEUE, { concurrency: 16 })
export class BackOfficePollProcessor extends WorkerHost {
  /**
   * A page, retried a few times at once on a retryable failure: a page of TOPdesk changes is some
   * fifty calls, and giving up the whole poll for one lost answer would leave the rest waiting for
   * the next poll interval.
   */
  private async fetchPage(adapter: BackOfficeAdapter, conn: BackOfficeConnection, cursor: string | null) {
    let throttled = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await adapter.fetchChanges(conn, cursor, new Date(Date.now() - FIRST_LOOK_BACK_MS));
      } catch (error) {
        // Our own request budget said "not yet": wait for room (this poll is the only one of its
        // municipality) without counting an attempt; sync jobs may take the room first, so bounded.
        if (error instanceof BackOfficeThrottled && ++throttled <= THROTTLED_WAITS) {
          attempt--;
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 0));
          continue;
        }
        const retryable = error instanceof BackOfficeError && error.retryable;
        if (!retryable || attempt >= PAGE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /**
   * Changes of one page concern different cases (the last one per case counts), so they are
   * applied side by side, a few at a time: a page of bulk completions is a few hundred
   * transactions, which one after the other would hold the poll for seconds.
   */
  private async applyPage(conn: BackOfficeConnection, changes: RemoteChange[]): Promise<number> {
    const latest = new Map(changes.map((c) => [c.externalId, c]));
    const links = await this.links.linksByExternalIds(conn.municipalityCode, conn.type, [...latest.keys()]);
    const queue = [...latest.values()];
    let applied = 0;
    const lane = async () => {
      for (let change = queue.shift(); change; change = queue.shift()) {
        const link = links.get(change.externalId) ?? null;
        if ((await this.applier.apply(conn, change, link)) === 'applied') applied++;
      }
    };
    await Promise.all(Array.from({ length: APPLY_LANES }, lane));
    return applied;
  }

  private readonly logger = new Logger(BackOfficePollProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: BackOfficeConnections,
    private readonly adapters: BackOfficeAdapters,
    private readonly applier: RemoteChangeApplier,
    private readonly links: SyncTasks,
  ) {
    super();
  }

  async process(job: Job<PollJob>): Promise<string> {
    const { municipalityCode } = job.data;
    const conn = await this.connections.get(municipalityCode);
    if (!conn || conn.type === 'webhook') return 'not polled';
    const [cursorRow] = await this.dataSource.query<{ cursor: string | null; system: string }[]>(
      `INSERT INTO back_office_cursor (municipality_code, system, lease_until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (municipality_code) DO UPDATE SET lease_until = EXCLUDED.lease_until
         WHERE back_office_cursor.lease_until IS NULL OR back_office_cursor.lease_until < now()
       RETURNING cursor, system`,
      [municipalityCode, conn.type, LEASE_MS],
    );
    if (!cursorRow) return 'another poll is running';
    // A cursor of another tool (the municipality switched) means nothing to this connector.
    let cursor = cursorRow.system === conn.type ? cursorRow.cursor : null;
    const adapter = this.adapters.for(conn.type);
    let applied = 0;
    try {
      for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
        const result = await this.fetchPage(adapter, conn, cursor);
        applied += await this.applyPage(conn, result.changes);
        cursor = result.cursor;
        await this.dataSource.query(
          'UPDATE back_office_cursor SET cursor = $2, system = $3, polled_at = now(), last_success_at = now(), last_error = NULL WHERE municipality_code = $1',
          [municipalityCode, cursor, conn.type],
        );
        if (!result.more) break;
      }
      return `${applied} changes applied`;
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`poll of ${municipalityCode}'s ${conn.type} failed: ${message}`);
      await this.dataSource.query(
        'UPDATE back_office_cursor SET polled_at = now(), last_error = $2 WHERE municipality_code = $1',
        [municipalityCode, message.slice(0, 2000)],
      );
      // The next scheduled poll tries again; failing the job only fills the failed list.
      return `poll failed: ${message}`;
    } finally {
      await this.dataSource.query(
        'UPDATE back_office_cursor SET lease_until = NULL WHERE municipality_code = $1',
        [municipalityCode],
      );
    }
  }
}
