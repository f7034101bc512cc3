import { randomUUID } from 'node:crypto';

/** A reference to a searchlist entry, as TOPdesk answers it. */
export interface TopdeskRef {
  id: string;
  name: string;
}

export interface Subcategory extends TopdeskRef {
  category: TopdeskRef;
}

/** The reference fields this simulator knows, with the lists a municipality's tenant would hold. */
export type ReferenceField =
  'category' | 'subcategory' | 'operatorGroup' | 'processingStatus' | 'entryType' | 'callType';

export const PROCESSING_STATUS = {
  logged: 'Aangemeld',
  inProgress: 'In behandeling',
  waiting: 'Wachten',
  completed: 'Afgemeld',
  closed: 'Gesloten',
} as const;

const CATEGORIES: Record<string, string[]> = {
  'Openbaar domein': ['Wegen', 'Verlichting', 'Groen', 'Netheid'],
  Dienstverlening: ['Algemeen'],
};

/** A tenant's searchlists: ids are generated per simulator, so clients must look names up like in real life. */
export class TopdeskCatalog {
  readonly categories: TopdeskRef[] = [];
  readonly subcategories: Subcategory[] = [];
  readonly operatorGroups = refs(['Team wegen', 'Team groen', 'Onthaal']);
  readonly processingStatuses = refs(Object.values(PROCESSING_STATUS));
  readonly entryTypes = refs(['Telefonisch', 'E-mail', 'Meldpunt']);
  readonly callTypes = refs(['Melding', 'Vraag', 'Klacht']);
  /** The operator behind the API account, and the one the admin surface acts as. */
  readonly apiOperator: TopdeskRef = { id: randomUUID(), name: 'Meldpunt koppeling' };
  readonly backofficeOperator: TopdeskRef = { id: randomUUID(), name: 'Backoffice operator' };

  constructor() {
    for (const [name, subs] of Object.entries(CATEGORIES)) {
      const category = { id: randomUUID(), name };
      this.categories.push(category);
      for (const sub of subs) this.subcategories.push({ id: randomUUID(), name: sub, category });
    }
  }

  list(field: ReferenceField): TopdeskRef[] {
    switch (field) {
      case 'category':
        return this.categories;
      case 'subcategory':
        return this.subcategories;
      case 'operatorGroup':
        return this.operatorGroups;
      case 'processingStatus':
        return this.processingStatuses;
      case 'entryType':
        return this.entryTypes;
      case 'callType':
        return this.callTypes;
    }
  }

  processingStatus(name: string): TopdeskRef {
    const status = this.processingStatuses.find((s) => s.name === name);
    if (!status) throw new Error(`No processing status ${name}`);
    return status;
  }
}

function refs(names: string[]): TopdeskRef[] {
  return names.map((name) => ({ id: randomUUID(), name }));
}
