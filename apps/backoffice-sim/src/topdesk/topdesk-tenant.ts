import { IncidentStore } from './incident-store';
import type { ListLimits } from './incident-list';
import { TopdeskCatalog } from './topdesk-catalog';

/** One simulated TOPdesk tenant: its searchlists, its incidents and its clock. */
export class TopdeskTenant {
  readonly catalog = new TopdeskCatalog();
  readonly store: IncidentStore;

  constructor(
    readonly now: () => number,
    readonly limits: ListLimits,
    readonly version: string,
  ) {
    this.store = new IncidentStore(now);
  }
}
