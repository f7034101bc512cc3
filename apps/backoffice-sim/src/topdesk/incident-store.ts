import { randomUUID } from 'node:crypto';
import type { TopdeskRef } from './topdesk-catalog';

export type IncidentLine = 'firstLine' | 'secondLine' | 'partial';

export interface StoredCaller {
  /** Set for a registered person (`callerLookup`), null for an unregistered caller. */
  id: string | null;
  dynamicName: string;
  email: string | null;
  phoneNumber: string | null;
}

export interface StoredAction {
  id: string;
  memoText: string;
  invisibleForCaller: boolean;
  entryDate: number;
  operator: TopdeskRef | null;
}

export interface StoredIncident {
  id: string;
  number: string;
  status: IncidentLine;
  caller: StoredCaller;
  briefDescription: string;
  request: string;
  externalNumber: string;
  category: TopdeskRef | null;
  subcategory: TopdeskRef | null;
  operatorGroup: TopdeskRef | null;
  entryType: TopdeskRef | null;
  callType: TopdeskRef | null;
  processingStatus: TopdeskRef;
  onHold: boolean;
  onHoldDate: number | null;
  completed: boolean;
  completedDate: number | null;
  closed: boolean;
  closedDate: number | null;
  creationDate: number;
  /** Milliseconds: the API shows and compares it to the second (see `wholeSecond`). */
  modificationDate: number;
  modifier: TopdeskRef;
  creator: TopdeskRef;
  actions: StoredAction[];
  attachments: StoredAttachment[];
  /** Insertion order: the tie-break when sorting by a date, so paging is stable. */
  sequence: number;
}

export type NewIncident = Omit<StoredIncident, 'id' | 'number' | 'actions' | 'attachments' | 'sequence'>;

/** A file uploaded to an incident (`POST /incidents/id/{id}/attachments`). */
export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
  entryDate: Date;
}

/** The tenant's incidents, in memory. externalNumber is not unique, as in TOPdesk. */
export class IncidentStore {
  private readonly byId = new Map<string, StoredIncident>();
  private numberSequence = 0;
  private insertSequence = 0;

  constructor(private readonly now: () => number) {}

  all(): StoredIncident[] {
    return [...this.byId.values()];
  }

  get(id: string): StoredIncident | undefined {
    return this.byId.get(id);
  }

  byNumber(number: string): StoredIncident | undefined {
    return this.all().find((incident) => incident.number === number);
  }

  create(fields: NewIncident): StoredIncident {
    const incident: StoredIncident = {
      ...fields,
      id: randomUUID(),
      number: this.nextNumber(fields.creationDate),
      actions: [],
      attachments: [],
      sequence: this.insertSequence++,
    };
    this.byId.set(incident.id, incident);
    return incident;
  }

  addAction(
    incident: StoredIncident,
    memoText: string,
    invisibleForCaller: boolean,
    operator: TopdeskRef,
  ): void {
    incident.actions.push({
      id: randomUUID(),
      memoText,
      invisibleForCaller,
      entryDate: this.now(),
      operator,
    });
  }

  /** Every change, through the API or the admin surface, moves the modification date. */
  touch(incident: StoredIncident, modifier: TopdeskRef): void {
    incident.modificationDate = this.now();
    incident.modifier = modifier;
  }

  reset(): void {
    this.byId.clear();
    this.numberSequence = 0;
    this.insertSequence = 0;
  }

  /** `I 2611 0042`: the tenant's default pattern (I, two-digit year and month, a counter). */
  private nextNumber(at: number): string {
    const date = new Date(at);
    const yymm = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    this.numberSequence++;
    return `I ${yymm} ${String(this.numberSequence).padStart(4, '0')}`;
  }
}
