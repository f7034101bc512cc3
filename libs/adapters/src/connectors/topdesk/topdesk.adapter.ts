import {
  type BackOfficeAdapter,
  type BackOfficeConnection,
  BackOfficeError,
  type BackOfficeHealth,
  type CaseAttachment,
  type CaseDraft,
  type CaseHold,
  type CaseNote,
  type ChangePage,
  type ExternalCase,
  type RemoteChange,
} from '../../port/back-office-adapter';
import { decodeCursor, encodeCursor, changeQuery, nextCursor } from './change-cursor';
import { incidentBody } from './incident-draft';
import { toRemoteChange } from './remote-change';
import { parseTopdeskDate } from './topdesk-dates';
import { fetchPage, topdeskFetch } from './topdesk-http';
import { currentOperatorId, findIncidentByReference, listActions, patchIncident } from './topdesk-incidents';
import { readTopdeskOptions } from './topdesk-options';
import type { TopdeskIncident } from './topdesk-types';

/**
 * Changed incidents whose actions are read at the same time: a page waits for its slowest read, and
 * with a few timeouts in a page, four at a time made one page of fifty take seconds.
 */
const ACTION_READS_IN_PARALLEL = 10;

/** TOPdesk's incident API (`<tenant>/tas/api`). README.md in this folder explains the choices. */
export class TopdeskAdapter implements BackOfficeAdapter {
  readonly type = 'topdesk' as const;

  async createCase(conn: BackOfficeConnection, draft: CaseDraft): Promise<ExternalCase> {
    const options = readTopdeskOptions(conn);
    if (!draft.probablyNew) {
      const existing = await findIncidentByReference(conn, draft.reference);
      if (existing) return externalCase(conn, existing, false);
    }
    const response = await topdeskFetch<TopdeskIncident>(conn, {
      method: 'POST',
      path: '/incidents',
      body: incidentBody(conn, draft, options),
    });
    if (!response.body?.id)
      throw new BackOfficeError('POST /incidents: TOPdesk answered without an incident id', true);
    return externalCase(conn, response.body, true);
  }

  async addNote(conn: BackOfficeConnection, ref: ExternalCase, note: CaseNote): Promise<void> {
    // There is no POST for actions: a note is a PATCH that adds one to the incident's history.
    await patchIncident(conn, ref.id, {
      action: note.text,
      actionInvisibleForCaller: note.visibility === 'internal',
    });
  }

  /** TOPdesk keeps files per incident: `GET` lists them, `POST` (multipart, field `file`) adds one. */
  async addAttachments(
    conn: BackOfficeConnection,
    ref: ExternalCase,
    files: CaseAttachment[],
  ): Promise<number> {
    const path = `/incidents/id/${encodeURIComponent(ref.id)}/attachments`;
    const existing = await topdeskFetch<{ fileName?: string }[] | null>(conn, { method: 'GET', path });
    const names = new Set((Array.isArray(existing.body) ? existing.body : []).map((a) => a.fileName));
    let sent = 0;
    for (const file of files) {
      if (names.has(file.filename)) continue;
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(file.content)], { type: file.contentType }),
        file.filename,
      );
      await topdeskFetch(conn, { method: 'POST', path, form });
      sent++;
    }
    return sent;
  }

  /**
   * Completed and closed off, back to the processing status the operators work from ("In
   * behandeling" unless `options.reopenStatus` names another), with why as an internal action.
   */
  async reopenCase(conn: BackOfficeConnection, ref: ExternalCase, note: string): Promise<void> {
    await patchIncident(conn, ref.id, {
      completed: false,
      closed: false,
      processingStatus: { name: readTopdeskOptions(conn).reopenStatus },
      action: note,
      actionInvisibleForCaller: true,
    });
  }

  async setOnHold(conn: BackOfficeConnection, ref: ExternalCase, hold: CaseHold): Promise<void> {
    const { onHold, reason } = hold;
    const body: Record<string, unknown> = { onHold };
    // The reason goes along as an internal action, so the operator sees why the case waits or resumes.
    if (reason?.trim()) Object.assign(body, { action: reason, actionInvisibleForCaller: true });
    await patchIncident(conn, ref.id, body);
  }

  async fetchChanges(conn: BackOfficeConnection, cursor: string | null, since: Date): Promise<ChangePage> {
    const options = readTopdeskOptions(conn);
    const current = decodeCursor(cursor, since);
    const page = await fetchPage<TopdeskIncident>(conn, '/incidents', {
      query: changeQuery(current),
      sort: 'modificationDate:asc',
      pageStart: current.pageStart,
      pageSize: options.pageSize,
    });
    const ours = page.items.filter((incident) =>
      (incident.externalNumber ?? '').startsWith(options.referencePrefix),
    );
    const operatorId = ours.length ? (options.apiOperatorId ?? (await currentOperatorId(conn))) : null;
    const changes: RemoteChange[] = [];
    for (let i = 0; i < ours.length; i += ACTION_READS_IN_PARALLEL) {
      const batch = ours.slice(i, i + ACTION_READS_IN_PARALLEL);
      const actions = await Promise.all(batch.map((incident) => listActions(conn, incident.id)));
      batch.forEach((incident, j) =>
        changes.push(toRemoteChange(conn, incident, actions[j], options.closingText, operatorId)),
      );
    }
    const modifiedAt = page.items
      .map((incident) => parseTopdeskDate(incident.modificationDate))
      .filter((ms): ms is number => ms !== null);
    return { changes, cursor: encodeCursor(nextCursor(current, modifiedAt, page.more)), more: page.more };
  }

  async health(conn: BackOfficeConnection): Promise<BackOfficeHealth> {
    try {
      const response = await topdeskFetch<{ version?: unknown } | null>(conn, {
        method: 'GET',
        path: '/version',
      });
      const version = typeof response.body?.version === 'string' ? response.body.version : undefined;
      return { ok: true, version };
    } catch (error) {
      if (error instanceof BackOfficeError) return { ok: false, detail: error.message };
      throw error;
    }
  }
}

/** The operator's link: TOPdesk's incident card, found by its id under the tenant's root. */
function externalCase(conn: BackOfficeConnection, incident: TopdeskIncident, created: boolean): ExternalCase {
  const root = conn.baseUrl.replace(/\/+$/, '').replace(/\/tas\/api$/, '');
  return {
    id: incident.id,
    number: incident.number,
    url: `${root}/tas/secure/incident?unid=${encodeURIComponent(incident.id)}`,
    created,
  };
}
