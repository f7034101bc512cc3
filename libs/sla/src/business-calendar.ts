import { isBelgianPublicHoliday } from './belgian-holidays';
import { addDays, parseIsoDate, weekdayOf, type Weekday } from './local-date';
import { normaliseWeek, type MinuteRange, type WeeklyOpeningHours } from './weekly-hours';
import { wallClockAtMs, wallClockToInstantMs } from './zoned-time';

export interface BusinessCalendarSpec {
  /** IANA zone, 'Europe/Brussels' for the region. */
  timezone: string;
  weekly: WeeklyOpeningHours;
  /** Extra local closing days ("YYYY-MM-DD") of the municipality, on top of public holidays. */
  closedDates?: readonly string[];
  /** Belgian public holidays close the calendar unless this is false (e.g. a 24/7 calendar). */
  observePublicHolidays?: boolean;
}

/** An open interval between two instants, start inclusive, end exclusive. */
export interface TimeInterval {
  start: Date;
  end: Date;
}

/** The same in ms since the epoch: what the calendar computes and caches internally. */
interface MsInterval {
  start: number;
  end: number;
}

export type OpenStatus = { open: true; closesAt: Date } | { open: false; opensAt: Date | null };

/**
 * How far searches look ahead: a calendar closed for this many days in a row counts as never
 * opening again (`nextOpening` gives null, the arithmetic throws) instead of searching forever.
 */
export const MAX_CLOSED_DAYS_IN_A_ROW = 400;
const DAY_CACHE_LIMIT = 5000;
const DAY_MS = 86_400_000;

/**
 * A municipality's business calendar: weekly opening hours in its own time zone, minus Belgian
 * public holidays and its own closing dates. Immutable; every answer is in UTC instants.
 */
export class BusinessCalendar {
  readonly timezone: string;
  private readonly week: Record<Weekday, MinuteRange[]>;
  private readonly closedDates: ReadonlySet<string>;
  private readonly observePublicHolidays: boolean;
  private readonly hasWeeklyHours: boolean;
  /** Open intervals (ms) per local date: each costs a few Intl calls and is asked for repeatedly. */
  private readonly dayCache = new Map<string, readonly MsInterval[]>();

  constructor(spec: BusinessCalendarSpec) {
    wallClockAtMs(0, spec.timezone); // throws a RangeError for an unknown zone
    this.timezone = spec.timezone;
    this.week = normaliseWeek(spec.weekly);
    for (const date of spec.closedDates ?? []) parseIsoDate(date);
    this.closedDates = new Set(spec.closedDates ?? []);
    this.observePublicHolidays = spec.observePublicHolidays ?? true;
    this.hasWeeklyHours = Object.values(this.week).some((ranges) => ranges.length > 0);
  }

  /** The local date ("YYYY-MM-DD") in the calendar's zone at an instant. */
  localDateOf(instant: Date): string {
    return wallClockAtMs(instant.getTime(), this.timezone).date;
  }

  /** A public holiday (if observed) or one of the municipality's closing dates. */
  isClosedDate(date: string): boolean {
    return this.closedDates.has(date) || (this.observePublicHolidays && isBelgianPublicHoliday(date));
  }

  /** The open intervals of one local date; empty on a closed day. */
  openIntervalsOn(date: string): TimeInterval[] {
    return this.intervalsOnDateMs(date).map(toTimeInterval);
  }

  /** An open day has at least one open interval: the unit of "N business days". */
  isOpenDay(date: string): boolean {
    return this.intervalsOnDateMs(date).length > 0;
  }

  isOpen(instant: Date): boolean {
    const first = this.intervalsFromMs(instant.getTime()).next();
    return !first.done && first.value.start <= instant.getTime();
  }

  /** For messages such as "Kortrijk is closed until Monday 08:30" or "open until 17:00". */
  openStatus(instant: Date): OpenStatus {
    const closesAt = this.closesAt(instant);
    return closesAt ? { open: true, closesAt } : { open: false, opensAt: this.nextOpening(instant) };
  }

  /** The first instant at or after `instant` when the calendar is open (`instant` itself if open). */
  nextOpening(instant: Date): Date | null {
    const first = this.intervalsFromMs(instant.getTime()).next();
    return first.done ? null : new Date(Math.max(first.value.start, instant.getTime()));
  }

  /**
   * When the calendar closes, if it is open at `instant`: the end of the current interval, followed
   * through intervals that touch it (a day open until 24:00 and the next from 00:00). Null if closed.
   * A calendar open around the clock answers the end of the search horizon.
   */
  closesAt(instant: Date): Date | null {
    const horizon = instant.getTime() + MAX_CLOSED_DAYS_IN_A_ROW * DAY_MS;
    let end: number | null = null;
    for (const interval of this.intervalsFromMs(instant.getTime())) {
      if (end === null && interval.start > instant.getTime()) return null;
      if (end !== null && (interval.start > end || end >= horizon)) break;
      end = interval.end;
    }
    return end === null ? null : new Date(end);
  }

  /**
   * The open intervals between two instants, clipped to [from, to], with touching intervals merged:
   * what the calendar endpoint returns. Callers should bound the range (one call walks every day).
   */
  openIntervals(from: Date, to: Date): TimeInterval[] {
    const result: MsInterval[] = [];
    if (to.getTime() <= from.getTime()) return [];
    for (const interval of this.intervalsFromMs(from.getTime())) {
      if (interval.start >= to.getTime()) break;
      const start = Math.max(interval.start, from.getTime());
      const end = Math.min(interval.end, to.getTime());
      const last = result[result.length - 1];
      if (last && start <= last.end) last.end = end;
      else result.push({ start, end });
    }
    return result.map(toTimeInterval);
  }

  /**
   * The open intervals from the one containing `instant` (or the next) onwards, one local day after
   * another, not clipped and not merged across midnight. Ends after MAX_CLOSED_DAYS_IN_A_ROW closed days.
   */
  *openIntervalsFrom(instant: Date): Generator<TimeInterval> {
    for (const interval of this.intervalsFromMs(instant.getTime())) yield toTimeInterval(interval);
  }

  private *intervalsFromMs(instantMs: number): Generator<MsInterval> {
    if (!this.hasWeeklyHours) return;
    // Intervals of earlier local dates end by this date's midnight, so none of them can matter.
    let date = wallClockAtMs(instantMs, this.timezone).date;
    for (let closedInARow = 0; closedInARow < MAX_CLOSED_DAYS_IN_A_ROW; date = addDays(date, 1)) {
      const intervals = this.intervalsOnDateMs(date).filter((interval) => interval.end > instantMs);
      closedInARow = intervals.length > 0 ? 0 : closedInARow + 1;
      yield* intervals;
    }
  }

  private intervalsOnDateMs(date: string): readonly MsInterval[] {
    let intervals = this.dayCache.get(date);
    if (!intervals) {
      intervals = this.isClosedDate(date) ? [] : this.convertDay(date);
      if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
      this.dayCache.set(date, intervals);
    }
    return intervals;
  }

  private convertDay(date: string): MsInterval[] {
    const converted = this.week[weekdayOf(date)]
      .map((range) => ({
        start: wallClockToInstantMs(date, range.start, this.timezone),
        end: wallClockToInstantMs(date, range.end, this.timezone),
      }))
      .filter((interval) => interval.end > interval.start) // a range inside the spring-forward gap
      .sort((a, b) => a.start - b.start);
    // Ranges apart on the wall clock can overlap as instants: one ending in the spring-forward gap
    // ends an hour later (02:15 is 03:15), over a range that starts at 03:00. Counting both would
    // count that time twice.
    const merged: MsInterval[] = [];
    for (const interval of converted) {
      const last = merged.at(-1);
      if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
      else merged.push({ ...interval });
    }
    return merged;
  }
}

function toTimeInterval(interval: MsInterval): TimeInterval {
  return { start: new Date(interval.start), end: new Date(interval.end) };
}
