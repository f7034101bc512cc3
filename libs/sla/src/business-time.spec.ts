import { BusinessCalendar } from './business-calendar';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessTime,
  addCalendarHours,
  businessTimeBetween,
} from './business-time';
import { kortrijkCalendar, KORTRIJK_WEEKLY, roundTheClockCalendar } from './testing/calendar-fixtures';

const at = (iso: string) => new Date(iso);
const HOUR_MS = 3_600_000;

describe('business time', () => {
  const kortrijk = kortrijkCalendar();

  describe('addBusinessHours', () => {
    it('counts only open time, skipping the lunch break, the weekend and Easter Monday', () => {
      expect(addBusinessHours(kortrijk, at('2027-03-26T11:00+01:00'), 2)).toEqual(
        at('2027-03-26T14:30+01:00'),
      );
      expect(addBusinessHours(kortrijk, at('2027-03-26T16:55+01:00'), 1)).toEqual(
        at('2027-03-30T09:25+02:00'),
      );
    });

    it('starts counting at the next opening when received while closed', () => {
      expect(addBusinessHours(kortrijk, at('2027-03-27T10:00+01:00'), 1)).toEqual(
        at('2027-03-30T09:30+02:00'),
      );
    });

    it('ends at a closing time, not at the next opening, when the time fits exactly', () => {
      expect(addBusinessHours(kortrijk, at('2027-03-26T08:30+01:00'), 3.5)).toEqual(
        at('2027-03-26T12:00+01:00'),
      );
    });

    it('adds nothing for zero and refuses negative time', () => {
      expect(addBusinessTime(kortrijk, at('2027-03-27T10:00+01:00'), 0)).toEqual(
        at('2027-03-27T10:00+01:00'),
      );
      expect(() => addBusinessTime(kortrijk, at('2027-03-27T10:00+01:00'), -1)).toThrow(RangeError);
    });

    it('throws rather than searching forever on a calendar that never opens', () => {
      const never = new BusinessCalendar({
        timezone: 'Europe/Brussels',
        weekly: { ...KORTRIJK_WEEKLY, mon: [], tue: [], wed: [], thu: [], fri: [] },
      });
      expect(() => addBusinessHours(never, at('2027-03-26T10:00Z'), 1)).toThrow(RangeError);
      expect(() => addBusinessDays(never, at('2027-03-26T10:00Z'), 1)).toThrow(RangeError);
    });
  });

  describe('businessTimeBetween', () => {
    it('measures the open time between two instants', () => {
      // Friday 16:55-17:00, then Tuesday 08:30-12:00 and 13:30-14:00.
      const ms = businessTimeBetween(kortrijk, at('2027-03-26T16:55+01:00'), at('2027-03-30T14:00+02:00'));
      expect(ms).toBe((5 + 210 + 30) * 60_000);
    });

    it('is negative when the instants are the other way round', () => {
      expect(businessTimeBetween(kortrijk, at('2027-03-26T12:00+01:00'), at('2027-03-26T11:00+01:00'))).toBe(
        -HOUR_MS,
      );
    });
  });

  describe('addBusinessDays', () => {
    it('is due at closing time of the Nth open day after the day of receipt', () => {
      expect(addBusinessDays(kortrijk, at('2027-03-23T09:00+01:00'), 1)).toEqual(
        at('2027-03-24T17:00+01:00'),
      );
      expect(addBusinessDays(kortrijk, at('2027-03-23T09:00+01:00'), 5)).toEqual(
        at('2027-03-31T17:00+02:00'),
      );
    });

    it('does not count the day of receipt, whatever the time of receipt', () => {
      const dueFromMorning = addBusinessDays(kortrijk, at('2027-03-23T07:00+01:00'), 1);
      const dueFromNight = addBusinessDays(kortrijk, at('2027-03-23T23:59+01:00'), 1);
      expect(dueFromMorning).toEqual(at('2027-03-24T17:00+01:00'));
      expect(dueFromNight).toEqual(dueFromMorning);
    });

    it('closes late on the late-evening weekday', () => {
      expect(addBusinessDays(kortrijk, at('2027-03-19T12:00+01:00'), 1)).toEqual(
        at('2027-03-22T19:00+01:00'),
      );
    });

    it("skips the municipality's own closing dates", () => {
      // 2027-11-01 All Saints' (holiday) and 2027-11-02 All Souls' (closing date): Friday 29 Oct + 1 = Wednesday 3 Nov.
      expect(addBusinessDays(kortrijk, at('2027-10-29T10:00+02:00'), 1)).toEqual(
        at('2027-11-03T17:00+01:00'),
      );
    });

    it('refuses anything but a whole number of days from 1', () => {
      for (const days of [0, -1, 1.5, NaN]) {
        expect(() => addBusinessDays(kortrijk, at('2027-03-23T09:00+01:00'), days)).toThrow(RangeError);
      }
    });
  });

  describe('calendar hours (24/7)', () => {
    it('adds elapsed time: two hours after 01:30 on the spring-change Sunday is 04:30 CEST', () => {
      expect(addCalendarHours(at('2027-03-28T01:30+01:00'), 2)).toEqual(at('2027-03-28T04:30+02:00'));
      expect(addCalendarHours(at('2027-10-31T01:30+02:00'), 2)).toEqual(at('2027-10-31T02:30+01:00'));
    });

    it('agrees with business hours on a round-the-clock calendar across the changes', () => {
      const always = roundTheClockCalendar();
      const start = at('2027-03-27T20:00+01:00');
      expect(addBusinessHours(always, start, 30)).toEqual(addCalendarHours(start, 30));
      expect(businessTimeBetween(always, at('2027-10-30T12:00Z'), at('2027-11-01T12:00Z'))).toBe(
        48 * HOUR_MS,
      );
    });
  });
});
