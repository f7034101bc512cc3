import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@meldpunt/identity';
import { DEFAULT_POLL_SECONDS } from '../connection/back-office-connections';
import type { IntegrationHealth, IntegrationStatusView } from './integration-status.view';

// A task this old has been retried for a long time (or is stuck behind one that is): worth a look
// before it turns into a failure record.
export const STUCK_AFTER_MS = 15 * 60_000;
const POLLED = new Set(['topdesk', 'ultimo', '3p']);

interface StatusRow {
  code: string;
  system: string;
  poll_seconds: number | null;
  polled_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  pending: number;
  failed: number;
  oldest_pending: Date | null;
}

/**
 * Each connected municipality's integration at a glance, from the cursor of its poll and its sync
 * tasks: what an agent checks before phoning a municipality, and what monitoring alerts on.
 */
@Injectable()
export class IntegrationStatus {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `scope` null: every municipality (operations); otherwise only these. */
  async list(scope: readonly string[] | null, now = Date.now()): Promise<IntegrationStatusView[]> {
    // The task counts read only pending and failed rows, through their partial indexes: done
    // tasks pile up, and /metrics runs this on every scrape.
    const rows = await this.dataSource.query<StatusRow[]>(
      `SELECT m.code, m.back_office->>'type' AS system, (m.back_office->>'pollSeconds')::int AS poll_seconds,
              c.polled_at, c.last_success_at, c.last_error,
              (SELECT count(*)::int FROM back_office_sync_task t
                WHERE t.municipality_code = m.code AND t.state = 'pending') AS pending,
              (SELECT min(t.created_at) FROM back_office_sync_task t
                WHERE t.municipality_code = m.code AND t.state = 'pending') AS oldest_pending,
              (SELECT count(*)::int FROM back_office_sync_task t
                WHERE t.municipality_code = m.code AND t.state = 'failed') AS failed
         FROM municipality m
         LEFT JOIN back_office_cursor c ON c.municipality_code = m.code
        WHERE coalesce(m.back_office->>'type', 'none') <> 'none' AND m.back_office->>'baseUrl' IS NOT NULL
          AND ($1::text[] IS NULL OR m.code = ANY($1::text[]))
        ORDER BY m.code`,
      [scope ? [...scope] : null],
    );
    return rows.map((r) => {
      const polled = POLLED.has(r.system);
      const view: IntegrationStatusView = {
        municipalityCode: r.code,
        system: r.system,
        status: 'ok',
        pollSeconds: polled ? (r.poll_seconds ?? DEFAULT_POLL_SECONDS) : null,
        lastPolledAt: r.polled_at?.toISOString() ?? null,
        lastPollSuccessAt: r.last_success_at?.toISOString() ?? null,
        pollError: polled ? r.last_error : null,
        pendingTasks: r.pending,
        oldestPendingSince: r.oldest_pending?.toISOString() ?? null,
        failedTasks: r.failed,
      };
      view.status = integrationHealth(view, now);
      return view;
    });
  }

  /** What the caller may see: all for the regional scope, else their municipalities. */
  forContext(ctx: RequestContext): Promise<IntegrationStatusView[]> {
    return this.list(ctx.scope === 'all' ? null : [...ctx.scope]);
  }
}

export function integrationHealth(
  s: Pick<IntegrationStatusView, 'pollError' | 'oldestPendingSince' | 'failedTasks'>,
  now: number,
): IntegrationHealth {
  const stuck = s.oldestPendingSince !== null && now - Date.parse(s.oldestPendingSince) > STUCK_AFTER_MS;
  if (s.pollError !== null || stuck) return 'failing';
  return s.failedTasks > 0 ? 'degraded' : 'ok';
}
