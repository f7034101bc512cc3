import { type BackOfficeConnection, BackOfficeError } from '../../port/back-office-adapter';

/** Where the closing text comes from: the newest action the caller may see, nowhere, or an incident field. */
export type ClosingTextSource =
  { from: 'lastVisibleAction' } | { from: 'none' } | { from: 'field'; path: string[] };

/** The TOPdesk settings a municipality's admin can put in `conn.options`, with their defaults. */
export interface TopdeskOptions {
  /** Incidents per `GET /incidents` page when polling (TOPdesk allows at most 100 here). */
  pageSize: number;
  /** Only incidents whose externalNumber starts with this are ours. */
  referencePrefix: string;
  /** `caller.dynamicName` when the ticket has no caller name (anonymous report). */
  defaultCallerName: string;
  /** Entry type and call type, by name or id; left out of the incident when not set. */
  entryType: string | null;
  callType: string | null;
  closingText: ClosingTextSource;
  /** The API operator's id, so its own actions are not read back as notes; looked up when not set. */
  apiOperatorId: string | null;
  /** The processing status a reopened incident goes back to (by name). */
  reopenStatus: string;
}

export const DEFAULT_CALLER_NAME = 'Meldpunt Zuid-West-Vlaanderen';

/**
 * Reads and checks `conn.options`. A wrong value is a configuration error: not retryable, so it
 * shows up as a failure at once instead of being retried for hours.
 */
export function readTopdeskOptions(conn: BackOfficeConnection): TopdeskOptions {
  const o = conn.options ?? {};
  const pageSize = o.pageSize ?? 100;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw configError('pageSize must be an integer from 1 to 100');
  }
  return {
    pageSize,
    referencePrefix: text(o, 'referencePrefix') ?? 'ZWVL-',
    defaultCallerName: text(o, 'defaultCallerName') ?? DEFAULT_CALLER_NAME,
    entryType: text(o, 'entryType'),
    callType: text(o, 'callType'),
    closingText: closingTextSource(text(o, 'closingTextFrom') ?? 'lastVisibleAction'),
    apiOperatorId: text(o, 'apiOperatorId'),
    reopenStatus: text(o, 'reopenStatus') ?? 'In behandeling',
  };
}

/** `lastVisibleAction` (default), `none`, or a dotted incident field such as `optionalFields1.memo1`. */
function closingTextSource(value: string): ClosingTextSource {
  if (value === 'lastVisibleAction' || value === 'none') return { from: value };
  if (/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(value))
    return { from: 'field', path: value.split('.') };
  throw configError(`closingTextFrom must be lastVisibleAction, none or a field path, not '${value}'`);
}

function text(options: Record<string, unknown>, key: string): string | null {
  const value = options[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw configError(`${key} must be a string`);
  return value;
}

function configError(message: string): BackOfficeError {
  return new BackOfficeError(`TOPdesk options: ${message}`, false);
}
