import {
  advanceSlaClock,
  remainingAtPause,
  resumeDeadline,
  slaTimeBetween,
  warningInstant,
} from './sla-clock';
import { deadlineFor, isValidTarget } from './sla-target';
import { kortrijkCalendar } from './testing/calendar-fixtures';

const at = (iso: string) => new Date(iso);
const kortrijk = kortrijkCalendar();
const HOUR_MS = 3_600_000;

describe('SLA clock', () => {
  it('runs on open time for business units and on real time for hours', () => {
    const from = at('2027-03-26T16:00+01:00');
    const to = at('2027-03-30T09:00+02:00');
    expect(slaTimeBetween(kortrijk, from, to, 'business_hours')).toBe(1.5 * HOUR_MS);
    expect(slaTimeBetween(kortrijk, from, to, 'business_days')).toBe(1.5 * HOUR_MS);
    expect(slaTimeBetween(kortrijk, from, to, 'hours')).toBe(88 * HOUR_MS);
    expect(advanceSlaClock(kortrijk, from, 1.5 * HOUR_MS, 'business_hours')).toEqual(to);
  });

  it('keeps calendar time left over a pause for an `hours` target', () => {
    const dueAt = deadlineFor(kortrijk, at('2027-05-03T10:00+02:00'), { value: 720, unit: 'hours' });
    const remaining = remainingAtPause(kortrijk, at('2027-05-13T10:00+02:00'), dueAt, 'hours');
    expect(remaining).toBe(20 * 24 * HOUR_MS);
    expect(resumeDeadline(kortrijk, at('2027-05-16T10:00+02:00'), remaining, 'hours')).toEqual(
      at('2027-06-05T10:00+02:00'),
    );
  });

  it('has nothing left when paused after the deadline', () => {
    const dueAt = at('2027-03-26T12:00+01:00');
    expect(remainingAtPause(kortrijk, at('2027-03-26T14:00+01:00'), dueAt, 'business_hours')).toBe(0);
  });

  it('starts counting again at the next opening when resumed while closed', () => {
    expect(resumeDeadline(kortrijk, at('2027-03-27T11:00+01:00'), HOUR_MS, 'business_hours')).toEqual(
      at('2027-03-30T09:30+02:00'),
    );
  });

  it('warns when three quarters of the business time is used', () => {
    // Received Monday 08:30, 8 business hours: 08:30-12:00, 13:30-18:00. 75% = 6 h -> 16:00.
    const from = at('2027-03-22T08:30+01:00');
    const dueAt = deadlineFor(kortrijk, from, { value: 8, unit: 'business_hours' });
    expect(dueAt).toEqual(at('2027-03-22T18:00+01:00'));
    expect(warningInstant(kortrijk, 'business_hours', { from, dueAt, warnAtPercent: 75 })).toEqual(
      at('2027-03-22T16:00+01:00'),
    );
  });

  it('after a pause, warns at the same point of the original budget', () => {
    // 8 h total, 3 h left at resume: the warning (2 h left) comes after one more business hour.
    const resumedAt = at('2027-03-23T10:00+01:00');
    const dueAt = resumeDeadline(kortrijk, resumedAt, 3 * HOUR_MS, 'business_hours');
    expect(
      warningInstant(kortrijk, 'business_hours', {
        from: resumedAt,
        dueAt,
        totalMs: 8 * HOUR_MS,
        warnAtPercent: 75,
      }),
    ).toEqual(at('2027-03-23T11:00+01:00'));
    // Less than a quarter left: the warning is due at once.
    expect(
      warningInstant(kortrijk, 'hours', {
        from: resumedAt,
        dueAt: at('2027-03-23T11:00+01:00'),
        totalMs: 8 * HOUR_MS,
        warnAtPercent: 75,
      }),
    ).toEqual(resumedAt);
  });

  it('validates targets', () => {
    expect(isValidTarget({ value: 1.5, unit: 'business_hours' })).toBe(true);
    expect(isValidTarget({ value: 1.5, unit: 'business_days' })).toBe(false);
    expect(isValidTarget({ value: 0, unit: 'hours' })).toBe(false);
    expect(isValidTarget({ value: 2, unit: 'weeks' as 'hours' })).toBe(false);
    expect(() => deadlineFor(kortrijk, at('2027-03-22T08:30Z'), { value: -1, unit: 'hours' })).toThrow(
      RangeError,
    );
  });
});
