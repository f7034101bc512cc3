import type { BusinessCalendar } from './business-calendar';
import { addBusinessDays, addBusinessHours, addCalendarHours } from './business-time';
import type { SlaPolicy } from './sla-policy-matching';

/**
 * - business_hours: open time of the municipality's calendar;
 * - business_days: whole open days after the day of receipt, due at closing time (see addBusinessDays);
 * - hours: calendar time, around the clock (the P1 track).
 */
export type TargetUnit = 'business_hours' | 'business_days' | 'hours';
export const TARGET_UNITS: readonly TargetUnit[] = ['business_hours', 'business_days', 'hours'];

export interface Target {
  value: number;
  unit: TargetUnit;
}

/** A positive finite value; whole for business_days. For validating policies before storing them. */
export function isValidTarget(target: Target): boolean {
  return (
    TARGET_UNITS.includes(target.unit) &&
    Number.isFinite(target.value) &&
    target.value > 0 &&
    (target.unit !== 'business_days' || Number.isInteger(target.value))
  );
}

/** When a target received at `receivedAt` falls due. Throws a RangeError for an invalid target. */
export function deadlineFor(calendar: BusinessCalendar, receivedAt: Date, target: Target): Date {
  if (!isValidTarget(target)) throw new RangeError(`Invalid SLA target: ${JSON.stringify(target)}`);
  switch (target.unit) {
    case 'business_hours':
      return addBusinessHours(calendar, receivedAt, target.value);
    case 'business_days':
      return addBusinessDays(calendar, receivedAt, target.value);
    case 'hours':
      return addCalendarHours(receivedAt, target.value);
  }
}

export interface SlaDeadlines {
  responseDueAt: Date;
  resolutionDueAt: Date;
  policyId: string;
}

/** Both deadlines a policy gives a ticket received at `receivedAt` (what `POST /sla/preview` answers). */
export function deadlinesFor(calendar: BusinessCalendar, receivedAt: Date, policy: SlaPolicy): SlaDeadlines {
  return {
    responseDueAt: deadlineFor(calendar, receivedAt, policy.responseTarget),
    resolutionDueAt: deadlineFor(calendar, receivedAt, policy.resolutionTarget),
    policyId: policy.id,
  };
}
