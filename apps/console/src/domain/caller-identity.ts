import type { Ticket } from '../api/contract';

/** A Belgian or international number as +<digits>, for comparing what the agent types. */
export function normalisePhone(value: string): string | null {
  const compact = value.replace(/[\s./()-]/g, '');
  if (!/^\+?\d{8,15}$/.test(compact) && !/^00\d{8,15}$/.test(compact)) return null;
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (compact.startsWith('0')) return `+32${compact.slice(1)}`;
  return null;
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value.trim());
}

/**
 * Whether a ticket was reported by this caller. The api's `caller` search does the finding; this
 * keeps anything else out of the "earlier tickets" list (never another citizen's ticket).
 */
export function isCallersTicket(
  ticket: Ticket,
  caller: { phone: string | null; email: string | null },
): boolean {
  const reporter = ticket.reporter;
  if (!reporter) return false;
  if (caller.email && reporter.email?.toLowerCase() === caller.email.toLowerCase()) return true;
  if (caller.phone && reporter.phone && normalisePhone(reporter.phone) === caller.phone) return true;
  return false;
}
