import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, RequestContext } from '@meldpunt/identity';
import { OUTBOX_INSERT_SQL, OutboxWake, outboxParams } from '@meldpunt/outbox';
import type { ExternalRef } from './entities/ticket.entity';
import type { IntakeSla } from './sla/ticket-sla-clock';
import { SLA_TIMER_COLUMNS, type SlaTimerRow } from './sla/sla-timers';
import { parsePhone } from './dto/is-phone-number';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import type { NewAttachment } from './attachments/attachment-rules';
import { storeAttachments } from './attachments/store-attachments';
import { TICKET_COLUMNS, TicketRow } from './ticket-record';
import type { TicketStatus } from './ticket-lifecycle';

export interface NewTicket {
  id: string;
  kind: string;
  channel: string;
  categoryCode: string;
  subject: string;
  description: string;
  municipalityCode: string;
  locationAddress: string | null;
  locationPostcode: string | null;
  locationLat: number | null;
  locationLon: number | null;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  reporterLanguage: string | null;
  reporterConsent: boolean;
  priority: string;
  receivedAt: Date;
  sla: IntakeSla;
}

export interface IdempotencyClaim {
  owner: string;
  key: string;
  bodyHash: string;
}

export interface HistoryEntry {
  type: string;
  data: Record<string, unknown>;
}

export interface ListFilter {
  municipalities?: string[];
  statuses?: TicketStatus[];
  categoryCode?: string;
  q?: string;
  breached?: boolean;
  caller?: string;
  teamId?: string;
  before?: string;
  limit: number;
}

// The reference is built in the same statement from the sequence value: never read-then-write. The
// team the municipality routes the category to (team_category) is looked up in it too.
// lpad would truncate numbers above 999,999, hence the CASE.
const REFERENCE_SQL = `'ZWVL-' || to_char(now() AT TIME ZONE 'Europe/Brussels', 'YYYY') || '-' ||
  CASE WHEN n.number < 1000000 THEN lpad(n.number::text, 6, '0') ELSE n.number::text END`;

function insertSql(withKey: boolean): string {
  const key = withKey
    ? `k AS (INSERT INTO idempotency_key (owner, key, body_hash, ticket_id)
             VALUES ($25, $26, $27, $1::uuid) ON CONFLICT DO NOTHING RETURNING ticket_id),
       n AS (SELECT nextval('ticket_number_seq') AS number FROM k),`
    : `n AS (SELECT nextval('ticket_number_seq') AS number),`;
  return `WITH ${key}
    t AS (
      INSERT INTO ticket (id, number, reference, kind, channel, category_code, subject, description,
        municipality_code, location_address, location_postcode, location_lat, location_lon,
        reporter_name, reporter_email, reporter_phone, reporter_language, reporter_consent, priority, status,
        sla_policy, response_due_at, resolution_due_at, response_warn_at, resolution_warn_at, team_id, team_name,
        created_at, updated_at)
      SELECT $1::uuid, n.number, ${REFERENCE_SQL}, $2::varchar, $3::varchar, $4::varchar, $5::varchar, $6::text,
        $7::varchar, $8::varchar, $9::varchar, $10::double precision, $11::double precision,
        $12::varchar, $13::varchar, $14::varchar, $15::varchar, $16::boolean, $17::varchar, 'new',
        $19::jsonb, $20::timestamptz, $21::timestamptz, $22::timestamptz, $23::timestamptz, r.team_id, r.team_name,
        $24::timestamptz, $24::timestamptz
      FROM n LEFT JOIN (
        SELECT c.team_id, tm.name AS team_name FROM team_category c JOIN team tm ON tm.id = c.team_id
         WHERE c.municipality_code = $7::varchar AND c.category_code = $4::varchar) r ON true
      RETURNING ${TICKET_COLUMNS}),
    e AS (
      INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
      SELECT t.id, t.municipality_code, '${HISTORY.created}', $18::jsonb,
        jsonb_build_object('status', t.status, 'channel', t.channel, 'priority', t.priority)
      FROM t RETURNING id),
    o AS (
      INSERT INTO outbox_event (type, aggregate_id, municipality_code, payload)
      SELECT '${TICKET_EVENTS.created}', t.id, t.municipality_code,
        jsonb_build_object('ticketEventId', e.id::text, 'status', t.status)
      FROM t, e RETURNING id)
    SELECT * FROM t`;
}

const INSERT_WITH_KEY = insertSql(true);
const INSERT_WITHOUT_KEY = insertSql(false);

/**
 * All SQL on tickets. Every read takes the caller's RequestContext and filters by its
 * municipalities here, in the data layer. Every write stores the row, its history event and its
 * outbox row atomically: one statement for the intake (the hot path), one transaction for the rest.
 */
@Injectable()
export class TicketRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outboxWake: OutboxWake,
  ) {}

  /**
   * Inserts a ticket with its `created` event and outbox row in one statement. With an
   * idempotency claim, returns null when the key was taken (by a concurrent or earlier request).
   */
  async insert(
    ticket: NewTicket,
    actor: Actor,
    claim?: IdempotencyClaim,
    attachments: NewAttachment[] = [],
  ): Promise<TicketRow | null> {
    const params: unknown[] = [
      ticket.id,
      ticket.kind,
      ticket.channel,
      ticket.categoryCode,
      ticket.subject,
      ticket.description,
      ticket.municipalityCode,
      ticket.locationAddress,
      ticket.locationPostcode,
      ticket.locationLat,
      ticket.locationLon,
      ticket.reporterName,
      ticket.reporterEmail,
      ticket.reporterPhone,
      ticket.reporterLanguage,
      ticket.reporterConsent,
      ticket.priority,
      JSON.stringify(actor),
      ticket.sla.slaPolicy,
      ticket.sla.responseDueAt,
      ticket.sla.resolutionDueAt,
      ticket.sla.responseWarnAt,
      ticket.sla.resolutionWarnAt,
      ticket.receivedAt,
    ];
    if (claim) params.push(claim.owner, claim.key, claim.bodyHash);
    const sql = claim ? INSERT_WITH_KEY : INSERT_WITHOUT_KEY;
    // Without files the intake stays one statement; with files they commit with it, or nothing does.
    const rows = attachments.length
      ? await this.dataSource.transaction(async (manager) => {
          const inserted = await manager.query<TicketRow[]>(sql, params);
          if (inserted[0]) await storeAttachments(manager, inserted[0], attachments);
          return inserted;
        })
      : await this.dataSource.query<TicketRow[]>(sql, params);
    if (rows[0]) this.outboxWake.committed();
    return rows[0] ?? null;
  }

  async findIdempotencyKey(
    owner: string,
    key: string,
  ): Promise<{ bodyHash: string; ticketId: string } | null> {
    const rows = await this.dataSource.query<{ body_hash: string; ticket_id: string }[]>(
      'SELECT body_hash, ticket_id FROM idempotency_key WHERE owner = $1 AND key = $2',
      [owner, key],
    );
    return rows[0] ? { bodyHash: rows[0].body_hash, ticketId: rows[0].ticket_id } : null;
  }

  /** A ticket by id or reference, if the caller may see it. */
  async findVisible(
    ctx: RequestContext,
    idOrReference: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<TicketRow | null> {
    const byId = UUID.test(idOrReference);
    const rows = await (manager ?? this.dataSource).query<TicketRow[]>(
      `SELECT ${TICKET_COLUMNS} FROM ticket
        WHERE ${byId ? 'id = $1::uuid' : 'reference = upper($1)'}
          AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[]))
        ${lock ? 'FOR UPDATE' : ''}`,
      [idOrReference, scopeParam(ctx)],
    );
    return rows[0] ?? null;
  }

  /** The tickets among `ids` the caller may see, in one statement (the background consumers' batches). */
  async findVisibleMany(ctx: RequestContext, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return this.dataSource.query<TicketRow[]>(
      `SELECT ${TICKET_COLUMNS} FROM ticket
        WHERE id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[]))`,
      [ids, scopeParam(ctx)],
    );
  }

  async list(ctx: RequestContext, filter: ListFilter): Promise<TicketRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const scope = scopeParam(ctx);
    if (scope) where.push(`municipality_code = ANY(${param(scope)}::text[])`);
    if (filter.municipalities?.length)
      where.push(`municipality_code = ANY(${param(filter.municipalities)}::text[])`);
    if (filter.statuses?.length) where.push(`status = ANY(${param(filter.statuses)}::text[])`);
    if (filter.categoryCode) where.push(`category_code = ${param(filter.categoryCode)}`);
    if (filter.breached !== undefined) {
      where.push(`${filter.breached ? '' : 'NOT '}(response_breached OR resolution_breached)`);
    }
    if (filter.q) {
      const q = filter.q.trim();
      if (/^ZWVL-\d{4}-\d{6,}$/i.test(q)) where.push(`reference = upper(${param(q)})`);
      else where.push(`search_vector @@ websearch_to_tsquery('dutch', ${param(q)})`);
    }
    if (filter.caller) {
      // An e-mail address as stored (lower case), or a phone number in any notation (E.164 stored).
      const caller = filter.caller.trim();
      const value = caller.includes('@') ? caller.toLowerCase() : (parsePhone(caller) ?? caller);
      where.push(`${caller.includes('@') ? 'reporter_email' : 'reporter_phone'} = ${param(value)}`);
    }
    if (filter.teamId) where.push(`team_id = ${param(filter.teamId)}::uuid`);
    if (filter.before) where.push(`number < ${param(filter.before)}::bigint`);
    const sql = `SELECT ${TICKET_COLUMNS} FROM ticket
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY number DESC LIMIT ${param(filter.limit)}`;
    return this.dataSource.query<TicketRow[]>(sql, params);
  }

  async history(
    ticketId: string,
  ): Promise<{ id: string; type: string; at: Date; actor: Actor; data: Record<string, unknown> }[]> {
    return this.dataSource.query(
      'SELECT id, type, at, actor, data FROM ticket_event WHERE ticket_id = $1 ORDER BY id',
      [ticketId],
    );
  }

  async historyEvent(
    ctx: RequestContext,
    ticketId: string,
    eventId: string,
  ): Promise<{ id: string; type: string; at: Date; actor: Actor; data: Record<string, unknown> } | null> {
    const rows = await this.dataSource.query<
      { id: string; type: string; at: Date; actor: Actor; data: Record<string, unknown> }[]
    >(
      `SELECT id, type, at, actor, data FROM ticket_event
        WHERE id = $1 AND ticket_id = $2::uuid AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))`,
      [eventId, ticketId, scopeParam(ctx)],
    );
    return rows[0] ?? null;
  }

  /** History events by id, with their ticket's id, if the caller may see them: one statement. */
  async historyEventsById(
    ctx: RequestContext,
    eventIds: string[],
  ): Promise<
    { id: string; ticketId: string; type: string; at: Date; actor: Actor; data: Record<string, unknown> }[]
  > {
    if (!eventIds.length) return [];
    return this.dataSource.query(
      `SELECT id::text AS id, ticket_id::text AS "ticketId", type, at, actor, data FROM ticket_event
        WHERE id = ANY($1::bigint[]) AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[]))`,
      [eventIds, scopeParam(ctx)],
    );
  }

  /**
   * Appends a history event that changes nothing on the ticket and emits no outbox event (an
   * e-mail's delivery outcome: it must not wake consumers that would send more mail). False when
   * the ticket is not visible to the caller.
   */
  async appendHistory(ctx: RequestContext, ticketId: string, entry: HistoryEntry): Promise<boolean> {
    const [appended] = await this.appendHistoryMany(ctx, [{ ticketId, entry }]);
    return appended;
  }

  /** `appendHistory` for several tickets in one statement: per item, whether its ticket was visible. */
  async appendHistoryMany(
    ctx: RequestContext,
    items: { ticketId: string; entry: HistoryEntry }[],
  ): Promise<boolean[]> {
    if (!items.length) return [];
    const rows = await this.dataSource.query<{ ticket_id: string }[]>(
      `INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
       SELECT t.id, t.municipality_code, i.type, $3, i.data
         FROM unnest($1::uuid[], $2::text[], $4::jsonb[]) WITH ORDINALITY AS i(ticket_id, type, data, n)
         JOIN ticket t ON t.id = i.ticket_id
        WHERE ($5::text[] IS NULL OR t.municipality_code = ANY($5::text[]))
        ORDER BY i.n
       RETURNING ticket_id::text`,
      [
        items.map((i) => i.ticketId),
        items.map((i) => i.entry.type),
        JSON.stringify(ctx.actor),
        items.map((i) => JSON.stringify(i.entry.data)),
        scopeParam(ctx),
      ],
    );
    const appended = new Set(rows.map((r) => r.ticket_id));
    return items.map((i) => appended.has(i.ticketId));
  }

  /**
   * Adds a back-office case to the ticket's external references (once per system and id) with its
   * history event, in one statement: the sync engine does this for every ticket it sends, and the
   * general `mutate` path costs five round trips. Silent: nothing else reacts to a link.
   * Null when the ticket is not visible; false when the case was already linked.
   */
  async linkExternalCase(
    ctx: RequestContext,
    ticketId: string,
    ref: ExternalRef,
    historyType: string,
  ): Promise<boolean | null> {
    const [row] = await this.dataSource.query<{ found: boolean; linked: boolean }[]>(
      `WITH cur AS (
         SELECT id, external_refs FROM ticket
          WHERE id = $1::uuid AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[])) FOR UPDATE),
       u AS (
         UPDATE ticket t SET external_refs = t.external_refs || jsonb_build_array($3::jsonb),
                version = t.version + 1, updated_at = now()
           FROM cur
          WHERE t.id = cur.id AND NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements(cur.external_refs) r
                 WHERE r->>'system' = $3::jsonb->>'system' AND r->>'id' = $3::jsonb->>'id')
         RETURNING t.id, t.municipality_code),
       e AS (
         INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
         SELECT id, municipality_code, $4, $5, $6 FROM u RETURNING id)
       SELECT EXISTS (SELECT 1 FROM cur) AS found, EXISTS (SELECT 1 FROM e) AS linked`,
      [
        ticketId,
        scopeParam(ctx),
        JSON.stringify(ref),
        historyType,
        JSON.stringify(ctx.actor),
        JSON.stringify({ system: ref.system, id: ref.id, number: ref.number, url: ref.url }),
      ],
    );
    return row.found ? row.linked : null;
  }

  async claimedBy(userId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM ticket WHERE claimed_by_id = $1',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** The columns timer planning needs, for some tickets. */
  async slaTimerRows(ids: string[]): Promise<SlaTimerRow[]> {
    return this.dataSource.query<SlaTimerRow[]>(
      `SELECT ${SLA_TIMER_COLUMNS} FROM ticket WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Every ticket with a running clock that has a timer due before `until`, in pages by id
   * (keyset, so a million rows never sit in memory at once).
   */
  async *ticketsWithRunningClocks(pageSize: number, until: Date): AsyncGenerator<SlaTimerRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<SlaTimerRow[]>(
        `SELECT ${SLA_TIMER_COLUMNS} FROM ticket
          WHERE status IN ('new', 'in_progress') AND NOT sla_paused AND id > $1::uuid
            AND ((responded_at IS NULL AND NOT response_breached AND least(response_warn_at, response_due_at) <= $3)
              OR (resolved_at IS NULL AND NOT resolution_breached AND least(resolution_warn_at, resolution_due_at) <= $3))
          ORDER BY id LIMIT $2`,
        [after, pageSize, until],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  /**
   * Runs `change` on the locked ticket inside one transaction and writes what it returns: the
   * updated columns, history events and their outbox rows. The row lock serialises concurrent
   * changes of one ticket, so none is lost.
   */
  async mutate<T>(
    ctx: RequestContext,
    idOrReference: string,
    change: (row: TicketRow) => Promise<Mutation<T>> | Mutation<T>,
  ): Promise<{ row: TicketRow; result: T; replayed?: true } | null> {
    return this.together(ctx, [], (tx) => tx.mutate(idOrReference, change));
  }

  /**
   * Several changes in one transaction (a merge changes two tickets): the tickets named in `lock`
   * are locked first, in one order for every caller, so two merges of the same pair cannot
   * deadlock. `work` changes them with `tx.mutate`, which works as `TicketRepository.mutate` does.
   */
  async together<R>(
    ctx: RequestContext,
    lock: string[],
    work: (tx: TicketTransaction) => Promise<R>,
  ): Promise<R> {
    let wrote = false;
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (lock.length) {
        await manager.query(
          `SELECT id FROM ticket WHERE id = ANY($1::uuid[])
            AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[])) ORDER BY id FOR UPDATE`,
          [lock, scopeParam(ctx)],
        );
      }
      return work({
        mutate: async (idOrReference, change) => {
          const changed = await this.mutateIn(manager, ctx, idOrReference, change);
          if (changed?.wrote) wrote = true;
          return changed && { row: changed.row, result: changed.result, replayed: changed.replayed };
        },
        query: (sql, params) => manager.query(sql, params),
        moveMerged: async (fromId, to) => {
          const moved = await manager.query<unknown[]>(
            `UPDATE ticket SET merged_into_id = $2::uuid, merged_into_reference = $3,
                    version = version + 1, updated_at = now()
              WHERE merged_into_id = $1::uuid RETURNING id`,
            [fromId, to.id, to.reference],
          );
          return (Array.isArray(moved[0]) ? moved[0] : moved).length;
        },
      });
    });
    if (wrote) this.outboxWake.committed();
    return outcome;
  }

  private async mutateIn<T>(
    manager: EntityManager,
    ctx: RequestContext,
    idOrReference: string,
    change: (row: TicketRow) => Promise<Mutation<T>> | Mutation<T>,
  ): Promise<{ row: TicketRow; result: T; replayed?: true; wrote: boolean } | null> {
    let wrote = false;
    const current = await this.findVisible(ctx, idOrReference, manager, true);
    if (!current) return null;
    const mutation = await change(current);
    if (mutation.claim) {
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO idempotency_key (owner, key, body_hash, ticket_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING 1`,
        [mutation.claim.owner, mutation.claim.key, mutation.claim.bodyHash, current.id],
      );
      // Done before (a redelivered mail): nothing is written a second time.
      if (!claimed.length) return { row: current, result: mutation.result, replayed: true, wrote };
    }
    let row = current;
    const set = Object.entries(mutation.set ?? {});
    if (set.length || mutation.history.length) {
      const params: unknown[] = [current.id];
      const assignments = set.map(([column, value]) => {
        if (value instanceof SqlExpression) return `${column} = ${value.sql}`;
        params.push(value);
        return `${column} = $${params.length}`;
      });
      const updated = await manager.query<unknown[]>(
        `UPDATE ticket SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
        params,
      );
      // TypeORM answers UPDATE ... RETURNING with [rows, affectedCount].
      row = (Array.isArray(updated[0]) ? updated[0][0] : updated[0]) as TicketRow;
    }
    if (mutation.rescopeHistory) {
      await manager.query(
        'UPDATE ticket_event SET municipality_code = $2 WHERE ticket_id = $1 AND municipality_code <> $2',
        [row.id, row.municipality_code],
      );
    }
    for (const entry of mutation.history) {
      const [event] = await manager.query<{ id: string }[]>(
        'INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [row.id, row.municipality_code, entry.type, JSON.stringify(ctx.actor), JSON.stringify(entry.data)],
      );
      if (mutation.silent) continue;
      wrote = true;
      await manager.query(
        OUTBOX_INSERT_SQL,
        outboxParams({
          type: mutation.outboxType(entry),
          aggregateId: row.id,
          municipalityCode: row.municipality_code,
          payload: {
            ticketEventId: event.id,
            status: row.status,
            historyType: entry.type,
            ...mutation.outboxFacts,
          },
        }),
      );
    }
    if (mutation.toMerged) {
      if (await this.appendToMerged(manager, ctx, row.id, mutation.toMerged)) wrote = true;
    }
    return { row, result: mutation.result, wrote };
  }

  /**
   * The same history event, with its outbox row, on every ticket merged into `ticketId` (their
   * reporters hear of its resolution): two statements, however many were merged. True if any.
   */
  private async appendToMerged(
    manager: EntityManager,
    ctx: RequestContext,
    ticketId: string,
    toMerged: { entry: HistoryEntry; outboxType: string },
  ): Promise<boolean> {
    const events = await manager.query<
      { id: string; ticket_id: string; municipality_code: string; status: string }[]
    >(
      `WITH m AS (SELECT id, municipality_code, status FROM ticket WHERE merged_into_id = $1::uuid),
       e AS (
         INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
         SELECT m.id, m.municipality_code, $2, $3, $4 FROM m RETURNING id, ticket_id)
       SELECT e.id::text, m.id::text AS ticket_id, m.municipality_code, m.status
         FROM e JOIN m ON m.id = e.ticket_id ORDER BY e.id`,
      [ticketId, toMerged.entry.type, JSON.stringify(ctx.actor), JSON.stringify(toMerged.entry.data)],
    );
    for (const event of events) {
      await manager.query(
        OUTBOX_INSERT_SQL,
        outboxParams({
          type: toMerged.outboxType,
          aggregateId: event.ticket_id,
          municipalityCode: event.municipality_code,
          payload: { ticketEventId: event.id, status: event.status, historyType: toMerged.entry.type },
        }),
      );
    }
    return events.length > 0;
  }
}

/** A column value computed by SQL (e.g. `coalesce(responded_at, now())`). */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

export interface Mutation<T> {
  set?: Record<string, unknown>;
  history: HistoryEntry[];
  /** History without outbox events: a record no consumer needs to react to. */
  silent?: boolean;
  outboxType: (entry: HistoryEntry) => string;
  /** The ticket moved to another municipality: its history goes with it (scope follows). */
  rescopeHistory?: boolean;
  /** Routing facts the consumers need besides the ticket as it is now (e.g. where it came from). */
  outboxFacts?: Record<string, string>;
  result: T;
  /**
   * A history event (with its outbox row) for every ticket merged into this one, written with the
   * change: the merged reports' reporters hear of the resolution through their own tickets.
   */
  toMerged?: { entry: HistoryEntry; outboxType: string };
  /**
   * Makes the change happen once per key: the key is stored in the same transaction, and a change
   * whose key is stored already writes nothing and comes back `replayed`.
   */
  claim?: IdempotencyClaim;
}

/** What `together`'s work may do inside its transaction. */
export interface TicketTransaction {
  /** `TicketRepository.mutate`, in this transaction. */
  mutate<T>(
    idOrReference: string,
    change: (row: TicketRow) => Promise<Mutation<T>> | Mutation<T>,
  ): Promise<{ row: TicketRow; result: T; replayed?: true } | null>;
  /** SQL in this transaction: the rows of another context that commit with the ticket's change. */
  query<T = unknown>(sql: string, params: unknown[]): Promise<T>;
  /** The tickets merged into `fromId` are merged into `to` from now on; how many there were. */
  moveMerged(fromId: string, to: { id: string; reference: string }): Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scopeParam(ctx: RequestContext): string[] | null {
  return ctx.scope === 'all' ? null : [...ctx.scope];
}
