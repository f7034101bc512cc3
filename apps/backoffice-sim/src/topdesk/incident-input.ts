import { randomUUID } from 'node:crypto';
import type { IncidentLine, StoredCaller, StoredIncident } from './incident-store';
import type { TopdeskCatalog, TopdeskRef } from './topdesk-catalog';
import { checkSubcategory, resolveReference } from './reference-fields';

/** What a POST or PATCH body asks for, validated. Unknown fields are ignored. */
export interface IncidentChanges {
  status?: IncidentLine;
  caller?: StoredCaller;
  briefDescription?: string;
  request?: string;
  externalNumber?: string;
  category?: TopdeskRef | null;
  subcategory?: TopdeskRef | null;
  operatorGroup?: TopdeskRef | null;
  processingStatus?: TopdeskRef | null;
  entryType?: TopdeskRef | null;
  callType?: TopdeskRef | null;
  onHold?: boolean;
  completed?: boolean;
  closed?: boolean;
  /** A new entry in the action history (TOPdesk has no POST for actions). */
  action?: { text: string; invisibleForCaller: boolean };
}

const MAX_LENGTH = { briefDescription: 80, externalNumber: 60 } as const;

export function parseIncidentInput(
  body: unknown,
  catalog: TopdeskCatalog,
  current: StoredIncident | null,
): { changes: IncidentChanges; errors: string[] } {
  const errors: string[] = [];
  const changes: IncidentChanges = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { changes, errors: ['The request body must be a JSON object.'] };
  }
  const b = body as Record<string, unknown>;
  const text = (field: string, max?: number): string | undefined => {
    const value = b[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') errors.push(`The value for the field '${field}' cannot be parsed.`);
    else if (max !== undefined && value.length > max) {
      errors.push(`The value for the field '${field}' is too long: the maximum length is ${max} characters.`);
    } else return value;
    return undefined;
  };
  const flag = (field: string): boolean | undefined => {
    const value = b[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') errors.push(`The value for the field '${field}' cannot be parsed.`);
    return typeof value === 'boolean' ? value : undefined;
  };

  if (b.status !== undefined) {
    if (b.status === 'firstLine' || b.status === 'secondLine') changes.status = b.status;
    else if (b.status === 'partial') errors.push("A partial incident needs a 'mainIncident'.");
    else errors.push("The value for the field 'status' cannot be parsed.");
  }
  changes.caller = parseCaller(b, current === null, errors);
  changes.briefDescription = text('briefDescription', MAX_LENGTH.briefDescription);
  changes.request = text('request');
  changes.externalNumber = text('externalNumber', MAX_LENGTH.externalNumber);
  changes.category = resolveReference(catalog, 'category', b.category, errors);
  const category = changes.category !== undefined ? changes.category : (current?.category ?? null);
  changes.subcategory = resolveReference(catalog, 'subcategory', b.subcategory, errors, category);
  if (changes.subcategory || changes.category !== undefined) {
    const subcategory =
      changes.subcategory !== undefined ? changes.subcategory : (current?.subcategory ?? null);
    checkSubcategory(catalog, category, subcategory, errors);
  }
  changes.operatorGroup = resolveReference(catalog, 'operatorGroup', b.operatorGroup, errors);
  changes.processingStatus = resolveReference(catalog, 'processingStatus', b.processingStatus, errors);
  changes.entryType = resolveReference(catalog, 'entryType', b.entryType, errors);
  changes.callType = resolveReference(catalog, 'callType', b.callType, errors);
  changes.onHold = flag('onHold');
  changes.completed = flag('completed');
  changes.closed = flag('closed');
  const action = text('action');
  const invisible = flag('actionInvisibleForCaller');
  if (action !== undefined && action.trim() !== '') {
    changes.action = { text: action, invisibleForCaller: invisible ?? false };
  }
  return { changes, errors };
}

/**
 * An unregistered caller comes as `caller.dynamicName` (+ email, phoneNumber); a registered person
 * as `callerLookup` `{ id }` or `{ email }`. One of the two is needed to create an incident.
 */
function parseCaller(
  b: Record<string, unknown>,
  creating: boolean,
  errors: string[],
): StoredCaller | undefined {
  const lookup = b.callerLookup as { id?: unknown; email?: unknown } | undefined | null;
  if (lookup && typeof lookup === 'object') {
    if (typeof lookup.id === 'string') {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(lookup.id)) {
        errors.push("The value for the field 'callerLookup.id' cannot be parsed.");
        return undefined;
      }
      return { id: lookup.id, dynamicName: 'Registered person', email: null, phoneNumber: null };
    }
    if (typeof lookup.email === 'string') {
      return { id: randomUUID(), dynamicName: lookup.email, email: lookup.email, phoneNumber: null };
    }
    errors.push("The field 'callerLookup' needs an 'id' or an 'email'.");
    return undefined;
  }
  const caller = b.caller as Record<string, unknown> | undefined | null;
  if (caller && typeof caller === 'object') {
    const { dynamicName, email, phoneNumber } = caller;
    if (typeof dynamicName !== 'string' || dynamicName.trim() === '') {
      errors.push("The field 'caller.dynamicName' is required for an unregistered caller.");
      return undefined;
    }
    return {
      id: null,
      dynamicName,
      email: typeof email === 'string' ? email : null,
      phoneNumber: typeof phoneNumber === 'string' ? phoneNumber : null,
    };
  }
  if (creating) errors.push("A caller is required: give 'caller' with a 'dynamicName', or 'callerLookup'.");
  return undefined;
}
