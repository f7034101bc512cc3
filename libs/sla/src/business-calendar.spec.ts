import fc from 'fast-check';
import type { MunicipalityEntity } from '@meldpunt/municipalities';
import { BusinessCalendar } from './business-calendar';
import { businessTimeBetween } from './business-time';
import { weekdayOf } from './local-date';
import { normaliseWeek } from './weekly-hours';
import {
  arbitraryInstant,
  arbitraryWeekly,
  kortrijkCalendar,
  KORTRIJK_WEEKLY,
  roundTheClockCalendar,
} from './testing/calendar-fixtures';
import { utcOffsetMsAt, wallClockAt } from './zoned-time';

const at = (iso: string) => new Date(iso);
const BRUSSELS = 'Europe/Brussels';

describe('BusinessCalendar', () => {
  const kortrijk = kortrijkCalendar();

  it('is open within the intervals, start inclusive and end exclusive', () => {
    expect(kortrijk.isOpen(at('2027-03-26T08:29:59+01:00'))).toBe(false);
    expect(kortrijk.isOpen(at('2027-03-26T08:30+01:00'))).toBe(true);
    expect(kortrijk.isOpen(at('2027-03-26T12:00+01:00'))).toBe(false);
    expect(kortrijk.isOpen(at('2027-03-22T18:59+01:00'))).toBe(true); // Monday evening opening
    expect(kortrijk.isOpen(at('2027-03-23T18:59+01:00'))).toBe(false);
  });

  it('is closed at weekends, on public holidays and on its own closing dates', () => {
    expect(kortrijk.isOpen(at('2027-03-27T10:00+01:00'))).toBe(false); // Saturday
    expect(kortrijk.isOpen(at('2027-03-29T10:00+02:00'))).toBe(false); // Easter Monday
    expect(kortrijk.isOpen(at('2027-07-12T10:00+02:00'))).toBe(true);
    expect(kortrijk.isOpen(at('2027-11-02T10:00+01:00'))).toBe(false); // All Souls', a closing date
    expect(kortrijk.isClosedDate('2027-11-02')).toBe(true);
    expect(kortrijk.isOpenDay('2027-03-29')).toBe(false);
    expect(kortrijk.isOpenDay('2027-03-30')).toBe(true);
  });

  it('lists the open intervals between two instants, clipped to them', () => {
    expect(kortrijk.openIntervals(at('2027-03-26T10:00+01:00'), at('2027-03-30T09:00+02:00'))).toEqual([
      { start: at('2027-03-26T10:00+01:00'), end: at('2027-03-26T12:00+01:00') },
      { start: at('2027-03-26T13:30+01:00'), end: at('2027-03-26T17:00+01:00') },
      { start: at('2027-03-30T08:30+02:00'), end: at('2027-03-30T09:00+02:00') },
    ]);
    expect(kortrijk.openIntervals(at('2027-03-27T00:00Z'), at('2027-03-27T00:00Z'))).toEqual([]);
    expect(kortrijk.openIntervals(at('2027-03-26T11:00+01:00'), at('2027-03-26T10:00+01:00'))).toEqual([]);
  });

  it('tells when it closes and when it opens next ("closed until Tuesday 08:30")', () => {
    expect(kortrijk.openStatus(at('2027-03-26T16:55+01:00'))).toEqual({
      open: true,
      closesAt: at('2027-03-26T17:00+01:00'),
    });
    expect(kortrijk.openStatus(at('2027-03-26T17:00+01:00'))).toEqual({
      open: false,
      opensAt: at('2027-03-30T08:30+02:00'),
    });
    expect(kortrijk.nextOpening(at('2027-03-26T09:00+01:00'))).toEqual(at('2027-03-26T09:00+01:00'));
    expect(kortrijk.closesAt(at('2027-03-27T09:00+01:00'))).toBeNull();
  });

  it('never opens without weekly hours', () => {
    const closed = new BusinessCalendar({
      timezone: BRUSSELS,
      weekly: { ...KORTRIJK_WEEKLY, mon: [], tue: [], wed: [], thu: [], fri: [] },
    });
    expect(closed.nextOpening(at('2027-01-01T00:00Z'))).toBeNull();
    expect(closed.openStatus(at('2027-01-01T00:00Z'))).toEqual({ open: false, opensAt: null });
  });

  it('is built from a municipality as stored (checked by the compiler)', () => {
    const calendarOf = (m: Pick<MunicipalityEntity, 'timezone' | 'openingHours' | 'closedDates'>) =>
      new BusinessCalendar({ timezone: m.timezone, weekly: m.openingHours, closedDates: m.closedDates });
    const weekly = Object.fromEntries(
      Object.entries(KORTRIJK_WEEKLY).map(([d, i]) => [d, i.map(([a, b]) => [a, b])]),
    );
    const calendar = calendarOf({
      timezone: BRUSSELS,
      openingHours: weekly as MunicipalityEntity['openingHours'],
      closedDates: [],
    });
    expect(calendar.isOpen(at('2027-03-22T18:30+01:00'))).toBe(true);
  });

  it('refuses malformed hours, dates and zones', () => {
    const spec = { timezone: BRUSSELS, weekly: KORTRIJK_WEEKLY };
    expect(() => new BusinessCalendar({ ...spec, timezone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => new BusinessCalendar({ ...spec, closedDates: ['2027-02-30'] })).toThrow(RangeError);
    for (const bad of [
      ['12:00', '08:30'],
      ['8:30', '12:00'],
      ['08:30', '24:30'],
      ['24:00', '24:00'],
    ]) {
      const weekly = { ...KORTRIJK_WEEKLY, sat: [bad as [string, string]] };
      expect(() => new BusinessCalendar({ ...spec, weekly })).toThrow(RangeError);
    }
  });

  it('merges overlapping hours within a day and touching intervals across midnight', () => {
    const weekly = {
      ...KORTRIJK_WEEKLY,
      sat: [
        ['20:00', '24:00'],
        ['10:00', '12:00'],
        ['11:00', '13:00'],
      ] as [string, string][],
      sun: [['00:00', '02:00'] as [string, string]],
    };
    const calendar = new BusinessCalendar({ timezone: BRUSSELS, weekly });
    expect(calendar.openIntervals(at('2027-01-09T00:00+01:00'), at('2027-01-11T00:00+01:00'))).toEqual([
      { start: at('2027-01-09T10:00+01:00'), end: at('2027-01-09T13:00+01:00') },
      { start: at('2027-01-09T20:00+01:00'), end: at('2027-01-10T02:00+01:00') },
    ]);
    expect(calendar.closesAt(at('2027-01-09T23:00+01:00'))).toEqual(at('2027-01-10T02:00+01:00'));
  });

  describe('on the daylight-saving Sundays of 2027', () => {
    const sundayOnly = (sun: [string, string][]) =>
      new BusinessCalendar({
        timezone: BRUSSELS,
        weekly: { ...KORTRIJK_WEEKLY, sun },
        observePublicHolidays: false,
      });

    it('an interval across the spring change lasts an hour less, one across the autumn change an hour more', () => {
      const calendar = sundayOnly([['01:00', '04:00']]);
      expect(calendar.openIntervalsOn('2027-03-28')).toEqual([
        { start: at('2027-03-28T01:00+01:00'), end: at('2027-03-28T04:00+02:00') },
      ]);
      expect(calendar.openIntervalsOn('2027-10-31')).toEqual([
        { start: at('2027-10-31T01:00+02:00'), end: at('2027-10-31T04:00+01:00') },
      ]);
    });

    it('an interval inside the skipped hour is empty, so the day is not an open day', () => {
      const calendar = sundayOnly([['02:00', '03:00']]);
      expect(calendar.openIntervalsOn('2027-03-28')).toEqual([]);
      expect(calendar.isOpenDay('2027-03-28')).toBe(false);
      expect(calendar.openIntervalsOn('2027-10-31')).toEqual([
        { start: at('2027-10-31T02:00+02:00'), end: at('2027-10-31T03:00+01:00') },
      ]);
    });

    it('hours ending in the skipped hour do not overlap the next ones (no time counted twice)', () => {
      const calendar = sundayOnly([
        ['00:00', '02:15'],
        ['03:00', '03:15'],
      ]);
      expect(calendar.openIntervalsOn('2027-03-28')).toEqual([
        { start: at('2027-03-28T00:00+01:00'), end: at('2027-03-28T03:15+02:00') },
      ]);
      const from = at('2027-03-28T03:00+02:00');
      expect(businessTimeBetween(calendar, from, at('2027-03-28T03:10+02:00'))).toBe(10 * 60_000);
    });

    it('a round-the-clock calendar is one interval across the change', () => {
      const calendar = roundTheClockCalendar();
      const from = at('2027-03-27T12:00Z');
      const to = at('2027-03-29T12:00Z');
      expect(calendar.openIntervals(from, to)).toEqual([{ start: from, end: to }]);
      expect(calendar.openIntervalsOn('2027-03-28')).toEqual([
        { start: at('2027-03-28T00:00+01:00'), end: at('2027-03-29T00:00+02:00') },
      ]);
    });
  });

  it("is open exactly when the wall clock is within that weekday's hours on a day that is not closed", () => {
    // An oracle on the wall clock; DST-change days are left out, where the gap and overlap rules apply.
    fc.assert(
      fc.property(arbitraryWeekly, arbitraryInstant, (weekly, instant) => {
        const clock = wallClockAt(instant, BRUSSELS);
        const midnightOffset = utcOffsetMsAt(Date.parse(`${clock.date}T00:00Z`), BRUSSELS);
        fc.pre(midnightOffset === utcOffsetMsAt(Date.parse(`${clock.date}T23:59Z`), BRUSSELS));
        const calendar = new BusinessCalendar({ timezone: BRUSSELS, weekly, closedDates: ['2027-03-26'] });
        const ranges = normaliseWeek(weekly)[weekdayOf(clock.date)];
        const expected =
          !calendar.isClosedDate(clock.date) &&
          ranges.some((r) => r.start <= clock.minuteOfDay && clock.minuteOfDay < r.end);
        expect(calendar.isOpen(instant)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
