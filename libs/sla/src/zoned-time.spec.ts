import fc from 'fast-check';
import { arbitraryInstant } from './testing/calendar-fixtures';
import { utcOffsetMsAt, wallClockAt, wallClockToInstant } from './zoned-time';

const BRUSSELS = 'Europe/Brussels';
const HOUR_MS = 3_600_000;

describe('wall clock in Europe/Brussels', () => {
  it('reads winter and summer time from the zone data', () => {
    expect(wallClockAt(new Date('2027-01-15T12:34:56.789Z'), BRUSSELS)).toEqual({
      date: '2027-01-15',
      hour: 13,
      minute: 34,
      second: 56,
      millisecond: 789,
      minuteOfDay: 13 * 60 + 34,
    });
    expect(wallClockAt(new Date('2027-07-15T22:30:00Z'), BRUSSELS)).toMatchObject({
      date: '2027-07-16',
      hour: 0,
      minute: 30,
    });
    expect(utcOffsetMsAt(Date.parse('2027-01-15T12:00:00Z'), BRUSSELS)).toBe(HOUR_MS);
    expect(utcOffsetMsAt(Date.parse('2027-07-15T12:00:00Z'), BRUSSELS)).toBe(2 * HOUR_MS);
  });

  it('switches offset at 01:00 UTC on the last Sundays of March and October 2027', () => {
    expect(utcOffsetMsAt(Date.parse('2027-03-28T00:59:59Z'), BRUSSELS)).toBe(HOUR_MS);
    expect(utcOffsetMsAt(Date.parse('2027-03-28T01:00:00Z'), BRUSSELS)).toBe(2 * HOUR_MS);
    expect(utcOffsetMsAt(Date.parse('2027-10-31T00:59:59Z'), BRUSSELS)).toBe(2 * HOUR_MS);
    expect(utcOffsetMsAt(Date.parse('2027-10-31T01:00:00Z'), BRUSSELS)).toBe(HOUR_MS);
  });

  it('converts ordinary wall-clock times, and 24:00 as the next midnight', () => {
    expect(wallClockToInstant('2027-03-26', 16 * 60 + 55, BRUSSELS)).toEqual(
      new Date('2027-03-26T16:55+01:00'),
    );
    expect(wallClockToInstant('2027-03-31', 17 * 60, BRUSSELS)).toEqual(new Date('2027-03-31T17:00+02:00'));
    expect(wallClockToInstant('2027-03-27', 24 * 60, BRUSSELS)).toEqual(new Date('2027-03-28T00:00+01:00'));
  });

  it('moves a time in the spring-forward gap forward by the gap (02:30 -> 03:30 CEST)', () => {
    expect(wallClockToInstant('2027-03-28', 2 * 60, BRUSSELS)).toEqual(new Date('2027-03-28T03:00+02:00'));
    expect(wallClockToInstant('2027-03-28', 2 * 60 + 30, BRUSSELS)).toEqual(
      new Date('2027-03-28T03:30+02:00'),
    );
    expect(wallClockToInstant('2027-03-28', 3 * 60, BRUSSELS)).toEqual(new Date('2027-03-28T03:00+02:00'));
  });

  it('takes the earlier instant for a time in the autumn overlap (02:30 is still CEST)', () => {
    expect(wallClockToInstant('2027-10-31', 2 * 60 + 30, BRUSSELS)).toEqual(
      new Date('2027-10-31T02:30+02:00'),
    );
    expect(wallClockToInstant('2027-10-31', 3 * 60, BRUSSELS)).toEqual(new Date('2027-10-31T03:00+01:00'));
  });

  it('rejects an unknown zone', () => {
    expect(() => wallClockAt(new Date(0), 'Europe/Atlantis')).toThrow(RangeError);
  });

  it('round-trips every instant to the minute, except the repeated autumn hour, which maps to its first pass', () => {
    fc.assert(
      fc.property(arbitraryInstant, (instant) => {
        const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
        const clock = wallClockAt(new Date(minute), BRUSSELS);
        const back = wallClockToInstant(clock.date, clock.minuteOfDay, BRUSSELS).getTime();
        const secondPass = utcOffsetMsAt(minute - HOUR_MS, BRUSSELS) > utcOffsetMsAt(minute, BRUSSELS);
        expect(back).toBe(secondPass ? minute - HOUR_MS : minute);
      }),
      { numRuns: 300 },
    );
  });

  it('shows the asked wall-clock time at the result, unless that time falls in the gap', () => {
    const dates = fc.constantFrom('2027-03-28', '2027-10-31', '2027-06-01', '2028-03-26', '2028-10-29');
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 1439 }), (date, minuteOfDay) => {
        const clock = wallClockAt(wallClockToInstant(date, minuteOfDay, BRUSSELS), BRUSSELS);
        const inGap = date.endsWith('-03-28') || date.endsWith('-03-26');
        if (inGap && minuteOfDay >= 120 && minuteOfDay < 180) {
          expect(clock).toMatchObject({ date, minuteOfDay: minuteOfDay + 60 });
        } else {
          expect(clock).toMatchObject({ date, minuteOfDay });
        }
      }),
      { numRuns: 300 },
    );
  });
});
