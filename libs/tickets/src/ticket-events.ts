/** History event types (ticket_event.type). */
export const HISTORY = {
  created: 'created',
  statusChanged: 'status_changed',
  messagePublic: 'message_public',
  messageInternal: 'message_internal',
  assigned: 'assigned',
  updated: 'updated',
  slaWarning: 'sla_warning',
  slaBreached: 'sla_breached',
} as const;

/** Outbox event types other contexts subscribe to. */
export const TICKET_EVENTS = {
  created: 'ticket.created',
  statusChanged: 'ticket.status_changed',
  messageAdded: 'ticket.message_added',
  updated: 'ticket.updated',
  // The console's event names (contract, real-time section).
  slaWarning: 'ticket.sla.warning',
  slaBreached: 'ticket.sla.breached',
} as const;
export type TicketEventType = (typeof TICKET_EVENTS)[keyof typeof TICKET_EVENTS];
