import type { IncidentChanges } from './incident-input';
import type { IncidentStore, StoredIncident } from './incident-store';
import type { TopdeskRef } from './topdesk-catalog';

/**
 * Applies validated changes the way TOPdesk moves an incident through its life: the date fields
 * follow their flags, closing implies completing, reopening (completed false) also reopens a
 * closed incident, and a completed incident is no longer on hold. Always moves the modification date.
 */
export function applyIncidentChanges(
  store: IncidentStore,
  incident: StoredIncident,
  changes: IncidentChanges,
  by: TopdeskRef,
  now: number,
): void {
  const { action, onHold, completed, closed, processingStatus, ...fields } = changes;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(incident, { [key]: value });
  }
  // Every incident has a processing status: clearing it keeps the current one.
  if (processingStatus) incident.processingStatus = processingStatus;
  if (onHold !== undefined && onHold !== incident.onHold) {
    incident.onHold = onHold;
    incident.onHoldDate = onHold ? now : null;
  }
  if (completed === false && incident.completed) {
    Object.assign(incident, { completed: false, completedDate: null, closed: false, closedDate: null });
  }
  if ((completed === true || closed === true) && !incident.completed) {
    Object.assign(incident, { completed: true, completedDate: now, onHold: false, onHoldDate: null });
  }
  if (closed === true && !incident.closed) Object.assign(incident, { closed: true, closedDate: now });
  if (closed === false && incident.closed) Object.assign(incident, { closed: false, closedDate: null });
  if (action) store.addAction(incident, action.text, action.invisibleForCaller, by);
  store.touch(incident, by);
}
