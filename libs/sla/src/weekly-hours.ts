import type { Weekday } from './local-date';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Opening hours per weekday as local "HH:MM" pairs, e.g. `mon: [["08:30","12:00"],["13:30","17:00"]]`.
 * The same shape as the municipality's `openingHours` (readonly, so that type is assignable here).
 * An interval ends on the same day; "24:00" is allowed as an end to keep a day open until midnight.
 */
export type WeeklyOpeningHours = Readonly<Record<Weekday, readonly (readonly [string, string])[]>>;

/** Minutes since local midnight, start inclusive and end exclusive. */
export interface MinuteRange {
  start: number;
  end: number;
}

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 1440)) throw new RangeError(`Not a time of day in HH:MM form: "${time}"`);
  return minutes;
}

/**
 * Validates one weekday's intervals and returns them sorted, with overlapping or touching ones
 * merged, so that a day's ranges are disjoint and ascending (the calendar relies on that).
 */
export function normaliseDay(intervals: readonly (readonly [string, string])[]): MinuteRange[] {
  const ranges = intervals.map(([from, to]) => {
    const range = { start: minutesOf(from), end: minutesOf(to) };
    if (range.start >= range.end)
      throw new RangeError(`Opening interval ends before it starts: ${from}-${to}`);
    return range;
  });
  ranges.sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** A missing weekday (possible in stored JSON) counts as closed. */
export function normaliseWeek(weekly: WeeklyOpeningHours): Record<Weekday, MinuteRange[]> {
  const week = {} as Record<Weekday, MinuteRange[]>;
  for (const day of WEEKDAYS) week[day] = normaliseDay(weekly[day] ?? []);
  return week;
}
