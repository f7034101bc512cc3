import { remainingAtPause, resumeDeadline } from './sla-clock';
import { DEFAULT_SLA_POLICIES } from './sla-policy-defaults';
import { matchPolicy } from './sla-policy-matching';
import { deadlineFor, deadlinesFor } from './sla-target';
import { kortrijkCalendar } from './testing/calendar-fixtures';

/**
 * The worked examples on real 2027 dates, in Kortrijk (weekdays 08:30-12:00 and
 * 13:30-17:00, Mondays until 19:00). Easter 2027 is 28 March, the night daylight saving time starts.
 */
const at = (iso: string) => new Date(iso);
const kortrijk = kortrijkCalendar();
const HOUR_MS = 3_600_000;

describe('SLA worked examples (Kortrijk, 2027)', () => {
  it('a report on Friday 16:55 before Easter with a 2-business-day target is due Wednesday after Easter Monday', () => {
    const receivedAt = at('2027-03-26T16:55+01:00');
    // Easter Monday (29 March) is a holiday: Tuesday is day 1, Wednesday day 2, due at its closing (now CEST).
    expect(deadlineFor(kortrijk, receivedAt, { value: 2, unit: 'business_days' })).toEqual(
      at('2027-03-31T17:00+02:00'),
    );
    const policy = matchPolicy(DEFAULT_SLA_POLICIES, {
      municipalityCode: 'kortrijk',
      categoryCode: 'public-lighting',
      priority: 'P3',
      kind: 'report',
    });
    expect(deadlinesFor(kortrijk, receivedAt, policy!)).toEqual({
      responseDueAt: at('2027-03-30T17:00+02:00'),
      // Ten open days: 30, 31 Mar, 1, 2, 5, 6, 7, 8, 9, 12 Apr; Monday closes at 19:00.
      resolutionDueAt: at('2027-04-12T19:00+02:00'),
      policyId: policy!.id,
    });
  });

  it('a question received on Saturday counts from Monday', () => {
    const receivedAt = at('2027-03-20T10:00+01:00');
    const policy = matchPolicy(DEFAULT_SLA_POLICIES, {
      municipalityCode: 'kortrijk',
      categoryCode: 'general-question',
      priority: 'P4',
      kind: 'question',
    });
    expect(policy?.resolutionTarget).toEqual({ value: 5, unit: 'business_days' });
    expect(deadlinesFor(kortrijk, receivedAt, policy!)).toMatchObject({
      responseDueAt: at('2027-03-22T19:00+01:00'), // Monday, the late-evening day
      resolutionDueAt: at('2027-03-26T17:00+01:00'), // Mon, Tue, Wed, Thu, Fri
    });
  });

  it('a ticket paused for 3 days waiting for the citizen resumes with the business time it had left', () => {
    const dueAt = deadlineFor(kortrijk, at('2027-04-05T10:00+02:00'), { value: 2, unit: 'business_days' });
    expect(dueAt).toEqual(at('2027-04-07T17:00+02:00'));
    // Paused Tuesday 10:00: Tuesday 10:00-12:00 and 13:30-17:00 plus all of Wednesday were left.
    const remaining = remainingAtPause(kortrijk, at('2027-04-06T10:00+02:00'), dueAt, 'business_days');
    expect(remaining).toBe(12.5 * HOUR_MS);
    // Resumed Friday 10:00: 5.5 h on Friday, 3.5 h Monday morning, 3.5 h Monday afternoon.
    expect(resumeDeadline(kortrijk, at('2027-04-09T10:00+02:00'), remaining, 'business_days')).toEqual(
      at('2027-04-12T17:00+02:00'),
    );
  });

  it('a P1 at 23:00 on a Sunday runs around the clock: response due Monday 01:00', () => {
    const policy = matchPolicy(DEFAULT_SLA_POLICIES, {
      municipalityCode: 'kortrijk',
      categoryCode: 'roads-pavements',
      priority: 'P1',
      kind: 'report',
    });
    expect(deadlinesFor(kortrijk, at('2027-03-21T23:00+01:00'), policy!)).toMatchObject({
      responseDueAt: at('2027-03-22T01:00+01:00'),
      resolutionDueAt: at('2027-03-22T23:00+01:00'),
    });
  });

  it('a P1 in the night of Easter Sunday gets two real hours although the clock jumps forward', () => {
    const policy = matchPolicy(DEFAULT_SLA_POLICIES, {
      municipalityCode: 'kortrijk',
      categoryCode: 'sewers-flooding',
      priority: 'P1',
      kind: 'report',
    });
    expect(deadlinesFor(kortrijk, at('2027-03-28T01:30+01:00'), policy!)).toMatchObject({
      responseDueAt: at('2027-03-28T04:30+02:00'),
      resolutionDueAt: at('2027-03-29T02:30+02:00'),
    });
  });
});
