import type { SimResponse } from '../sim-http';

/** TOPdesk's usual error body: a list of `{ "message": ... }`. */
export function topdeskError(status: number, ...messages: string[]): SimResponse {
  return { status, body: messages.map((message) => ({ message })) };
}
