import { HISTORY, TICKET_EVENTS, type TicketStatus } from '@meldpunt/tickets';
import type { NotificationKind } from './notification-kind';

/** The ticket event behind an outbox message: its type and the history entry it reports. */
export interface TriggeringEvent {
  type: string;
  entry: { type: string; actor: { type: string }; data: Record<string, unknown> };
}

/**
 * Which e-mail a ticket event calls for, if any. Citizens hear of their own report, of every
 * question and public message from the municipality, and of the resolution; the "forwarded to the
 * department" mail is optional per municipality; a ticket sent to another municipality tells them who
 * has it now; a report merged into another tells them so, and the other's resolution reaches them.
 * Their own replies never come back to them.
 * Each SLA breach (first response or resolution, one history event per clock) alerts the team.
 */
export function notificationKindFor(
  event: TriggeringEvent,
  options: { forwardedMail: boolean },
): NotificationKind | null {
  const { entry } = event;
  switch (event.type) {
    case TICKET_EVENTS.created:
      return 'acknowledgement';
    case TICKET_EVENTS.messageAdded:
      return entry.type === HISTORY.messagePublic && entry.actor.type !== 'citizen' ? 'message' : null;
    case TICKET_EVENTS.statusChanged:
      if (entry.data.to === 'waiting_for_citizen') return 'clarification';
      if (entry.data.to === 'resolved') return 'resolution';
      if (options.forwardedMail && entry.data.from === 'new' && entry.data.to === 'in_progress')
        return 'forwarded';
      return null;
    case TICKET_EVENTS.rerouted:
      return 'rerouted';
    // Only the duplicate's reporter is told of the merge; the other ticket's history records it.
    case TICKET_EVENTS.merged:
      return entry.type === HISTORY.merged ? 'merged' : null;
    case TICKET_EVENTS.mergeResolved:
      return 'resolution';
    case TICKET_EVENTS.forwardedExternal:
      return 'party_request';
    case TICKET_EVENTS.slaBreached:
      return entry.type === HISTORY.slaBreached ? 'escalation' : null;
    default:
      return null;
  }
}

/**
 * A question already answered, or a resolution already undone, is not worth an e-mail by the time
 * the event is handled: the ticket moved on. A breach stays a breach: the team hears of it even
 * when someone picked the ticket up meanwhile.
 */
export function isOutdated(kind: NotificationKind, currentStatus: TicketStatus, eventType?: string): boolean {
  if (kind === 'clarification') return currentStatus !== 'waiting_for_citizen';
  // A merged report stays cancelled (as a duplicate): the resolution it hears of is the other's.
  if (kind === 'resolution' && eventType === TICKET_EVENTS.mergeResolved) return false;
  if (kind === 'resolution') return currentStatus !== 'resolved' && currentStatus !== 'closed';
  return false;
}
