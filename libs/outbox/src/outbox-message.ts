/** One committed event as its subscribers receive it (see OutboxBatch): ids and routing facts, never whole entities. */
export interface OutboxMessage {
  eventId: string;
  type: string;
  aggregateId: string;
  municipalityCode: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Insert parameters for one outbox row; see `OUTBOX_INSERT_SQL`. */
export interface OutboxRow {
  type: string;
  aggregateId: string;
  municipalityCode: string | null;
  payload: Record<string, unknown>;
}

export const OUTBOX_INSERT_SQL =
  'INSERT INTO outbox_event (type, aggregate_id, municipality_code, payload) VALUES ($1, $2, $3, $4) RETURNING id';

export function outboxParams(row: OutboxRow): unknown[] {
  return [row.type, row.aggregateId, row.municipalityCode, JSON.stringify(row.payload)];
}

/** An outbox row as the relay selects it (see `OUTBOX_SELECT_COLUMNS`). */
export interface OutboxRowRaw {
  id: string;
  type: string;
  aggregate_id: string;
  municipality_code: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

export const OUTBOX_SELECT_COLUMNS =
  'o.id, o.type, o.aggregate_id, o.municipality_code, o.payload, o.created_at';

export function toOutboxMessage(row: OutboxRowRaw): OutboxMessage {
  return {
    eventId: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    municipalityCode: row.municipality_code,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
  };
}
