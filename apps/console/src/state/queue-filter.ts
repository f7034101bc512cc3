import {
  OPEN_STATUSES,
  REGION_WIDE_ROLES,
  type StaffUser,
  type Ticket,
  type TicketStatus,
} from '../api/contract';

export interface QueueFilter {
  /** 'open' is new, in progress and waiting for the citizen: the working queue. */
  status: 'open' | 'all' | TicketStatus;
  municipality: string;
  category: string;
  /** A team of the chosen municipality (id), or '' for any. */
  team: string;
  q: string;
  breached: boolean;
}

export const DEFAULT_FILTER: QueueFilter = {
  status: 'open',
  municipality: '',
  category: '',
  team: '',
  q: '',
  breached: false,
};

export function filterKey(filter: QueueFilter): string {
  return JSON.stringify([
    filter.status,
    filter.municipality,
    filter.category,
    filter.team,
    filter.q.trim(),
    filter.breached,
  ]);
}

/** The list endpoint's query string for a filter. */
export function listQuery(filter: QueueFilter, cursor: string | null, limit: number): string {
  const params = new URLSearchParams();
  if (filter.status === 'open') params.set('status', OPEN_STATUSES.join(','));
  else if (filter.status !== 'all') params.set('status', filter.status);
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.category) params.set('categoryCode', filter.category);
  if (filter.team) params.set('team', filter.team);
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.breached) params.set('breached', 'true');
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

/**
 * Whether a ticket that changed live belongs in the queue as filtered. The text search is the
 * api's Dutch full-text search; here a ticket matches when every word occurs in its reference,
 * subject or description, which is close enough to keep a searched list current.
 */
export function matchesFilter(filter: QueueFilter, ticket: Ticket): boolean {
  if (filter.status === 'open' && !OPEN_STATUSES.includes(ticket.status)) return false;
  if (filter.status !== 'open' && filter.status !== 'all' && ticket.status !== filter.status) return false;
  if (filter.municipality && ticket.municipalityCode !== filter.municipality) return false;
  if (filter.category && ticket.categoryCode !== filter.category) return false;
  if (filter.team && ticket.team?.id !== filter.team) return false;
  if (filter.breached && !ticket.sla.breached.response && !ticket.sla.breached.resolution) return false;
  const q = fold(filter.q.trim());
  if (!q) return true;
  const text = fold(`${ticket.reference} ${ticket.subject} ${ticket.description}`);
  return q.split(/\s+/).every((word) => text.includes(word));
}

/** The api scopes everything it sends; this second check keeps foreign tickets out regardless. */
export function inScope(user: StaffUser, ticket: Pick<Ticket, 'municipalityCode'>): boolean {
  if (user.roles.some((role) => REGION_WIDE_ROLES.includes(role))) return true;
  return user.municipalities.includes(ticket.municipalityCode);
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
