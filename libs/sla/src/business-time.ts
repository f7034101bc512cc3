import { MAX_CLOSED_DAYS_IN_A_ROW, type BusinessCalendar } from './business-calendar';
import { addDays } from './local-date';

/**
 * Business-time arithmetic over a BusinessCalendar. Every function is pure: instants in, instants
 * (or milliseconds) out, with no dependence on the process time zone or the current time.
 */
const HOUR_MS = 3_600_000;

function assertDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Not a duration: ${ms}`);
}

function neverOpens(calendar: BusinessCalendar): RangeError {
  return new RangeError(
    `The calendar (${calendar.timezone}) stays closed for ${MAX_CLOSED_DAYS_IN_A_ROW} days in a row`,
  );
}

/**
 * The earliest instant t >= `instant` such that the open time in [instant, t] is `ms`.
 * Time before the next opening does not count, so a ticket received at night starts counting when
 * the office opens. For ms > 0 the result always lies inside an open interval or at its end (never
 * at the next opening when the time fits exactly before a closing). For ms = 0 it is `instant`.
 */
export function addBusinessTime(calendar: BusinessCalendar, instant: Date, ms: number): Date {
  assertDuration(ms);
  if (ms === 0) return new Date(instant.getTime());
  let remaining = ms;
  for (const interval of calendar.openIntervalsFrom(instant)) {
    const start = Math.max(interval.start.getTime(), instant.getTime());
    const available = interval.end.getTime() - start;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
  }
  throw neverOpens(calendar);
}

export function addBusinessHours(calendar: BusinessCalendar, instant: Date, hours: number): Date {
  return addBusinessTime(calendar, instant, Math.round(hours * HOUR_MS));
}

/**
 * The open time (ms) between two instants. Antisymmetric: negative when `to` is before `from`,
 * so "how much business time is left" is negative once a deadline has passed.
 */
export function businessTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return -businessTimeBetween(calendar, to, from);
  let total = 0;
  for (const interval of calendar.openIntervalsFrom(from)) {
    if (interval.start.getTime() >= to.getTime()) break;
    total +=
      Math.min(interval.end.getTime(), to.getTime()) - Math.max(interval.start.getTime(), from.getTime());
  }
  return total;
}

/**
 * "N business days" (N a whole number >= 1): the closing time (end of the last open interval) of the
 * Nth open day after the local date of receipt. An open day is a local date with at least one open
 * interval, so weekends, public holidays and closing dates are skipped. The day of receipt never
 * counts, whatever the time of receipt: a ticket received during opening hours, after closing or on
 * a closed day alike counts the next open day as day 1. See libs/sla/README.md for examples.
 */
export function addBusinessDays(calendar: BusinessCalendar, instant: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Not a whole number of days >= 1: ${days}`);
  let date = calendar.localDateOf(instant);
  let counted = 0;
  for (let closedInARow = 0; closedInARow < MAX_CLOSED_DAYS_IN_A_ROW;) {
    date = addDays(date, 1);
    const intervals = calendar.openIntervalsOn(date);
    if (intervals.length === 0) {
      closedInARow += 1;
      continue;
    }
    closedInARow = 0;
    counted += 1;
    if (counted === days) return intervals[intervals.length - 1].end;
  }
  throw neverOpens(calendar);
}

/**
 * Calendar hours (the `hours` unit, 24/7): elapsed real time. Instants are UTC, so a day with a
 * daylight-saving change simply has 23 or 25 hours on the wall clock: 2 hours after 01:30 on the
 * last Sunday of March is 04:30 CEST.
 */
export function addCalendarHours(instant: Date, hours: number): Date {
  assertDuration(hours);
  return new Date(instant.getTime() + Math.round(hours * HOUR_MS));
}
