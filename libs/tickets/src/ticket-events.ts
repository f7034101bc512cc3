/** History event types (ticket_event.type). */
export const HISTORY = {
  created: 'created',
  statusChanged: 'status_changed',
  messagePublic: 'message_public',
  messageInternal: 'message_internal',
  assigned: 'assigned',
  updated: 'updated',
} as const;

/** Outbox event types other contexts subscribe to. */
export const TICKET_EVENTS = {
  created: 'ticket.created',
  statusChanged: 'ticket.status_changed',
  messageAdded: 'ticket.message_added',
  updated: 'ticket.updated',
} as const;
export type TicketEventType = (typeof TICKET_EVENTS)[keyof typeof TICKET_EVENTS];
