import type { BusinessCalendar } from './business-calendar';
import { remainingAtPause, resumeDeadline, slaTimeBetween, warningInstant } from './sla-clock';
import type { SlaPolicy } from './sla-policy-matching';
import { deadlineFor, type Target } from './sla-target';

/** The policy as it was when the ticket arrived: later policy edits do not move its deadlines. */
export interface PolicySnapshot {
  id: string;
  responseTarget: Target;
  resolutionTarget: Target;
  warnAtPercent: number;
  /** Each whole target on its own clock (open or real ms), for warnings after a pause. */
  responseTotalMs: number;
  resolutionTotalMs: number;
}

export type ClockName = 'response' | 'resolution';

/** One running (or paused) target of a ticket. */
export interface Clock {
  dueAt: Date | null;
  warnAt: Date | null;
  /** Time left on the clock when it was paused; null while it runs. */
  remainingMs: number | null;
}

/** Both deadlines and warning instants of a ticket received at `receivedAt`. */
export function startClocks(
  calendar: BusinessCalendar,
  policy: SlaPolicy,
  receivedAt: Date,
): { snapshot: PolicySnapshot; response: Clock; resolution: Clock } {
  const responseDueAt = deadlineFor(calendar, receivedAt, policy.responseTarget);
  const resolutionDueAt = deadlineFor(calendar, receivedAt, policy.resolutionTarget);
  const warn = (unit: Target['unit'], dueAt: Date) =>
    warningInstant(calendar, unit, { from: receivedAt, dueAt, warnAtPercent: policy.warnAtPercent });
  return {
    snapshot: {
      id: policy.id,
      responseTarget: policy.responseTarget,
      resolutionTarget: policy.resolutionTarget,
      warnAtPercent: policy.warnAtPercent,
      responseTotalMs: slaTimeBetween(calendar, receivedAt, responseDueAt, policy.responseTarget.unit),
      resolutionTotalMs: slaTimeBetween(calendar, receivedAt, resolutionDueAt, policy.resolutionTarget.unit),
    },
    response: {
      dueAt: responseDueAt,
      warnAt: warn(policy.responseTarget.unit, responseDueAt),
      remainingMs: null,
    },
    resolution: {
      dueAt: resolutionDueAt,
      warnAt: warn(policy.resolutionTarget.unit, resolutionDueAt),
      remainingMs: null,
    },
  };
}

/** Stops a running clock at `at`, keeping the time it had left (zero once overdue). */
export function pauseClock(calendar: BusinessCalendar, clock: Clock, target: Target, at: Date): Clock {
  if (clock.remainingMs !== null || !clock.dueAt) return clock;
  return { ...clock, remainingMs: remainingAtPause(calendar, at, clock.dueAt, target.unit) };
}

/**
 * Restarts a paused clock at `at` with the time it had left. An overdue clock keeps its old
 * deadline: the breach stands, a pause does not undo it.
 */
export function resumeClock(
  calendar: BusinessCalendar,
  clock: Clock,
  target: Target,
  totalMs: number,
  warnAtPercent: number,
  at: Date,
): Clock {
  if (clock.remainingMs === null) return clock;
  if (clock.remainingMs === 0) return { ...clock, remainingMs: null };
  const dueAt = resumeDeadline(calendar, at, clock.remainingMs, target.unit);
  const warnAt = warningInstant(calendar, target.unit, { from: at, dueAt, totalMs, warnAtPercent });
  return { dueAt, warnAt, remainingMs: null };
}
