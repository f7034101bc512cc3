/** The parts of TOPdesk's answers the connector reads (TOPdesk sends many more fields). */

export interface TopdeskRef {
  id: string;
  name: string;
}

export interface TopdeskIncident {
  id: string;
  number: string;
  externalNumber: string | null;
  briefDescription?: string | null;
  processingStatus: TopdeskRef | null;
  onHold: boolean;
  completed: boolean;
  completedDate: string | null;
  closed: boolean;
  closedDate: string | null;
  creationDate?: string;
  modificationDate: string;
  [field: string]: unknown;
}

export interface TopdeskAction {
  id: string;
  memoText: string | null;
  invisibleForCaller: boolean;
  entryDate: string;
  operator: TopdeskRef | null;
  person: TopdeskRef | null;
}

/** The create body for `POST /incidents`. */
export interface TopdeskIncidentBody {
  caller: { dynamicName: string; email?: string; phoneNumber?: string };
  briefDescription: string;
  request: string;
  externalNumber: string;
  category?: TopdeskLookup;
  subcategory?: TopdeskLookup;
  operatorGroup?: TopdeskLookup;
  entryType?: TopdeskLookup;
  callType?: TopdeskLookup;
}

/** A reference field in a request: by id or by name, never both. */
export type TopdeskLookup = { id: string } | { name: string };
