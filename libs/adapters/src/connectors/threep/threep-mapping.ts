import {
  type BackOfficeConnection,
  type CaseDraft,
  type InboundStatus,
  type RemoteChange,
  categoryFor,
  mapInboundStatus,
} from '../../port/back-office-adapter';
import { fieldName, type ThreePField, type ThreePOptions } from './threep-options';

/** The contract's statuses, before the connection's own status map; `received` moves nothing. */
export const DEFAULT_THREEP_STATUS_MAP: Record<string, InboundStatus> = {
  in_progress: 'in_progress',
  completed: 'resolved',
  closed: 'closed',
};

/** A feed entry as the contract defines it (docs/adapters/3p.md). */
export interface ThreePChangeEntry {
  sequence: string;
  type: string;
  case: Record<string, unknown>;
  note?: {
    id: unknown;
    text: unknown;
    visibility: unknown;
    author: unknown;
    source: unknown;
    createdAt: unknown;
  };
}

/** The body of `PUT /cases/by-reference/{reference}`, in the installed product's field names. */
export function caseBody(
  conn: BackOfficeConnection,
  options: ThreePOptions,
  draft: CaseDraft,
): Record<string, unknown> {
  const ours: Partial<Record<ThreePField, unknown>> = {
    subject: draft.subject.trim() || draft.reference,
    description: draft.description.trim() || draft.subject,
    kind: draft.kind,
    category: draft.categoryCode,
    classification: categoryFor(conn, draft.categoryCode),
    priority: draft.priority,
    reportedAt: draft.createdAt,
    location: draft.location,
    caller: draft.caller,
    consoleUrl: draft.consoleUrl,
  };
  return Object.fromEntries(
    Object.entries(ours).map(([field, value]) => [fieldName(options, field as ThreePField), value]),
  );
}

/**
 * One feed entry as a change. Notes written through the API are ours and not echoed back; a note
 * written in 3P comes with the entry that added it.
 */
export function remoteChangeFromEntry(
  conn: BackOfficeConnection,
  options: ThreePOptions,
  entry: ThreePChangeEntry,
): RemoteChange {
  const read = (field: ThreePField) => entry.case[fieldName(options, field)];
  const text = (field: ThreePField) => {
    const value = read(field);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const remoteStatus = text('status') ?? '';
  const closingText = text('closingText');
  const note = entry.note;
  const notes =
    note && note.source !== 'api' && typeof note.text === 'string'
      ? [
          {
            id: String(note.id),
            text: note.text,
            at: typeof note.createdAt === 'string' ? note.createdAt : new Date().toISOString(),
            author: typeof note.author === 'string' ? note.author : null,
            public: note.visibility === 'public',
          },
        ]
      : [];
  return {
    externalId: text('id') ?? '',
    number: text('number') ?? undefined,
    reference: text('reference'),
    remoteStatus,
    status: mapInboundStatus(conn, [remoteStatus], DEFAULT_THREEP_STATUS_MAP),
    closingText: closingText?.trim() ? closingText : null,
    notes,
    modifiedAt: text('modifiedAt') ?? new Date().toISOString(),
  };
}
