import type { BusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween } from './business-time';
import type { TargetUnit } from './sla-target';

/**
 * The clock an SLA target runs on: open time for both business units, real time for `hours`.
 * Pausing (waiting_for_citizen) and warnings are measured on this clock.
 */
export function slaTimeBetween(calendar: BusinessCalendar, from: Date, to: Date, unit: TargetUnit): number {
  return unit === 'hours' ? to.getTime() - from.getTime() : businessTimeBetween(calendar, from, to);
}

/** Adds `ms` on the unit's clock (open time, or real time for `hours`). */
export function advanceSlaClock(calendar: BusinessCalendar, from: Date, ms: number, unit: TargetUnit): Date {
  return unit === 'hours' ? new Date(from.getTime() + ms) : addBusinessTime(calendar, from, ms);
}

/**
 * What is left of a target when the ticket is paused: the time between the pause and the deadline
 * on the unit's clock, never negative. For business_days this converts the remaining days into open
 * milliseconds: the time the ticket had left, not a number of days.
 * Zero means the deadline had already passed; callers keep the breached deadline as it is.
 */
export function remainingAtPause(
  calendar: BusinessCalendar,
  pausedAt: Date,
  dueAt: Date,
  unit: TargetUnit,
): number {
  return Math.max(0, slaTimeBetween(calendar, pausedAt, dueAt, unit));
}

/**
 * The new deadline when a paused ticket resumes: the remaining time added from the resume instant.
 * Business units add it as open time (so a business_days target may then fall due in the middle of
 * an open interval rather than at closing: the citizen's delay is taken off exactly); `hours` adds
 * real time. Resuming outside opening hours starts counting at the next opening.
 */
export function resumeDeadline(
  calendar: BusinessCalendar,
  resumedAt: Date,
  remainingMs: number,
  unit: TargetUnit,
): Date {
  return advanceSlaClock(calendar, resumedAt, Math.max(0, remainingMs), unit);
}

export interface WarningInput {
  /** Where the clock (re)starts: the receipt, or the resume instant after a pause. */
  from: Date;
  dueAt: Date;
  /** The whole target on the unit's clock; defaults to the time from `from` to `dueAt` (no pause). */
  totalMs?: number;
  /** Warn once this share of the total has been used (75 by default in the policies). */
  warnAtPercent: number;
}

/**
 * When to warn: the instant at which the time left before the deadline drops to
 * (100 - warnAtPercent)% of the total target. After a pause, pass the original total so a resumed
 * ticket warns at the same point of its budget; if that point has passed, the warning is due at once.
 */
export function warningInstant(calendar: BusinessCalendar, unit: TargetUnit, input: WarningInput): Date {
  const remaining = Math.max(0, slaTimeBetween(calendar, input.from, input.dueAt, unit));
  const total = input.totalMs ?? remaining;
  const allowance = (total * (100 - input.warnAtPercent)) / 100;
  return advanceSlaClock(calendar, input.from, Math.max(0, Math.round(remaining - allowance)), unit);
}
