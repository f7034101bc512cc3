import { formatIsoDate, parseIsoDate, utcMidnightMs } from './local-date';

/**
 * Conversions between instants and the wall clock of an IANA time zone, using only Intl: the
 * process time zone (TZ) never matters because no local `Date` getter or setter is used, and no
 * UTC offset is hard-coded: the offsets come from the ICU time-zone data.
 */
export interface WallClock {
  /** The local calendar date, "YYYY-MM-DD". */
  date: string;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes since local midnight (0..1439), as opening hours count. */
  minuteOfDay: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a caller should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at an instant (ms since the epoch). */
export function wallClockAtMs(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  // Offsets are whole seconds, so the millisecond is the instant's own.
  const millisecond = ((instantMs % 1000) + 1000) % 1000;
  return {
    date: formatIsoDate({ year: fields.year, month: fields.month, day: fields.day }),
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    millisecond,
    minuteOfDay: fields.hour * 60 + fields.minute,
  };
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  return wallClockAtMs(instant.getTime(), timeZone);
}

/** The wall clock read as if it were UTC, in ms: local time minus the instant is the UTC offset. */
function wallClockAsUtcMs(clock: WallClock): number {
  return (
    utcMidnightMs(parseIsoDate(clock.date)) +
    clock.minuteOfDay * MINUTE_MS +
    clock.second * 1000 +
    clock.millisecond
  );
}

/** The zone's UTC offset at an instant, in ms (Brussels: +3_600_000 in winter, +7_200_000 in summer). */
export function utcOffsetMsAt(instantMs: number, timeZone: string): number {
  return wallClockAsUtcMs(wallClockAtMs(instantMs, timeZone)) - instantMs;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` plus `minuteOfDay` minutes
 * (1440 is the next midnight, so an interval may end at "24:00").
 *
 * Daylight saving time makes the wall clock skip or repeat an hour; the choice is deterministic and
 * the same as Temporal's default ("compatible") and java.time's:
 * - spring-forward gap (Brussels, last Sunday of March, 02:00-03:00 does not exist): the time is
 *   moved forward by the length of the gap, so 02:30 becomes 03:30 CEST. An opening interval that
 *   starts in the gap therefore starts when the clock jumps, and one that lies inside it is empty.
 * - autumn overlap (last Sunday of October, 02:00-03:00 happens twice): the earlier instant (still
 *   CEST) is taken. The mapping stays monotonic, so intervals keep their order and never overlap.
 *
 * Assumes at most one offset change within a day either side, true of every real zone today.
 */
export function wallClockToInstantMs(date: string, minuteOfDay: number, timeZone: string): number {
  const local = utcMidnightMs(parseIsoDate(date)) + minuteOfDay * MINUTE_MS;
  const offsetBefore = utcOffsetMsAt(local - DAY_MS, timeZone);
  const offsetAfter = utcOffsetMsAt(local + DAY_MS, timeZone);
  const valid = [local - offsetBefore, local - offsetAfter].filter(
    (candidate) => candidate + utcOffsetMsAt(candidate, timeZone) === local,
  );
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: read the wall clock with the offset from before the change, which lands after it.
  return local - offsetBefore;
}

export function wallClockToInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  return new Date(wallClockToInstantMs(date, minuteOfDay, timeZone));
}
