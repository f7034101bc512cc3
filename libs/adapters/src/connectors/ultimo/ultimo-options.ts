import { type BackOfficeConnection, BackOfficeError } from '../../port/back-office-adapter';
import type { RateLimit } from './request-rate-limiter';

/**
 * The Ultimo settings a municipality's admin can put in `conn.options`, with their defaults. An
 * Ultimo API key decides per customer which properties and workflows exist, and several details
 * are not publicly documented (the numeric status values, a note workflow, the change date), so
 * every name the connector uses is here. See docs/adapters/ultimo.md.
 */
export interface UltimoOptions {
  /** Job property names as the customer's API key exposes them. */
  fields: {
    id: string;
    status: string;
    feedbackText: string;
    externalId: string;
    /** Unconfirmed: Ultimo's job templates list no change date; `RecordChangeDate` is our best guess. */
    changeDate: string;
  };
  /** The documented create workflow, and the names of its parameters. */
  reportAction: string;
  reportParameters: { description: string; reportText: string; reportDate: string; externalId: string };
  /** Constant REST_ReportJob parameters (e.g. `{ "Context": 1, "SiteId": "02" }`); the category map adds more. */
  reportDefaults: Record<string, string | number>;
  /** Longest Description (unconfirmed for Ultimo): longer subjects are cut with an ellipsis. */
  descriptionMaxLength: number;
  /** ApplicationElementId per workflow, when they differ; else `credentials.applicationElementId`. */
  applicationElementIds: Record<string, string>;
  /** Notes go to a customer workflow (`action`) or are appended to a job text property (`append`). */
  notes:
    | {
        mode: 'action';
        action: string;
        jobIdParameter: string;
        textParameter: string;
        publicParameter: string;
      }
    | { mode: 'append'; field: string };
  /** Hold/resume writes one job property (PATCH, for cloud customers): a ProgressStatus by default. */
  hold: {
    field: string;
    onValue: string | number | null;
    offValue: string | number | null;
    reasonAsNote: boolean;
  };
  /** Numeric Status values and what they mean for our ticket. */
  statusCodes: { inProgress: number[]; finished: number[]; closed: number[] };
  /** Which jobs are ours when polling (an Ultimo filter expression); empty: `<externalId> ne null`. */
  changeFilter: string;
  pageSize: number;
  rateLimit: RateLimit;
}

/** Ultimo's documented ApplicationElementId of REST_ReportJob (a fixed value in its connector docs). */
export const REPORT_JOB_APPLICATION_ELEMENT_ID = '1ba90cc1-b7f2-452d-8825-101ad7e7a682';

export const DEFAULT_ULTIMO_OPTIONS: UltimoOptions = {
  fields: {
    id: 'Id',
    status: 'Status',
    feedbackText: 'FeedbackText',
    externalId: 'ExternalId',
    changeDate: 'RecordChangeDate',
  },
  reportAction: 'REST_ReportJob',
  reportParameters: {
    description: 'Description',
    reportText: 'ReportText',
    reportDate: 'ReportDate',
    externalId: 'ExternalId',
  },
  reportDefaults: {},
  descriptionMaxLength: 80,
  applicationElementIds: {},
  notes: {
    mode: 'action',
    action: 'REST_AddJobNote',
    jobIdParameter: 'JobId',
    textParameter: 'Text',
    publicParameter: 'Public',
  },
  hold: { field: 'ProgressStatus', onValue: 'WACHT', offValue: null, reasonAsNote: true },
  // Seen in public Ultimo clients and API key templates: 1 open, 2 approved, 4 active, 16 finished, 32 closed.
  statusCodes: { inProgress: [2, 4], finished: [16], closed: [32] },
  changeFilter: '',
  pageSize: 100,
  // Ultimo allows 100 requests per 10 s for all of a customer's API keys together: leave some room.
  // A call waits for its slot only briefly: a sync job that would wait longer is deferred instead of
  // holding a worker slot that other municipalities' jobs need.
  rateLimit: { requests: 90, windowMs: 10_000, maxWaitMs: 250 },
};

/**
 * Reads `conn.options` over the defaults (objects merge one level deep). A wrong value is a
 * configuration error: not retryable, so it shows as a failure at once.
 */
export function readUltimoOptions(conn: BackOfficeConnection): UltimoOptions {
  const given = conn.options ?? {};
  const merged = { ...DEFAULT_ULTIMO_OPTIONS } as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_ULTIMO_OPTIONS)) {
    if (!(key in given)) continue;
    const value = given[key];
    if (isPlainObject(fallback)) {
      if (!isPlainObject(value)) throw configError(`${key} must be an object`);
      merged[key] = key === 'notes' && value.mode === 'append' ? { ...value } : { ...fallback, ...value };
    } else {
      if (typeof value !== typeof fallback) throw configError(`${key} must be a ${typeof fallback}`);
      merged[key] = value;
    }
  }
  const options = merged as unknown as UltimoOptions;
  const { pageSize, rateLimit, descriptionMaxLength, notes } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
    throw configError('pageSize must be 1 to 500');
  if (!(rateLimit.requests >= 1 && rateLimit.windowMs >= 1 && rateLimit.maxWaitMs >= 0)) {
    throw configError('rateLimit needs requests >= 1, windowMs >= 1 and maxWaitMs >= 0');
  }
  if (!(descriptionMaxLength >= 10)) throw configError('descriptionMaxLength must be at least 10');
  if (notes.mode !== 'action' && notes.mode !== 'append')
    throw configError('notes.mode must be action or append');
  if (notes.mode === 'append' && typeof notes.field !== 'string')
    throw configError('notes.field is required');
  for (const [name, value] of Object.entries(options.fields)) {
    if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
      throw configError(`fields.${name} must be a property name`);
    }
  }
  return options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function configError(message: string): BackOfficeError {
  return new BackOfficeError(`Ultimo options: ${message}`, false);
}
