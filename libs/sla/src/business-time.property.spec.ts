import fc from 'fast-check';
import {
  addBusinessDays,
  addBusinessTime,
  addCalendarHours,
  businessTimeBetween,
  addBusinessHours,
} from './business-time';
import { addDays } from './local-date';
import {
  arbitraryCalendar,
  arbitraryInstant,
  kortrijkCalendar,
  roundTheClockCalendar,
} from './testing/calendar-fixtures';

const HOUR_MS = 3_600_000;
const anyCalendar = fc.oneof(fc.constant(kortrijkCalendar()), arbitraryCalendar);
/** Up to 60 business hours, in whole milliseconds. */
const businessMs = fc.integer({ min: 1, max: 60 * HOUR_MS });

describe('business time properties', () => {
  it('adding then measuring gives back the same business time', () => {
    fc.assert(
      fc.property(anyCalendar, arbitraryInstant, businessMs, (calendar, instant, ms) => {
        const due = addBusinessTime(calendar, instant, ms);
        expect(due.getTime()).toBeGreaterThan(instant.getTime());
        expect(businessTimeBetween(calendar, instant, due)).toBe(ms);
      }),
      { numRuns: 150 },
    );
  });

  it('a deadline is always inside an open interval or at its end, never in closed time', () => {
    fc.assert(
      fc.property(anyCalendar, arbitraryInstant, businessMs, (calendar, instant, ms) => {
        const due = addBusinessTime(calendar, instant, ms);
        // The millisecond before the deadline was open: it is in an interval or at its end.
        expect(calendar.isOpen(new Date(due.getTime() - 1))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('measuring then adding reaches the end instant, or the last open moment before it', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        arbitraryInstant,
        fc.integer({ min: 0, max: 10 * 24 * HOUR_MS }),
        (calendar, from, span) => {
          const to = new Date(from.getTime() + span);
          const ms = businessTimeBetween(calendar, from, to);
          fc.pre(ms > 0);
          const reached = addBusinessTime(calendar, from, ms);
          expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
          expect(businessTimeBetween(calendar, reached, to)).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('N business days end at the closing time of the Nth open day after the day of receipt', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        arbitraryInstant,
        fc.integer({ min: 1, max: 12 }),
        (calendar, instant, days) => {
          const due = addBusinessDays(calendar, instant, days);
          const lastDay = calendar.localDateOf(new Date(due.getTime() - 1));
          const intervals = calendar.openIntervalsOn(lastDay);
          expect(intervals[intervals.length - 1].end).toEqual(due);
          let openDays = 0;
          for (let date = calendar.localDateOf(instant); date < lastDay;) {
            date = addDays(date, 1);
            if (calendar.isOpenDay(date)) openDays += 1;
          }
          expect(openDays).toBe(days);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a later receipt never gets an earlier deadline', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        arbitraryInstant,
        fc.integer({ min: 0, max: 3 * 24 * HOUR_MS }),
        businessMs,
        fc.integer({ min: 1, max: 5 }),
        (calendar, first, gap, ms, days) => {
          const second = new Date(first.getTime() + gap);
          expect(addBusinessTime(calendar, second, ms) >= addBusinessTime(calendar, first, ms)).toBe(true);
          expect(addBusinessDays(calendar, second, days) >= addBusinessDays(calendar, first, days)).toBe(
            true,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('business time is additive over a split point', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        arbitraryInstant,
        fc.nat(5 * 24 * HOUR_MS),
        fc.nat(5 * 24 * HOUR_MS),
        (calendar, a, x, y) => {
          const b = new Date(a.getTime() + x);
          const c = new Date(b.getTime() + y);
          const whole = businessTimeBetween(calendar, a, c);
          expect(businessTimeBetween(calendar, a, b) + businessTimeBetween(calendar, b, c)).toBe(whole);
          const listed = calendar.openIntervals(a, c);
          expect(listed.reduce((sum, i) => sum + i.end.getTime() - i.start.getTime(), 0)).toBe(whole);
          listed.forEach((interval, i) => {
            expect(interval.start < interval.end).toBe(true);
            if (i > 0) expect(listed[i - 1].end < interval.start).toBe(true); // disjoint and merged
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('hours count real elapsed time across DST changes, the same as a round-the-clock calendar', () => {
    const always = roundTheClockCalendar();
    fc.assert(
      fc.property(arbitraryInstant, fc.integer({ min: 1, max: 72 * 60 }), (instant, minutes) => {
        const due = addCalendarHours(instant, minutes / 60);
        expect(due.getTime() - instant.getTime()).toBe(minutes * 60_000);
        expect(addBusinessHours(always, instant, minutes / 60)).toEqual(due);
        expect(businessTimeBetween(always, instant, due)).toBe(minutes * 60_000);
      }),
      { numRuns: 150 },
    );
  });
});
