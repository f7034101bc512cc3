import { type BackOfficeConnection, BackOfficeError } from '../../port/back-office-adapter';

/** The fields of a case in our 3P contract's create body (docs/adapters/3p.md); the simulator checks against the same list. */
export const THREEP_CASE_FIELDS = [
  'subject',
  'description',
  'kind',
  'category',
  'classification',
  'priority',
  'reportedAt',
  'location',
  'caller',
  'consoleUrl',
] as const;

/** Our contract's field names that `fieldMap` may rename (docs/adapters/3p.md). */
export const THREEP_MAPPED_FIELDS = [
  ...THREEP_CASE_FIELDS,
  'id',
  'number',
  'reference',
  'status',
  'onHold',
  'closingText',
  'modifiedAt',
] as const;

export type ThreePField = (typeof THREEP_MAPPED_FIELDS)[number];

/** The 3P settings a municipality's admin can put in `conn.options`, with their defaults. */
export interface ThreePOptions {
  /** Our contract's field name -> the installed product's, where they differ. */
  fieldMap: Partial<Record<ThreePField, string>>;
  /** Change-feed entries per call (the contract allows 1 to 200). */
  pageSize: number;
  /** `author` of the notes we write. */
  noteAuthor: string;
}

/**
 * Reads and checks `conn.options`. A wrong value is a configuration error: not retryable, so it
 * shows up as a failure at once instead of being retried for hours.
 */
export function readThreePOptions(conn: BackOfficeConnection): ThreePOptions {
  const o = conn.options ?? {};
  const pageSize = o.pageSize ?? 100;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
    throw configError('pageSize must be an integer from 1 to 200');
  }
  const noteAuthor = o.noteAuthor ?? 'Meldpunt';
  if (typeof noteAuthor !== 'string') throw configError('noteAuthor must be a string');
  const fieldMap = o.fieldMap ?? {};
  if (typeof fieldMap !== 'object' || fieldMap === null || Array.isArray(fieldMap)) {
    throw configError('fieldMap must be an object');
  }
  for (const [ours, theirs] of Object.entries(fieldMap)) {
    if (!(THREEP_MAPPED_FIELDS as readonly string[]).includes(ours)) {
      throw configError(`fieldMap.${ours}: not a field of the contract (${THREEP_MAPPED_FIELDS.join(', ')})`);
    }
    if (typeof theirs !== 'string' || !theirs) throw configError(`fieldMap.${ours} must be a field name`);
  }
  return { pageSize, noteAuthor, fieldMap };
}

/** The installed product's name for one of our contract's fields. */
export function fieldName(options: ThreePOptions, field: ThreePField): string {
  return options.fieldMap[field] ?? field;
}

function configError(message: string): BackOfficeError {
  return new BackOfficeError(`3P options: ${message}`, false);
}
