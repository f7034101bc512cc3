// The pure part of the SLA engine: business calendars, business-time arithmetic, SLA targets,
// pausing, warnings and policy matching. No Nest, no database.
export {
  BusinessCalendar,
  MAX_CLOSED_DAYS_IN_A_ROW,
  type BusinessCalendarSpec,
  type OpenStatus,
  type TimeInterval,
} from './business-calendar';
export {
  belgianPublicHolidays,
  easterSunday,
  isBelgianPublicHoliday,
  type PublicHoliday,
} from './belgian-holidays';
export {
  addBusinessDays,
  addBusinessHours,
  addBusinessTime,
  addCalendarHours,
  businessTimeBetween,
} from './business-time';
export { isIsoDate, type Weekday } from './local-date';
export {
  advanceSlaClock,
  remainingAtPause,
  resumeDeadline,
  slaTimeBetween,
  warningInstant,
  type WarningInput,
} from './sla-clock';
export { DEFAULT_SLA_POLICIES } from './sla-policy-defaults';
export {
  matchPolicy,
  policyMatches,
  policySpecificity,
  type SlaPolicy,
  type SlaPolicyMatcher,
  type SlaPriority,
  type TicketKind,
  type TicketSlaFacts,
} from './sla-policy-matching';
export {
  deadlineFor,
  deadlinesFor,
  isValidTarget,
  TARGET_UNITS,
  type SlaDeadlines,
  type Target,
  type TargetUnit,
} from './sla-target';
export { WEEKDAYS, type WeeklyOpeningHours } from './weekly-hours';
export { utcOffsetMsAt, wallClockAt, wallClockToInstant, type WallClock } from './zoned-time';
export {
  pauseClock,
  resumeClock,
  startClocks,
  type Clock,
  type ClockName,
  type PolicySnapshot,
} from './ticket-clocks';
export { SlaPolicyEntity } from './entities/sla-policy.entity';
export { SlaPolicies } from './sla-policies.service';
export { MunicipalityCalendars } from './municipality-calendars';
export { SlaModule } from './sla.module';

import { SlaPolicyEntity as SlaPolicyEntityClass } from './entities/sla-policy.entity';
export const SLA_ENTITIES = [SlaPolicyEntityClass];
