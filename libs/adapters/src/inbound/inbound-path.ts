import { canTransition, type TicketStatus } from '@meldpunt/tickets';
import type { InboundStatus } from '../port/back-office-adapter';

// The steps a back-office may take our ticket through; never cancel, never wait for the citizen
// (both are the contact center's decisions).
const STEPS: TicketStatus[] = ['in_progress', 'resolved', 'closed'];

/**
 * The transitions that bring a ticket from `from` to the back-office's status, shortest first
 * (a new ticket the back-office completed goes new -> in_progress -> resolved, so the history and
 * the SLA clocks see every step). Empty when it is there already; null when the lifecycle does not
 * allow it (a cancelled ticket stays cancelled; a closed one is not reopened by a back-office).
 */
export function inboundPath(from: TicketStatus, to: InboundStatus): TicketStatus[] | null {
  if (from === to) return [];
  const queue: { at: TicketStatus; path: TicketStatus[] }[] = [{ at: from, path: [] }];
  const seen = new Set<TicketStatus>([from]);
  while (queue.length) {
    const { at, path } = queue.shift()!;
    for (const next of STEPS) {
      if (seen.has(next) || !canTransition(at, next)) continue;
      if (next === to) return [...path, next];
      seen.add(next);
      queue.push({ at: next, path: [...path, next] });
    }
  }
  return null;
}
