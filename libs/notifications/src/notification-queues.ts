/** The outbox events notifications react to, one job per event (id `event-<outbox id>`). */
export const NOTIFICATION_EVENTS_QUEUE = 'notification-events';
/** One job per e-mail (id from its idempotency key), retried with exponential backoff. */
export const MAIL_DELIVERY_QUEUE = 'mail-delivery';
export const MAIL_DELIVERY_JOB = 'deliver';

export interface MailDeliveryJob {
  notificationId: string;
}

/**
 * BullMQ refuses ':' and plain integers in custom ids. The idempotency key (ticket, event, kind)
 * gives the same id when the same event is handled twice, so BullMQ keeps one job; a retry by hand
 * after a permanent failure gets its own suffix.
 */
export function deliveryJobId(
  key: { ticketId: string; eventId: string; kind: string },
  manualRetry = 0,
): string {
  const base = `mail-${key.ticketId}-${key.eventId}-${key.kind}`;
  return manualRetry ? `${base}-retry${manualRetry}` : base;
}
