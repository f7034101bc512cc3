import fc from 'fast-check';
import { addBusinessDays, addBusinessTime, businessTimeBetween } from '../business-time';
import { deadlineFor } from '../sla-target';
import { arbitraryCalendar, arbitraryInstant, kortrijkCalendar } from './calendar-fixtures';

const HOUR_MS = 3_600_000;

/**
 * A fixed batch of calendar questions (same seed, so the same cases in any process), answered as
 * JSON strings. Fresh calendars on every call, so no cached day carries over between time zones.
 */
export function answerBattery(): string[] {
  const cases = fc.sample(
    fc.tuple(
      fc.oneof(fc.constant(kortrijkCalendar()), arbitraryCalendar),
      arbitraryInstant,
      fc.integer({ min: 1, max: 40 * HOUR_MS }),
      fc.integer({ min: 1, max: 10 }),
    ),
    { numRuns: 60, seed: 20270328 },
  );
  return cases.map(([calendar, instant, ms, days]) => {
    const due = addBusinessTime(calendar, instant, ms);
    return JSON.stringify([
      due,
      addBusinessDays(calendar, instant, days),
      businessTimeBetween(calendar, instant, new Date(instant.getTime() + 5 * 24 * HOUR_MS)),
      calendar.localDateOf(instant),
      calendar.openStatus(instant),
      calendar.openIntervals(instant, due),
      deadlineFor(calendar, instant, { value: days, unit: 'business_days' }),
    ]);
  });
}
