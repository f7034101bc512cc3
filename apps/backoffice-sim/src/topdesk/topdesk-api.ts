import { randomUUID } from 'node:crypto';
import { multipartFiles, type SimRequest, type SimResponse } from '../sim-http';
import { parseIncidentInput } from './incident-input';
import { actionJson, incidentJson } from './incident-json';
import { applyIncidentChanges } from './incident-lifecycle';
import { listIncidents } from './incident-list';
import type { StoredIncident } from './incident-store';
import { PROCESSING_STATUS } from './topdesk-catalog';
import { topdeskError } from './topdesk-errors';
import type { TopdeskTenant } from './topdesk-tenant';

/** The incident API under `/tas/api`, for an already authenticated operator. */
export function handleTopdeskApi(tenant: TopdeskTenant, req: SimRequest): SimResponse {
  if (req.invalidJson) return topdeskError(400, 'The request body is not valid JSON.');
  const { catalog } = tenant;
  const path = req.path.replace(/\/+$/, '') || '/';
  if (req.method === 'GET') {
    switch (path) {
      case '/version':
        return { status: 200, body: { version: tenant.version } };
      case '/operators/current':
        return { status: 200, body: operatorJson(catalog.apiOperator) };
      case '/incidents':
        return listIncidents(tenant.store.all(), req.query, tenant.limits, tenant.now());
      case '/incidents/statuses':
        return { status: 200, body: catalog.processingStatuses };
      case '/incidents/categories':
        return { status: 200, body: catalog.categories };
      case '/incidents/subcategories':
        return { status: 200, body: catalog.subcategories };
      case '/incidents/entry_types':
        return { status: 200, body: catalog.entryTypes };
      case '/incidents/call_types':
        return { status: 200, body: catalog.callTypes };
      case '/operatorgroups':
        return { status: 200, body: catalog.operatorGroups.map((g) => ({ id: g.id, groupName: g.name })) };
    }
  }
  if (path === '/incidents') return req.method === 'POST' ? createIncident(tenant, req.body) : notAllowed();

  const match = /^\/incidents\/(id|number)\/([^/]+)(\/actions|\/attachments)?$/.exec(path);
  if (!match) return topdeskError(404, `No resource at ${path}.`);
  const key = decodeURIComponent(match[2]);
  const incident = match[1] === 'id' ? tenant.store.get(key) : tenant.store.byNumber(key);
  if (!incident) return topdeskError(404, `No incident found with ${match[1]} '${key}'.`);
  if (match[3] === '/attachments') return attachments(tenant, incident, req);
  if (match[3]) return req.method === 'GET' ? listActions(incident, req.query) : notAllowed();
  if (req.method === 'GET') return { status: 200, body: incidentJson(incident, tenant.now()) };
  // PUT behaves like PATCH here: TOPdesk's PUT also only changes the fields it is given.
  if (req.method === 'PATCH' || req.method === 'PUT') return updateIncident(tenant, incident, req.body);
  return notAllowed();
}

function createIncident(tenant: TopdeskTenant, body: unknown): SimResponse {
  const { catalog, store } = tenant;
  const { changes, errors } = parseIncidentInput(body, catalog, null);
  if (errors.length || !changes.caller) return topdeskError(400, ...errors);
  const now = tenant.now();
  const incident = store.create({
    status: changes.status ?? 'firstLine',
    caller: changes.caller,
    briefDescription: changes.briefDescription ?? '',
    request: changes.request ?? '',
    externalNumber: changes.externalNumber ?? '',
    category: changes.category ?? null,
    subcategory: changes.subcategory ?? null,
    operatorGroup: changes.operatorGroup ?? null,
    entryType: changes.entryType ?? null,
    callType: changes.callType ?? null,
    processingStatus: changes.processingStatus ?? catalog.processingStatus(PROCESSING_STATUS.logged),
    onHold: false,
    onHoldDate: null,
    completed: false,
    completedDate: null,
    closed: false,
    closedDate: null,
    creationDate: now,
    modificationDate: now,
    creator: catalog.apiOperator,
    modifier: catalog.apiOperator,
  });
  const { onHold, completed, closed, action } = changes;
  applyIncidentChanges(store, incident, { onHold, completed, closed, action }, catalog.apiOperator, now);
  return { status: 201, body: incidentJson(incident, now) };
}

function updateIncident(tenant: TopdeskTenant, incident: StoredIncident, body: unknown): SimResponse {
  const { changes, errors } = parseIncidentInput(body, tenant.catalog, incident);
  if (errors.length) return topdeskError(400, ...errors);
  const now = tenant.now();
  applyIncidentChanges(tenant.store, incident, changes, tenant.catalog.apiOperator, now);
  return { status: 200, body: incidentJson(incident, now) };
}

/**
 * `GET .../actions`: newest first, paged like the incident list (`pageStart`, `pageSize` up to 100,
 * default 10; 206 while more follow, 204 when there are none).
 */
function listActions(incident: StoredIncident, params: URLSearchParams): SimResponse {
  const pageStart = Number(params.get('pageStart') ?? params.get('start') ?? 0);
  const pageSize = Number(params.get('pageSize') ?? params.get('page_size') ?? 10);
  if (
    !Number.isInteger(pageStart) ||
    pageStart < 0 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > 100
  ) {
    return topdeskError(400, "The values for 'pageStart' and 'pageSize' are not valid.");
  }
  const newestFirst = [...incident.actions].reverse();
  const page = newestFirst.slice(pageStart, pageStart + pageSize);
  if (page.length === 0) return { status: 204 };
  return { status: pageStart + pageSize < newestFirst.length ? 206 : 200, body: page.map(actionJson) };
}

/**
 * `GET .../attachments` lists an incident's files; `POST` (multipart/form-data, field `file`)
 * uploads one, as TOPdesk's own API: at most 5 MB here, as on a default TOPdesk.
 */
function attachments(tenant: TopdeskTenant, incident: StoredIncident, req: SimRequest): SimResponse {
  const json = (a: StoredIncident['attachments'][number]) => ({
    id: a.id,
    fileName: a.fileName,
    size: a.size,
    contentType: a.contentType,
    entryDate: a.entryDate.toISOString(),
    downloadUrl: `/tas/api/incidents/id/${incident.id}/attachments/${a.id}/download`,
  });
  if (req.method === 'GET') {
    return incident.attachments.length
      ? { status: 200, body: incident.attachments.map(json) }
      : { status: 204 };
  }
  if (req.method !== 'POST') return notAllowed();
  const file = multipartFiles(req).find((f) => f.field === 'file');
  if (!file) return topdeskError(400, "The request has no file in the form field 'file'.");
  if (file.content.length > 5 * 1024 * 1024) return topdeskError(413, 'The file is larger than 5 MB.');
  const stored = {
    id: randomUUID(),
    fileName: file.filename,
    contentType: file.contentType,
    size: file.content.length,
    content: file.content,
    entryDate: new Date(tenant.now()),
  };
  incident.attachments.push(stored);
  return { status: 201, body: json(stored) };
}

function operatorJson(operator: { id: string; name: string }): Record<string, unknown> {
  return { id: operator.id, dynamicName: operator.name, firstName: 'Meldpunt', surName: 'Koppeling' };
}

function notAllowed(): SimResponse {
  return topdeskError(405, 'Method not allowed.');
}
