import type { TicketStatus } from './ticket-lifecycle';

/** How long after its resolution a citizen's reply still reopens the ticket (promised in the resolution mail). */
export const REOPEN_WINDOW_DAYS = 14;

/**
 * What a citizen's reply through their private link does:
 * - `answer`: it answers the open question; the ticket goes back to in_progress;
 * - `reopen`: the ticket was resolved less than 14 days ago; it goes back to in_progress;
 * - `message`: the ticket is still open; the reply is added as a public message;
 * - `refused`: closed, cancelled, or resolved longer ago (the citizen files a new report).
 */
export type CitizenReplyEffect = 'answer' | 'reopen' | 'message' | 'refused';

export function citizenReplyEffect(
  status: TicketStatus,
  resolvedAt: Date | null,
  now: Date,
): CitizenReplyEffect {
  if (status === 'waiting_for_citizen') return 'answer';
  if (status === 'new' || status === 'in_progress') return 'message';
  if (status !== 'resolved') return 'refused';
  if (!resolvedAt) return 'reopen';
  return now.getTime() - resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000 ? 'reopen' : 'refused';
}

/** A satisfaction score is asked for with the resolution mail, so it is taken once the work is done. */
export function acceptsFeedback(status: TicketStatus): boolean {
  return status === 'resolved' || status === 'closed';
}
