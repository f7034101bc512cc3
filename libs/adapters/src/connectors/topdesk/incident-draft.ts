import { type BackOfficeConnection, type CaseDraft, categoryFor } from '../../port/back-office-adapter';
import { locationLine, oneLine } from '../case-text';
import type { TopdeskOptions } from './topdesk-options';
import type { TopdeskIncidentBody, TopdeskLookup } from './topdesk-types';

/** TOPdesk refuses a longer briefDescription (400), so the subject is cut to fit. */
export const BRIEF_DESCRIPTION_MAX = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `POST /incidents` body for a ticket. */
export function incidentBody(
  conn: BackOfficeConnection,
  draft: CaseDraft,
  options: TopdeskOptions,
): TopdeskIncidentBody {
  const classification = categoryFor(conn, draft.categoryCode);
  const body: TopdeskIncidentBody = {
    caller: callerOf(draft, options),
    briefDescription: briefDescription(draft.subject, draft.reference),
    request: requestText(draft),
    externalNumber: draft.reference,
  };
  for (const field of ['category', 'subcategory', 'operatorGroup'] as const) {
    const value = classification[field];
    if (value) body[field] = lookup(value);
  }
  if (options.entryType) body.entryType = lookup(options.entryType);
  if (options.callType) body.callType = lookup(options.callType);
  return body;
}

/**
 * A configured value is a name unless it is exactly a uuid: ids survive renames in TOPdesk, names
 * are what an admin can read, and TOPdesk takes either (never both).
 */
export function lookup(value: string): TopdeskLookup {
  return UUID.test(value.trim()) ? { id: value.trim() } : { name: value };
}

/** One line, at most 80 characters; a longer subject ends in an ellipsis. An empty one falls back. */
export function briefDescription(subject: string, fallback: string): string {
  return oneLine(subject, BRIEF_DESCRIPTION_MAX, fallback);
}

/** The full text for the operator: the description, then where, our reference and the console link. */
export function requestText(draft: CaseDraft): string {
  const lines = [draft.description.trim()];
  const place = locationLine(draft.location);
  const facts = [
    place && `Locatie: ${place}`,
    `Referentie: ${draft.reference}`,
    draft.consoleUrl && `Meldpunt: ${draft.consoleUrl}`,
  ].filter((line): line is string => Boolean(line));
  return [...lines.filter(Boolean), facts.join('\n')].join('\n\n');
}

function callerOf(draft: CaseDraft, options: TopdeskOptions): TopdeskIncidentBody['caller'] {
  const caller: TopdeskIncidentBody['caller'] = {
    dynamicName: draft.caller?.name?.trim() || options.defaultCallerName,
  };
  if (draft.caller?.email) caller.email = draft.caller.email;
  if (draft.caller?.phone) caller.phoneNumber = draft.caller.phone;
  return caller;
}
