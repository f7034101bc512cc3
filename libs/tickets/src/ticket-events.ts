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
  claimed: 'claimed',
  released: 'released',
  // The citizen's satisfaction score, and the outcome of e-mails to the citizen (notifications).
  feedback: 'feedback',
  notificationSent: 'notification_sent',
  notificationFailed: 'notification_failed',
  // The reporter's personal data were removed (retention period over, or erasure on request).
  anonymised: 'anonymised',
  // The ticket got its case in the municipality's back-office (TOPdesk, Ultimo, 3P, webhook).
  backOfficeLinked: 'backoffice_linked',
  // A back-office call failed for good, or succeeded again after a manual retry.
  backOfficeSyncFailed: 'backoffice_sync_failed',
  // The transcript of the live chat the ticket came from (or that the caller added to it).
  chatTranscript: 'chat_transcript',
  // The ticket moved to another municipality; its case in the former one's back-office was let go.
  rerouted: 'rerouted',
  backOfficeReleased: 'backoffice_released',
  // Duplicates: this ticket was merged into another (`merged`), another was merged into this one
  // (`merge_received`), the ticket this one was merged into was resolved (`merge_resolved`).
  merged: 'merged',
  mergeReceived: 'merge_received',
  mergeResolved: 'merge_resolved',
  // A question sent to a party outside the municipality (its answers are internal messages).
  forwardedExternal: 'forwarded_external',
  // On call (wachtdienst): the person on watch was paged for an urgent ticket out of hours, took it,
  // or nobody (left) on the roster could be paged.
  onCallPaged: 'on_call_paged',
  onCallAcknowledged: 'on_call_acknowledged',
  onCallUnanswered: 'on_call_unanswered',
} as const;

/** Outbox event types other contexts subscribe to. */
export const TICKET_EVENTS = {
  created: 'ticket.created',
  statusChanged: 'ticket.status_changed',
  messageAdded: 'ticket.message_added',
  updated: 'ticket.updated',
  // Payload `fromMunicipalityCode`: the former municipality (its consoles and back-office let go).
  rerouted: 'ticket.rerouted',
  // Both tickets of a merge (history `merged` on the duplicate, `merge_received` on the other).
  merged: 'ticket.merged',
  // The ticket a duplicate was merged into was resolved: the duplicate's reporter is told.
  mergeResolved: 'ticket.merge_resolved',
  // A question went to an outside party: its e-mail with the answer link goes out.
  forwardedExternal: 'ticket.forwarded_external',
  // The person on watch was paged: the SMS and e-mail go out.
  onCallPaged: 'ticket.on_call_paged',
  // The console's event names (contract, real-time section).
  slaWarning: 'ticket.sla.warning',
  slaBreached: 'ticket.sla.breached',
  claimed: 'ticket.claimed',
  released: 'ticket.released',
  feedbackGiven: 'ticket.feedback_given',
  // An e-mail to the citizen failed for good: the console shows it (sent and retrying are history only).
  notificationFailed: 'ticket.notification_failed',
} as const;
export type TicketEventType = (typeof TICKET_EVENTS)[keyof typeof TICKET_EVENTS];
