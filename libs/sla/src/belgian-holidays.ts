import { addDays, formatIsoDate } from './local-date';

/** A Belgian public holiday (legal holiday: "wettelijke feestdag"). */
export interface PublicHoliday {
  /** "YYYY-MM-DD" */
  date: string;
  name: string;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * Ten lines of arithmetic, so no dependency is needed for it.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/**
 * The ten Belgian public holidays of a year. Belgium does not move a holiday that falls on a
 * weekend to a weekday by law (employers grant a replacement day), so none is shifted here;
 * replacement days a municipality grants belong in its `closedDates`.
 */
export function belgianPublicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`No Gregorian year: ${year}`);
  }
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => formatIsoDate({ year, month, day });
  return [
    { date: fixed(1, 1), name: "New Year's Day" },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: fixed(5, 1), name: 'Labour Day' },
    { date: addDays(easter, 39), name: 'Ascension Day' },
    { date: addDays(easter, 50), name: 'Whit Monday' },
    { date: fixed(7, 21), name: 'National Day' },
    { date: fixed(8, 15), name: 'Assumption' },
    { date: fixed(11, 1), name: "All Saints' Day" },
    { date: fixed(11, 11), name: 'Armistice Day' },
    { date: fixed(12, 25), name: 'Christmas Day' },
  ];
}

// Business-time arithmetic asks this for every day it walks over; a year's set is computed once.
const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** Whether a "YYYY-MM-DD" date is a Belgian public holiday. */
export function isBelgianPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = holidaysByYear.get(year);
  if (!dates) {
    dates = new Set(belgianPublicHolidays(year).map((holiday) => holiday.date));
    holidaysByYear.set(year, dates);
  }
  return dates.has(date);
}
