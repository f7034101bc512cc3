import { InvalidInputError } from '@meldpunt/api-errors';

/** A query string as Express parses it. */
export type Query311 = Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
// GeoReport v2: without dates, the last 90 days; a query spans at most 90 days.
const DEFAULT_SPAN_DAYS = 90;

export function listParam(query: Query311, name: string, max: number): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    throw new InvalidInputError([
      { field: name, rule: 'isString', message: `${name} must be one comma-separated value` },
    ]);
  }
  const values = raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!values.length || values.length > max) {
    throw new InvalidInputError([
      { field: name, rule: 'isList', message: `${name} must list 1 to ${max} values` },
    ]);
  }
  return values;
}

export function statusesOf(query: Query311): ('open' | 'closed')[] | undefined {
  const values = listParam(query, 'status', 2);
  if (!values) return undefined;
  for (const v of values) {
    if (v !== 'open' && v !== 'closed') {
      throw new InvalidInputError([
        { field: 'status', rule: 'isIn', message: 'status must be open, closed or open,closed' },
      ]);
    }
  }
  return values as ('open' | 'closed')[];
}

function dateParam(query: Query311, name: string): Date | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const value =
    typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)
      ? new Date(raw)
      : null;
  if (!value || Number.isNaN(value.getTime())) {
    throw new InvalidInputError([
      {
        field: name,
        rule: 'isW3cDateTime',
        message: `${name} must be a W3C date-time such as 2026-12-07T10:00:00+01:00`,
      },
    ]);
  }
  return value;
}

export function spanOf(query: Query311): { start: Date; end: Date } {
  const startParam = dateParam(query, 'start_date');
  const endParam = dateParam(query, 'end_date');
  const end =
    endParam ?? (startParam ? new Date(startParam.getTime() + DEFAULT_SPAN_DAYS * DAY_MS) : new Date());
  const start = startParam ?? new Date(end.getTime() - DEFAULT_SPAN_DAYS * DAY_MS);
  if (start > end) {
    throw new InvalidInputError([
      { field: 'start_date', rule: 'isBeforeEnd', message: 'start_date must be before end_date' },
    ]);
  }
  if (end.getTime() - start.getTime() > DEFAULT_SPAN_DAYS * DAY_MS) {
    throw new InvalidInputError([
      { field: 'end_date', rule: 'maxSpan', message: 'end_date may be at most 90 days after start_date' },
    ]);
  }
  return { start, end };
}
