import {
  type BackOfficeConnection,
  type InboundStatus,
  type RemoteChange,
  mapInboundStatus,
} from '../../port/back-office-adapter';
import { memoToText } from './memo-text';
import { parseTopdeskDate } from './topdesk-dates';
import type { ClosingTextSource } from './topdesk-options';
import type { TopdeskAction, TopdeskIncident } from './topdesk-types';

/** The processing status names we know without configuration; everything else needs `statusMap`. */
const DEFAULT_STATUS: Record<string, InboundStatus> = { 'In behandeling': 'in_progress' };
/**
 * Operators usually write what they did in the same save that completes the incident; an older
 * visible action is a message from along the way, not the closing text.
 */
const CLOSING_ACTION_WINDOW_MS = 60 * 60 * 1000;

/**
 * One changed incident as the engine sees it. The flags decide first (closed, then completed; the
 * `statusMap` keys `closed` and `completed` may override what they mean), then the processing
 * status by id or name. Our own actions (written by the API operator) are left out of the notes,
 * and so is the action used as the closing text.
 */
export function toRemoteChange(
  conn: BackOfficeConnection,
  incident: TopdeskIncident,
  actions: TopdeskAction[],
  closingTextSource: ClosingTextSource,
  apiOperatorId: string | null,
): RemoteChange {
  const theirs = actions
    .filter((action) => !apiOperatorId || action.operator?.id !== apiOperatorId)
    .map((action, index) => ({ action, at: parseTopdeskDate(action.entryDate) ?? 0, index }))
    // TOPdesk lists actions newest first; ties keep that order reversed.
    .sort((a, b) => a.at - b.at || b.index - a.index);
  const done = incident.completed || incident.closed;
  const closing = done ? closingTextOf(incident, theirs, closingTextSource) : { text: null, actionId: null };
  const processing = incident.processingStatus;
  return {
    externalId: incident.id,
    number: incident.number,
    reference: incident.externalNumber || null,
    remoteStatus:
      processing?.name ?? (incident.closed ? 'closed' : incident.completed ? 'completed' : 'open'),
    status: statusOf(conn, incident),
    closingText: closing.text,
    notes: theirs
      .filter(({ action }) => action.id !== closing.actionId && memoToText(action.memoText) !== '')
      .map(({ action, at }) => ({
        id: action.id,
        text: memoToText(action.memoText),
        at: new Date(at).toISOString(),
        author: action.operator?.name ?? action.person?.name ?? null,
        public: !action.invisibleForCaller,
      })),
    modifiedAt: new Date(parseTopdeskDate(incident.modificationDate) ?? 0).toISOString(),
  };
}

export function statusOf(conn: BackOfficeConnection, incident: TopdeskIncident): InboundStatus | null {
  if (incident.closed) return mapInboundStatus(conn, ['closed'], { closed: 'closed' });
  if (incident.completed) return mapInboundStatus(conn, ['completed'], { completed: 'resolved' });
  const processing = incident.processingStatus;
  return mapInboundStatus(conn, [processing?.id, processing?.name], DEFAULT_STATUS);
}

function closingTextOf(
  incident: TopdeskIncident,
  actions: { action: TopdeskAction; at: number }[],
  source: ClosingTextSource,
): { text: string | null; actionId: string | null } {
  if (source.from === 'none') return { text: null, actionId: null };
  if (source.from === 'field') {
    let value: unknown = incident;
    for (const key of source.path)
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
    const text = typeof value === 'string' ? memoToText(value) : '';
    return { text: text || null, actionId: null };
  }
  const completedAt = parseTopdeskDate(incident.completedDate) ?? parseTopdeskDate(incident.closedDate);
  const visible = actions.filter(
    ({ action, at }) =>
      !action.invisibleForCaller &&
      memoToText(action.memoText) !== '' &&
      (completedAt === null || at >= completedAt - CLOSING_ACTION_WINDOW_MS),
  );
  const newest = visible[visible.length - 1];
  return newest
    ? { text: memoToText(newest.action.memoText), actionId: newest.action.id }
    : { text: null, actionId: null };
}
