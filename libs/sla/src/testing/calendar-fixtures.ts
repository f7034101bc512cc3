import fc from 'fast-check';
import { BusinessCalendar } from '../business-calendar';
import { WEEKDAYS, type WeeklyOpeningHours } from '../weekly-hours';

/**
 * Calendars and instants for the specs. Kortrijk's hours are spelled out here (as the region seed
 * builds them: Mon-Fri 08:30-12:00 and 13:30-17:00, Monday until 19:00) rather than imported, so the
 * SLA specs do not load the municipalities context.
 */
export const KORTRIJK_WEEKLY: WeeklyOpeningHours = {
  mon: [
    ['08:30', '12:00'],
    ['13:30', '19:00'],
  ],
  tue: [
    ['08:30', '12:00'],
    ['13:30', '17:00'],
  ],
  wed: [
    ['08:30', '12:00'],
    ['13:30', '17:00'],
  ],
  thu: [
    ['08:30', '12:00'],
    ['13:30', '17:00'],
  ],
  fri: [
    ['08:30', '12:00'],
    ['13:30', '17:00'],
  ],
  sat: [],
  sun: [],
};

/** The Flemish staff days off the seed gives every municipality (11 Jul, 2 Nov, 15 Nov, 26 Dec). */
export function flemishClosedDates(years: number[]): string[] {
  return years.flatMap((y) => [`${y}-07-11`, `${y}-11-02`, `${y}-11-15`, `${y}-12-26`]);
}

export function kortrijkCalendar(): BusinessCalendar {
  return new BusinessCalendar({
    timezone: 'Europe/Brussels',
    weekly: KORTRIJK_WEEKLY,
    closedDates: flemishClosedDates([2026, 2027, 2028, 2029]),
  });
}

export const ROUND_THE_CLOCK_WEEKLY: WeeklyOpeningHours = Object.fromEntries(
  WEEKDAYS.map((day) => [day, [['00:00', '24:00']]]),
) as unknown as WeeklyOpeningHours;

/** Open 24/7, holidays included: business time then equals elapsed real time. */
export function roundTheClockCalendar(): BusinessCalendar {
  return new BusinessCalendar({
    timezone: 'Europe/Brussels',
    weekly: ROUND_THE_CLOCK_WEEKLY,
    observePublicHolidays: false,
  });
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One day: up to three intervals on quarter-hour marks, some touching midnight or the DST hour. */
const arbitraryDay: fc.Arbitrary<[string, string][]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const intervals: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      intervals.push([hhmm(sorted[i] * 15), hhmm(sorted[i + 1] * 15)]);
    return intervals;
  });

export const arbitraryWeekly: fc.Arbitrary<WeeklyOpeningHours> = fc
  .tuple(...WEEKDAYS.map(() => arbitraryDay))
  .filter((days) => days.some((intervals) => intervals.length > 0))
  .map(
    (days) => Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i]])) as unknown as WeeklyOpeningHours,
  );

const dateIn2026To2029 = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

export const arbitraryCalendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    weekly: arbitraryWeekly,
    closedDates: fc.uniqueArray(dateIn2026To2029, { maxLength: 40 }),
    observePublicHolidays: fc.boolean(),
  })
  .map((spec) => new BusinessCalendar({ timezone: 'Europe/Brussels', ...spec }));

/** The daylight-saving changes of 2026-2029 in Brussels (last Sundays of March and October, 01:00 UTC). */
export const DST_CHANGES = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
  '2028-03-26T01:00:00Z',
  '2028-10-29T01:00:00Z',
  '2029-03-25T01:00:00Z',
  '2029-10-28T01:00:00Z',
].map((iso) => new Date(iso).getTime());

const DAY_MS = 86_400_000;

/** Instants in 2026-2029, half of them within three days of a daylight-saving change. */
export const arbitraryInstant: fc.Arbitrary<Date> = fc.oneof(
  fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2029-06-30T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }))
    .map(([change, shift]) => new Date(change + shift)),
);
