import { TICKET_EVENTS } from '@meldpunt/tickets';

export const CONSOLE_QUEUE = 'console-events';

/** What the console hears: the contract's server events. */
export const CONSOLE_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.sla.warning',
  'ticket.sla.breached',
  'ticket.claimed',
  'ticket.released',
] as const;
export type ConsoleEventName = (typeof CONSOLE_EVENTS)[number];

/** Outbox event types that reach the console. */
export const FED_OUTBOX_TYPES: readonly string[] = Object.values(TICKET_EVENTS);

/** The console event an outbox event becomes: its own name if the contract has it, else an update. */
export function consoleEventFor(outboxType: string): ConsoleEventName {
  return (CONSOLE_EVENTS as readonly string[]).includes(outboxType)
    ? (outboxType as ConsoleEventName)
    : 'ticket.updated';
}

export function municipalityRoom(code: string): string {
  return `municipality:${code}`;
}
export const REGION_ROOM = 'region';
export function userRoom(id: string): string {
  return `user:${id}`;
}
