import { createHash } from 'node:crypto';
import { handleCaseAdmin, type AdminStatus } from '../case-admin';
import type { SimRequest, SimResponse } from '../sim-http';
import { applyIncidentChanges } from './incident-lifecycle';
import type { IncidentChanges } from './incident-input';
import type { StoredIncident } from './incident-store';
import { PROCESSING_STATUS } from './topdesk-catalog';
import type { TopdeskTenant } from './topdesk-tenant';

/**
 * The generic admin surface every simulated tool offers (tests and the benchmark drive the tools
 * through it): list cases, move a case's status and add a note, as an operator in the tool would.
 */
export function handleTopdeskAdmin(tenant: TopdeskTenant, req: SimRequest): SimResponse {
  const operator = tenant.catalog.backofficeOperator;
  return handleCaseAdmin<StoredIncident>(
    {
      noun: 'incident',
      list: (reference) =>
        tenant.store
          .all()
          .filter((incident) => reference === null || incident.externalNumber === reference)
          .sort((a, b) => a.sequence - b.sequence),
      get: (id) => tenant.store.get(id),
      addNote: (incident, text, isPublic) => {
        const action = { text, invisibleForCaller: !isPublic };
        applyIncidentChanges(tenant.store, incident, { action }, operator, tenant.now());
      },
      setStatus: (incident, status, closingText) => {
        const changes = statusChanges(tenant, incident, status);
        if (closingText && status !== 'in_progress') {
          // What an operator types when completing: a visible action, which TOPdesk shows the caller.
          changes.action = { text: closingText, invisibleForCaller: false };
        }
        applyIncidentChanges(tenant.store, incident, changes, operator, tenant.now());
      },
      json: caseJson,
    },
    req,
  );
}

function statusChanges(
  tenant: TopdeskTenant,
  incident: StoredIncident,
  status: AdminStatus,
): IncidentChanges {
  const named = (name: string) => tenant.catalog.processingStatus(name);
  switch (status) {
    case 'in_progress':
      // Taking a completed incident back into progress reopens it.
      return {
        processingStatus: named(PROCESSING_STATUS.inProgress),
        completed: incident.completed ? false : undefined,
      };
    case 'completed':
      return { processingStatus: named(PROCESSING_STATUS.completed), completed: true };
    case 'closed':
      return { processingStatus: named(PROCESSING_STATUS.closed), completed: true, closed: true };
  }
}

/** One case in the shape shared by every simulated tool. */
export function caseJson(incident: StoredIncident): Record<string, unknown> {
  return {
    id: incident.id,
    number: incident.number,
    reference: incident.externalNumber || null,
    status: incident.processingStatus.name,
    onHold: incident.onHold,
    completed: incident.completed,
    closed: incident.closed,
    notes: incident.actions.map((action) => ({
      id: action.id,
      text: action.memoText,
      public: !action.invisibleForCaller,
      author: action.operator?.name ?? null,
    })),
    attachments: incident.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      sha256: createHash('sha256').update(a.content).digest('hex'),
    })),
    createdAt: new Date(incident.creationDate).toISOString(),
    modifiedAt: new Date(incident.modificationDate).toISOString(),
  };
}
