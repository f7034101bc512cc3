import type { Ticket } from '../api/contract';

export type SlaLevel = 'ok' | 'warning' | 'breached' | 'paused' | 'done' | 'none';

export interface SlaCountdown {
  level: SlaLevel;
  /** Which promise the countdown is about: the first answer, then the resolution. */
  target: 'response' | 'resolution' | null;
  dueAt: string | null;
  /** Negative once overdue. */
  remainingMs: number | null;
}

// The default policies warn at 75% of the target (warnAtPercent); the api's own warning event is
// the authority, this only colours the row as soon as the clock gets there.
const WARN_REMAINING_FRACTION = 0.25;

/**
 * The countdown an agent sees for a ticket now. Business-hour targets are measured by the api
 * on the municipality's calendar; the due instants it sends are what counts here, so the wall
 * clock suffices to count down to them.
 */
export function slaCountdown(ticket: Ticket, now: number, warnedByApi = false): SlaCountdown {
  const { sla } = ticket;
  if (['resolved', 'closed', 'cancelled'].includes(ticket.status)) {
    return { level: 'done', target: null, dueAt: null, remainingMs: null };
  }
  const target = sla.respondedAt === null && sla.responseDueAt ? 'response' : 'resolution';
  const dueAt = target === 'response' ? sla.responseDueAt : sla.resolutionDueAt;
  if (!dueAt) return { level: 'none', target: null, dueAt: null, remainingMs: null };
  const due = Date.parse(dueAt);
  const remainingMs = due - now;
  const breached = sla.breached.resolution || (target === 'response' && sla.breached.response);
  if (breached || remainingMs <= 0) {
    return { level: sla.paused && !breached ? 'paused' : 'breached', target, dueAt, remainingMs };
  }
  if (sla.paused) return { level: 'paused', target, dueAt, remainingMs };
  const span = due - Date.parse(ticket.createdAt);
  const warning = warnedByApi || (span > 0 && remainingMs <= span * WARN_REMAINING_FRACTION);
  return { level: warning ? 'warning' : 'ok', target, dueAt, remainingMs };
}

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
}

/** "2d 4u", "3u 05m", "12m", "<1m"; with a leading minus once overdue. */
export function formatRemaining(ms: number, units: DurationUnits): string {
  const sign = ms < 0 ? '−' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return `${sign}<1${units.minute}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${sign}${days}${units.day} ${hours}${units.hour}`;
  if (hours > 0) return `${sign}${hours}${units.hour} ${String(mins).padStart(2, '0')}${units.minute}`;
  return `${sign}${mins}${units.minute}`;
}

/** Most urgent first: breached, then by due time; tickets without a clock last. */
export function byUrgency(a: SlaCountdown, b: SlaCountdown): number {
  const rank = (c: SlaCountdown) => (c.remainingMs === null ? Number.POSITIVE_INFINITY : c.remainingMs);
  return rank(a) - rank(b);
}
