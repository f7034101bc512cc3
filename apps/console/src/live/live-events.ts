import type { Holder, Ticket } from '../api/contract';

/** Server events of the /console namespace (contract, "Real time"). */
export const TICKET_EVENT_NAMES = [
  'ticket.created',
  'ticket.updated',
  'ticket.sla.warning',
  'ticket.sla.breached',
  'ticket.claimed',
  'ticket.released',
] as const;
export type TicketEventName = (typeof TICKET_EVENT_NAMES)[number];

export interface TicketEvent {
  eventId: string;
  ticket: Ticket;
  heldBy?: Holder | null;
}

export interface PresentAgent {
  id: string;
  name: string;
  viewing: string | null;
}

export interface PresenceEvent {
  eventId: string | null;
  agents: PresentAgent[];
}

export interface ClaimAck {
  ok: boolean;
  heldBy: Holder | null;
}

export interface ResumeAck {
  ok: boolean;
  replayed?: number;
  more?: boolean;
}

/** Event ids are increasing decimal strings (outbox ids): compare them as numbers of any length. */
export function laterEventId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a > b ? a : b;
}
