import { HISTORY, TICKET_EVENTS } from '../ticket-events';
import type { SlaClockName, SlaTimerKind } from './sla-timers';

/**
 * One statement per fired timer (the hot path of the SLA engine, thousands a minute at peaks):
 * set the flag only if the job's deadline version is current and the clock still runs, and write
 * the history event and the outbox row in the same statement. READ COMMITTED re-checks the WHERE
 * after waiting for a concurrent change of the row, so a pause or a reply racing the timer wins
 * cleanly. Column names come from the fixed clock/kind names, never from input.
 */
export function fireTimerSql(clock: SlaClockName, kind: SlaTimerKind): string {
  const flag = `${clock}_${kind === 'warning' ? 'warned' : 'breached'}`;
  const stopped = clock === 'response' ? 'responded_at' : 'resolved_at';
  const due = `${clock}_due_at`;
  // A clock that stopped before its deadline never breaches; one that stopped late still does.
  const running = kind === 'warning' ? `${stopped} IS NULL` : `(${stopped} IS NULL OR ${stopped} > ${due})`;
  const history = kind === 'warning' ? HISTORY.slaWarning : HISTORY.slaBreached;
  const outbox = kind === 'warning' ? TICKET_EVENTS.slaWarning : TICKET_EVENTS.slaBreached;
  return `WITH t AS (
      UPDATE ticket SET ${flag} = true, version = version + 1, updated_at = now()
       WHERE id = $1::uuid AND sla_version = $2 AND NOT sla_paused AND status IN ('new', 'in_progress')
         AND NOT ${flag} AND ${running}
      RETURNING id, municipality_code, status, sla_version, ${due} AS due_at),
    e AS (
      INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
      SELECT id, municipality_code, '${history}', $3::jsonb,
        jsonb_build_object('clock', '${clock}', 'dueAt', $4::text, 'version', sla_version)
      FROM t RETURNING id),
    o AS (
      INSERT INTO outbox_event (type, aggregate_id, municipality_code, payload)
      SELECT '${outbox}', t.id, t.municipality_code,
        jsonb_build_object('ticketEventId', e.id::text, 'status', t.status, 'historyType', '${history}')
      FROM t, e RETURNING id)
    SELECT id, sla_version, due_at FROM t`;
}
