import type { SimResponse } from '../sim-http';
import { FiqlError, parseFiql } from './fiql';
import { compileFiql, type FiqlFields } from './fiql-match';
import { incidentJson } from './incident-json';
import type { StoredIncident } from './incident-store';
import { topdeskError } from './topdesk-errors';
import { wholeSecond } from './topdesk-dates';

/** The selectors the simulator understands in `query` (a subset of TOPdesk's, enough for clients). */
export const INCIDENT_FIELDS: FiqlFields<StoredIncident> = {
  id: { type: 'string', get: (i) => i.id },
  number: { type: 'string', get: (i) => i.number },
  externalNumber: { type: 'string', get: (i) => i.externalNumber },
  briefDescription: { type: 'string', get: (i) => i.briefDescription },
  status: { type: 'string', get: (i) => i.status },
  'caller.dynamicName': { type: 'string', get: (i) => i.caller.dynamicName },
  'caller.email': { type: 'string', get: (i) => i.caller.email },
  'category.id': { type: 'string', get: (i) => i.category?.id ?? null },
  'category.name': { type: 'string', get: (i) => i.category?.name ?? null },
  'subcategory.name': { type: 'string', get: (i) => i.subcategory?.name ?? null },
  'operatorGroup.id': { type: 'string', get: (i) => i.operatorGroup?.id ?? null },
  'operatorGroup.name': { type: 'string', get: (i) => i.operatorGroup?.name ?? null },
  'processingStatus.id': { type: 'string', get: (i) => i.processingStatus.id },
  'processingStatus.name': { type: 'string', get: (i) => i.processingStatus.name },
  onHold: { type: 'boolean', get: (i) => i.onHold },
  completed: { type: 'boolean', get: (i) => i.completed },
  closed: { type: 'boolean', get: (i) => i.closed },
  callDate: { type: 'date', get: (i) => i.creationDate },
  creationDate: { type: 'date', get: (i) => i.creationDate },
  modificationDate: { type: 'date', get: (i) => wholeSecond(i.modificationDate) },
  completedDate: { type: 'date', get: (i) => i.completedDate },
  closedDate: { type: 'date', get: (i) => i.closedDate },
};

const SORTABLE: Record<string, (i: StoredIncident) => number | string> = {
  callDate: (i) => i.creationDate,
  creationDate: (i) => i.creationDate,
  modificationDate: (i) => wholeSecond(i.modificationDate),
  closedDate: (i) => i.closedDate ?? 0,
  completedDate: (i) => i.completedDate ?? 0,
  targetDate: () => 0,
  id: (i) => i.id,
  number: (i) => i.number,
};

export interface ListLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/**
 * `GET /incidents`: FIQL `query`, `pageStart`/`pageSize` (older clients: `start`/`page_size`) and
 * `sort=field:asc,...` (older clients: `order_by=modification_date+ASC`). Answers 206 Partial
 * Content while more pages follow, 200 with the last page, 204 without a body when nothing matches.
 */
export function listIncidents(
  all: StoredIncident[],
  params: URLSearchParams,
  limits: ListLimits,
  now: number,
): SimResponse {
  const pageStart = integer(params.get('pageStart') ?? params.get('start'), 0);
  const pageSize = integer(params.get('pageSize') ?? params.get('page_size'), limits.defaultPageSize);
  if (pageStart === null || pageStart < 0)
    return topdeskError(400, "The value for 'pageStart' is not valid.");
  if (pageSize === null || pageSize < 1 || pageSize > limits.maxPageSize) {
    return topdeskError(400, `The value for 'pageSize' must be between 1 and ${limits.maxPageSize}.`);
  }
  let matches = all;
  let compare: (a: StoredIncident, b: StoredIncident) => number;
  try {
    const query = params.get('query');
    if (query) {
      const predicate = compileFiql(parseFiql(query), INCIDENT_FIELDS);
      matches = all.filter(predicate);
    }
    compare = comparator(params.get('sort') ?? params.get('order_by'));
  } catch (error) {
    if (error instanceof FiqlError) return topdeskError(400, error.message);
    throw error;
  }
  const sorted = [...matches].sort(compare);
  const page = sorted.slice(pageStart, pageStart + pageSize);
  if (page.length === 0) return { status: 204 };
  const more = pageStart + pageSize < sorted.length;
  return { status: more ? 206 : 200, body: page.map((incident) => incidentJson(incident, now)) };
}

function integer(text: string | null, fallback: number): number | null {
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Default order: newest first by creation date. Ties keep insertion order, so pages are stable. */
function comparator(spec: string | null): (a: StoredIncident, b: StoredIncident) => number {
  const keys = (spec ?? 'creationDate:desc').split(',').map((part) => {
    const [rawField, rawDirection = 'asc'] = part.trim().split(/[:+ ]+/);
    const field = rawField.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const read = SORTABLE[field];
    const direction = rawDirection.toLowerCase();
    if (!read || (direction !== 'asc' && direction !== 'desc')) {
      throw new FiqlError(`Cannot sort on '${part.trim()}'.`);
    }
    return { read, sign: direction === 'asc' ? 1 : -1 };
  });
  return (a, b) => {
    for (const { read, sign } of keys) {
      const x = read(a);
      const y = read(b);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return a.sequence - b.sequence;
  };
}
