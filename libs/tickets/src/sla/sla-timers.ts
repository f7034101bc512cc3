import type { TicketRow } from '../ticket-record';

export const SLA_EVENTS_QUEUE = 'sla-events';
export const SLA_TIMERS_QUEUE = 'sla-timers';

export type SlaClockName = 'response' | 'resolution';
export type SlaTimerKind = 'warning' | 'breach';

export interface SlaTimerJob {
  ticketId: string;
  clock: SlaClockName;
  kind: SlaTimerKind;
  /** The ticket's sla_version when the job was planned: a job of an older version does nothing. */
  version: number;
  /** When it should fire (ISO), for the history and for measuring lateness. */
  dueAt: string;
}

/** Deterministic, so planning the same timer twice (events, reconciler) makes one job. */
export function timerJobId(job: Pick<SlaTimerJob, 'ticketId' | 'clock' | 'kind' | 'version'>): string {
  return `sla-${job.ticketId}-${job.clock}-${job.kind}-v${job.version}`;
}

/** The columns the planner reads. */
export type SlaTimerRow = Pick<
  TicketRow,
  | 'id'
  | 'status'
  | 'sla_version'
  | 'sla_paused'
  | 'responded_at'
  | 'resolved_at'
  | 'response_due_at'
  | 'resolution_due_at'
  | 'response_warn_at'
  | 'resolution_warn_at'
  | 'response_warned'
  | 'resolution_warned'
  | 'response_breached'
  | 'resolution_breached'
>;

export const SLA_TIMER_COLUMNS = `id, status, sla_version, sla_paused, responded_at, resolved_at, response_due_at,
  resolution_due_at, response_warn_at, resolution_warn_at, response_warned, resolution_warned,
  response_breached, resolution_breached`;

/**
 * The next timer of each running clock: its warning until that has fired, then its breach (the
 * warning's processor plans the breach when it fires). One job per clock instead of two halves
 * what Redis holds and what the reconciler re-creates. Paused, resolved, closed and cancelled
 * clocks need none.
 */
export function timersFor(row: SlaTimerRow): SlaTimerJob[] {
  if (row.sla_paused || !['new', 'in_progress'].includes(row.status)) return [];
  const jobs: SlaTimerJob[] = [];
  const plan = (clock: SlaClockName, kind: SlaTimerKind, at: Date | null) => {
    if (at) jobs.push({ ticketId: row.id, clock, kind, version: row.sla_version, dueAt: at.toISOString() });
  };
  if (!row.responded_at && !row.response_breached) {
    if (!row.response_warned && row.response_warn_at) plan('response', 'warning', row.response_warn_at);
    else plan('response', 'breach', row.response_due_at);
  }
  if (!row.resolved_at && !row.resolution_breached) {
    if (!row.resolution_warned && row.resolution_warn_at)
      plan('resolution', 'warning', row.resolution_warn_at);
    else plan('resolution', 'breach', row.resolution_due_at);
  }
  return jobs;
}
