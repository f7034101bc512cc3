import { ForbiddenError, InvalidInputError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';

/** A report's period [from, to) and optional municipality, as the query string gives them. */
export interface ReportPeriod {
  from: Date;
  to: Date;
  municipality: string | null;
}

/**
 * Checks a report query: ISO instants, to after from (and at most `maxDays` later), a
 * municipality code. With a caller, the municipality must be one of theirs (403 otherwise).
 */
export function reportPeriod(
  query: { from?: string; to?: string; municipality?: string },
  options: { caller?: RequestContext; maxDays?: number } = {},
): ReportPeriod {
  const { caller, maxDays } = options;
  const from = instant('from', query.from);
  const to = instant('to', query.to);
  if (to <= from) {
    throw new InvalidInputError([{ field: 'to', rule: 'isAfterFrom', message: 'to must be after from' }]);
  }
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw new InvalidInputError([
      { field: 'to', rule: 'isWithinRange', message: `to must be at most ${maxDays} days after from` },
    ]);
  }
  const municipality = query.municipality || null;
  if (municipality !== null && !/^[a-z0-9-]{2,40}$/.test(municipality)) {
    throw new InvalidInputError([
      { field: 'municipality', rule: 'matches', message: 'municipality must be a municipality code' },
    ]);
  }
  if (municipality !== null && caller && !caller.canSee(municipality)) {
    throw new ForbiddenError(`Municipality '${municipality}' is outside the municipalities you work for`);
  }
  return { from, to, municipality };
}

function instant(field: string, value: string | undefined): Date {
  const parsed = new Date(value ?? '');
  if (!value || Number.isNaN(parsed.getTime())) {
    throw new InvalidInputError([
      { field, rule: 'isIso8601', message: `${field} must be an ISO 8601 date-time` },
    ]);
  }
  return parsed;
}
