import { EntityManager } from 'typeorm';

/**
 * Records that `consumer` handled `eventId`, inside the consumer's own transaction. Returns false
 * when it was handled before: the caller then skips its work (at-least-once delivery made
 * effectively-once).
 */
export async function markConsumed(
  manager: EntityManager,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'INSERT INTO consumed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [consumer, eventId],
  );
  return rows.length > 0;
}
