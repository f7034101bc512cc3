import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returnedRows } from '@meldpunt/identity';
import type { SyncOperation, SyncTaskState } from '../entities/back-office-sync-task.entity';

export interface SyncTaskRow {
  id: string;
  ticket_id: string;
  municipality_code: string;
  system: string;
  operation: SyncOperation;
  payload: Record<string, unknown>;
  /** The outbox event behind the task: its order is the ticket's order of events. */
  source_event_id: string | null;
  state: SyncTaskState;
  attempts: number;
  last_error: string | null;
  /** Until when an unanswered write of this task may still land (see the entity); JSON gives a string. */
  settle_until: Date | string | null;
}

export interface LinkRow {
  ticket_id: string;
  municipality_code: string;
  system: string;
  external_id: string | null;
  external_number: string | null;
  url: string | null;
  remote_state: { remoteStatus: string; status: string | null } | null;
  seen_note_ids: string[];
  pushed_note_hashes: string[];
}

const TASK_COLUMNS =
  'id, ticket_id, municipality_code, system, operation, payload, source_event_id, state, attempts, last_error, settle_until';
const LINK_COLUMNS =
  'ticket_id, municipality_code, system, external_id, external_number, url, remote_state, seen_note_ids, pushed_note_hashes';

/** The sync engine's own tables: tasks (outbound calls to make) and links (ticket <-> case). */
@Injectable()
export class SyncTasks {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Files the task of an outbox event once; a redelivered event finds the same task. */
  async file(task: {
    ticketId: string;
    municipalityCode: string;
    system: string;
    operation: SyncOperation;
    payload: Record<string, unknown>;
    sourceEventId: string;
  }): Promise<SyncTaskRow> {
    const [row] = await this.dataSource.query<SyncTaskRow[]>(
      `INSERT INTO back_office_sync_task (ticket_id, municipality_code, system, operation, payload, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_event_id) DO UPDATE SET source_event_id = EXCLUDED.source_event_id
       RETURNING ${TASK_COLUMNS}`,
      [
        task.ticketId,
        task.municipalityCode,
        task.system,
        task.operation,
        JSON.stringify(task.payload),
        task.sourceEventId,
      ],
    );
    return row;
  }

  /**
   * The ticket's unfinished tasks up to and including `task`, in the order of their events (tasks
   * are filed by several consumers at once, so task ids need not follow the events).
   */
  async unfinishedUpTo(task: SyncTaskRow): Promise<SyncTaskRow[]> {
    return this.dataSource.query<SyncTaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM back_office_sync_task
        WHERE ticket_id = $1 AND state <> 'done' AND (id = $2 OR source_event_id < $3)
        ORDER BY source_event_id NULLS LAST, id`,
      [task.ticket_id, task.id, task.source_event_id ?? '9223372036854775807'],
    );
  }

  async countAttempt(id: string): Promise<number> {
    const [row] = returnedRows<{ attempts: number }>(
      await this.dataSource.query(
        'UPDATE back_office_sync_task SET attempts = attempts + 1, updated_at = now() WHERE id = $1 RETURNING attempts',
        [id],
      ),
    );
    return row.attempts;
  }

  /** Takes back the attempt counted by `lease` when the call was held back before anything was sent. */
  async uncountAttempt(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE back_office_sync_task SET attempts = greatest(attempts - 1, 0) WHERE id = $1',
      [id],
    );
  }

  /** Records a failed attempt; `settleMs`: its write went unanswered and may land within that time. */
  async noteError(id: string, error: string, settleMs: number | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE back_office_sync_task SET last_error = $2, updated_at = now(),
         settle_until = CASE WHEN $3::int IS NULL THEN settle_until ELSE now() + $3::int * interval '1 millisecond' END
        WHERE id = $1`,
      [id, error.slice(0, 2000), settleMs],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE back_office_sync_task SET state = 'failed', failed_at = now(), last_error = $2, updated_at = now()
        WHERE id = $1 AND state = 'pending'`,
      [id, error.slice(0, 2000)],
    );
  }

  /**
   * Puts a failed task back in line with the ticket's other failed tasks (blocked behind it, or
   * blocking it), in order. Returns the ids to enqueue, or null when the task is not failed.
   */
  async requeue(id: string): Promise<string[] | null> {
    const result: unknown = await this.dataSource.query(
      `UPDATE back_office_sync_task t SET state = 'pending', attempts = 0, failed_at = NULL, updated_at = now()
         FROM back_office_sync_task f
        WHERE f.id = $1 AND f.state = 'failed' AND t.ticket_id = f.ticket_id AND t.state = 'failed'
        RETURNING t.id`,
      [id],
    );
    const rows = returnedRows<{ id: string }>(result);
    return rows.length ? rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b)) : null;
  }

  /**
   * Takes a pending task's ticket lease (creating its link row on first use), so one job at a time
   * talks to the back-office about a ticket, and counts the attempt: one statement, one commit.
   * `idle` when the task is no longer pending, `busy` when another job holds the lease.
   */
  async lease(taskId: string, ms: number): Promise<{ task: SyncTaskRow; link: LinkRow } | 'idle' | 'busy'> {
    const [row] = await this.dataSource.query<
      { task: SyncTaskRow | null; link: LinkRow | null; pending: boolean }[]
    >(
      `WITH t AS (
         SELECT ticket_id, municipality_code, system FROM back_office_sync_task WHERE id = $1 AND state = 'pending'),
       l AS (
         INSERT INTO back_office_link (ticket_id, municipality_code, system, lease_until)
         SELECT ticket_id, municipality_code, system, now() + $2 * interval '1 millisecond' FROM t
         ON CONFLICT (ticket_id) DO UPDATE SET lease_until = EXCLUDED.lease_until
           WHERE back_office_link.lease_until IS NULL OR back_office_link.lease_until < now()
         RETURNING ${LINK_COLUMNS}),
       a AS (
         UPDATE back_office_sync_task SET attempts = attempts + 1, updated_at = now()
          WHERE id = $1 AND EXISTS (SELECT 1 FROM l)
          RETURNING ${TASK_COLUMNS.replace('id,', 'id::text AS id,').replace('source_event_id', 'source_event_id::text AS source_event_id')})
       SELECT EXISTS (SELECT 1 FROM t) AS pending, (SELECT row_to_json(a) FROM a) AS task,
              (SELECT row_to_json(l) FROM l) AS link`,
      [taskId, ms],
    );
    if (!row?.pending) return 'idle';
    if (!row.task || !row.link) return 'busy';
    return { task: row.task, link: row.link };
  }

  /**
   * Ends a task that succeeded, in one statement: the task is done, the link records what the call
   * changed (the case, a pushed note), and the lease is released when `release` is true.
   */
  async finish(
    task: SyncTaskRow,
    change: { externalCase?: { id: string; number?: string; url?: string }; pushedNoteHash?: string },
    release: boolean,
  ): Promise<void> {
    const c = change.externalCase;
    await this.dataSource.query(
      `WITH t AS (
         UPDATE back_office_sync_task SET state = 'done', done_at = now(), last_error = NULL, updated_at = now()
          WHERE id = $1 RETURNING ticket_id)
       UPDATE back_office_link l SET
         external_id = coalesce($2, l.external_id), external_number = coalesce($3, l.external_number),
         url = coalesce($4, l.url),
         pushed_note_hashes = CASE WHEN $5::text IS NULL THEN l.pushed_note_hashes ELSE array_append(l.pushed_note_hashes, $5::text) END,
         synced_at = now(), lease_until = CASE WHEN $6 THEN NULL ELSE l.lease_until END
        FROM t WHERE l.ticket_id = t.ticket_id`,
      [task.id, c?.id ?? null, c?.number ?? null, c?.url ?? null, change.pushedNoteHash ?? null, release],
    );
  }

  /**
   * Points a ticket's link at another municipality's back-office, without a case yet (the ticket
   * moved there): the former case's changes no longer reach the ticket. The lease stays held.
   */
  async moveLink(ticketId: string, municipalityCode: string, system: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE back_office_link SET municipality_code = $2, system = $3, external_id = NULL,
              external_number = NULL, url = NULL, remote_state = NULL, seen_note_ids = '{}',
              pushed_note_hashes = '{}', synced_at = now()
        WHERE ticket_id = $1`,
      [ticketId, municipalityCode, system],
    );
  }

  async release(ticketId: string): Promise<void> {
    await this.dataSource.query('UPDATE back_office_link SET lease_until = NULL WHERE ticket_id = $1', [
      ticketId,
    ]);
  }

  async linkByExternalId(
    municipalityCode: string,
    system: string,
    externalId: string,
  ): Promise<LinkRow | null> {
    const rows = await this.dataSource.query<LinkRow[]>(
      `SELECT ${LINK_COLUMNS} FROM back_office_link WHERE municipality_code = $1 AND system = $2 AND external_id = $3`,
      [municipalityCode, system, externalId],
    );
    return rows[0] ?? null;
  }

  async linksByExternalIds(
    municipalityCode: string,
    system: string,
    externalIds: string[],
  ): Promise<Map<string, LinkRow>> {
    const rows = await this.dataSource.query<LinkRow[]>(
      `SELECT ${LINK_COLUMNS} FROM back_office_link
        WHERE municipality_code = $1 AND system = $2 AND external_id = ANY($3::text[])`,
      [municipalityCode, system, externalIds],
    );
    return new Map(rows.map((r) => [r.external_id!, r]));
  }

  async linkByTicket(ticketId: string): Promise<LinkRow | null> {
    const rows = await this.dataSource.query<LinkRow[]>(
      `SELECT ${LINK_COLUMNS} FROM back_office_link WHERE ticket_id = $1`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  async recordRemote(
    ticketId: string,
    change: { remoteState?: { remoteStatus: string; status: string | null }; seenNoteIds?: string[] },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE back_office_link SET remote_state = coalesce($2::jsonb, remote_state),
              seen_note_ids = seen_note_ids || $3::text[], synced_at = now()
        WHERE ticket_id = $1`,
      [ticketId, change.remoteState ? JSON.stringify(change.remoteState) : null, change.seenNoteIds ?? []],
    );
  }
}
