export const TICKET_STATUSES = [
  'new',
  'in_progress',
  'waiting_for_citizen',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const CANCEL_REASONS = ['duplicate', 'not_for_us', 'spam'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * The lifecycle of every ticket, whatever its channel or back-office:
 *   new -> in_progress -> resolved -> closed
 *   in_progress <-> waiting_for_citizen
 *   new | in_progress -> cancelled (with a reason)
 *   resolved -> in_progress (reopened)
 */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['in_progress', 'cancelled'],
  in_progress: ['waiting_for_citizen', 'resolved', 'cancelled'],
  waiting_for_citizen: ['in_progress'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_citizen'];

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Closed and cancelled tickets take no more public messages. */
export function isFinal(status: TicketStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** What a transition needs besides the target status. */
export function transitionRequirement(to: TicketStatus): 'question' | 'reason' | null {
  if (to === 'waiting_for_citizen') return 'question';
  if (to === 'cancelled') return 'reason';
  return null;
}
