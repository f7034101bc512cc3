/** What a subscriber's queue job carries: ids and routing facts, never whole entities. */
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
