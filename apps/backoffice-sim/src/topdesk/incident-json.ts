import type { StoredAction, StoredIncident } from './incident-store';
import { formatTopdeskDate, wholeSecond } from './topdesk-dates';

const API = '/tas/api/incidents/id';

function date(ms: number | null): string | null {
  return ms === null ? null : formatTopdeskDate(ms);
}

/** An incident as TOPdesk answers it (the fields of a real answer; the ones we never set are null). */
export function incidentJson(incident: StoredIncident, now: number): Record<string, unknown> {
  const onHoldSeconds = incident.onHoldDate === null ? 0 : Math.floor((now - incident.onHoldDate) / 1000);
  return {
    id: incident.id,
    status: incident.status,
    number: incident.number,
    request: incident.request,
    requests: `${API}/${incident.id}/requests`,
    action: `${API}/${incident.id}/actions`,
    attachments: `${API}/${incident.id}/attachments`,
    caller: { ...incident.caller, branch: null },
    callerBranch: null,
    callerLocation: null,
    briefDescription: incident.briefDescription,
    externalNumber: incident.externalNumber,
    category: incident.category,
    subcategory: incident.subcategory,
    callType: incident.callType,
    entryType: incident.entryType,
    object: null,
    asset: null,
    branch: null,
    location: null,
    impact: null,
    urgency: null,
    priority: null,
    duration: null,
    targetDate: null,
    sla: null,
    onHold: incident.onHold,
    onHoldDate: date(incident.onHoldDate),
    onHoldDuration: onHoldSeconds,
    feedbackMessage: null,
    feedbackRating: null,
    operator: null,
    operatorGroup: incident.operatorGroup,
    supplier: null,
    processingStatus: incident.processingStatus,
    responded: false,
    responseDate: null,
    completed: incident.completed,
    completedDate: date(incident.completedDate),
    closed: incident.closed,
    closedDate: date(incident.closedDate),
    closureCode: null,
    timeSpent: 0,
    escalationStatus: null,
    callDate: date(incident.creationDate),
    creator: incident.creator,
    creationDate: date(incident.creationDate),
    modifier: incident.modifier,
    modificationDate: date(wholeSecond(incident.modificationDate)),
    majorCall: false,
    majorCallObject: null,
    publishToSsd: false,
    monitored: false,
    archivingReason: null,
    mainIncident: null,
    partialIncidents: [],
    externalLinks: [],
  };
}

export function actionJson(action: StoredAction): Record<string, unknown> {
  return {
    id: action.id,
    memoText: action.memoText,
    flag: 0,
    invisibleForCaller: action.invisibleForCaller,
    entryDate: formatTopdeskDate(action.entryDate),
    operator: action.operator,
    person: null,
  };
}
