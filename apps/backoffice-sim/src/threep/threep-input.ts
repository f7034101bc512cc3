import { THREEP_CASE_FIELDS } from '../../../../libs/adapters/src/connectors/threep/threep-options';
import type { ThreePCaseInput, ThreePNote } from './threep-case-store';

export interface FieldProblem {
  field: string;
  message: string;
}

type Parsed<T> = { value: T; errors: [] } | { value: null; errors: FieldProblem[] };

/** What the contract allows in a reference (our `ZWVL-2026-000042`): it goes in a URL path. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9._-]{1,60}$/;

// The one list of the contract's case fields, shared with the connector that sends them.
const CASE_FIELDS: readonly string[] = THREEP_CASE_FIELDS;
const LOCATION_FIELDS = ['address', 'postcode', 'lat', 'lon'];
const CALLER_FIELDS = ['name', 'email', 'phone'];

/** The body of `PUT /cases/by-reference/{reference}`. Unknown fields are refused, not ignored. */
export function parseCaseInput(body: unknown): Parsed<ThreePCaseInput> {
  const errors: FieldProblem[] = [];
  const input = objectOrNull(body);
  if (!input) return { value: null, errors: [{ field: '', message: 'the body must be a JSON object' }] };
  for (const field of Object.keys(input)) {
    if (!CASE_FIELDS.includes(field)) errors.push({ field, message: 'is not a field of a case' });
  }
  const text = (field: string, max: number, required: boolean): string | null => {
    const value = input[field];
    if (value == null || value === '') {
      if (required) errors.push({ field, message: 'is required' });
      return null;
    }
    if (typeof value !== 'string') errors.push({ field, message: 'must be a string' });
    else if (value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    return typeof value === 'string' ? value : null;
  };
  const subject = text('subject', 200, true);
  const description = text('description', 20_000, true);
  const value: ThreePCaseInput = {
    subject: subject ?? '',
    description: description ?? '',
    kind: text('kind', 50, false),
    category: text('category', 100, false),
    priority: text('priority', 50, false),
    reportedAt: text('reportedAt', 40, false),
    consoleUrl: text('consoleUrl', 2000, false),
    classification: stringRecord(input.classification, 'classification', errors),
    location: nested(input.location, 'location', LOCATION_FIELDS, errors),
    caller: nested(input.caller, 'caller', CALLER_FIELDS, errors),
  };
  if (value.reportedAt && Number.isNaN(Date.parse(value.reportedAt))) {
    errors.push({ field: 'reportedAt', message: 'must be an ISO 8601 date-time' });
  }
  return errors.length ? { value: null, errors } : { value, errors: [] };
}

/** The body of `POST /cases/{id}/notes`. */
export function parseNoteInput(body: unknown): Parsed<Pick<ThreePNote, 'text' | 'visibility' | 'author'>> {
  const input = objectOrNull(body) ?? {};
  const errors: FieldProblem[] = [];
  if (typeof input.text !== 'string' || !input.text.trim())
    errors.push({ field: 'text', message: 'is required' });
  else if (input.text.length > 10_000)
    errors.push({ field: 'text', message: 'must be at most 10000 characters' });
  if (input.visibility !== 'public' && input.visibility !== 'internal') {
    errors.push({ field: 'visibility', message: 'is required: public or internal' });
  }
  if (input.author != null && typeof input.author !== 'string')
    errors.push({ field: 'author', message: 'must be a string' });
  if (errors.length) return { value: null, errors };
  return {
    value: {
      text: input.text as string,
      visibility: input.visibility as 'public' | 'internal',
      author: (input.author as string | undefined) ?? null,
    },
    errors: [],
  };
}

/** The body of `PUT /cases/{id}/hold`. */
export function parseHoldInput(body: unknown): Parsed<{ onHold: boolean; reason: string | null }> {
  const input = objectOrNull(body) ?? {};
  const errors: FieldProblem[] = [];
  if (typeof input.onHold !== 'boolean')
    errors.push({ field: 'onHold', message: 'is required: true or false' });
  if (input.reason != null && typeof input.reason !== 'string')
    errors.push({ field: 'reason', message: 'must be a string' });
  if (errors.length) return { value: null, errors };
  return {
    value: { onHold: input.onHold as boolean, reason: (input.reason as string | undefined) ?? null },
    errors: [],
  };
}

function objectOrNull(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function stringRecord(value: unknown, field: string, errors: FieldProblem[]): Record<string, string> {
  if (value == null) return {};
  const record = objectOrNull(value);
  if (!record || !Object.values(record).every((v) => typeof v === 'string')) {
    errors.push({ field, message: 'must be an object of strings' });
    return {};
  }
  return record as Record<string, string>;
}

function nested(
  value: unknown,
  field: string,
  allowed: string[],
  errors: FieldProblem[],
): Record<string, unknown> | null {
  if (value == null) return null;
  const record = objectOrNull(value);
  if (!record) {
    errors.push({ field, message: 'must be an object or null' });
    return null;
  }
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key))
      errors.push({ field: `${field}.${key}`, message: `is not a field of ${field}` });
  }
  return record;
}
