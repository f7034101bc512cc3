import { Initial1795468858356 } from './1795468858356-Initial';
import { TicketSequenceSearchAndNotify1795468858357 } from './1795468858357-TicketSequenceSearchAndNotify';
import { SlaClocks1795470300009 } from './1795470300009-SlaClocks';

// Every migration, in order. `npm run migration:generate` writes a new file here; add it below
// (the drift test fails until the entities and this list agree).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795468858356,
  TicketSequenceSearchAndNotify1795468858357,
  SlaClocks1795470300009,
];
