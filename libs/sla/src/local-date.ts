/**
 * Calendar dates without a time zone, as "YYYY-MM-DD" strings: the format of a municipality's
 * `closedDates` and of the holiday list. Arithmetic runs on UTC midnights, which have no daylight
 * saving time, so it never depends on the process time zone.
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Index 0 is Sunday, as `Date#getUTCDay` counts. */
const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateFields {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Parses a real calendar date ("2027-02-30" is refused); years 1000..9999. */
export function parseIsoDate(date: string): DateFields {
  const match = ISO_DATE.exec(date);
  if (match) {
    const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (fields.year >= 1000 && formatIsoDate(fieldsOfUtcMs(utcMidnightMs(fields))) === date) return fields;
  }
  throw new RangeError(`Not a calendar date in YYYY-MM-DD form: "${date}"`);
}

export function isIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate({ year, month, day }: DateFields): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC midnight of a date, in ms: the date's position on a time line without DST. */
export function utcMidnightMs({ year, month, day }: DateFields): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function fieldsOfUtcMs(ms: number): DateFields {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(fieldsOfUtcMs(utcMidnightMs(parseIsoDate(date)) + days * DAY_MS));
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS_FROM_SUNDAY[new Date(utcMidnightMs(parseIsoDate(date))).getUTCDay()];
}
