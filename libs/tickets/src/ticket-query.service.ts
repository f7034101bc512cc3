import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, type RequestContext } from '@meldpunt/identity';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { TicketEventView, TicketPageView, TicketView } from './dto/ticket.view';
import { TicketRepository } from './ticket.repository';

@Injectable()
export class TicketQueryService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly audit: AuditLog,
  ) {}

  // Every read of personal data by staff or an integration is in the audit log before it is answered.
  async get(ctx: RequestContext, idOrReference: string): Promise<TicketView> {
    const row = await this.tickets.findVisible(ctx, idOrReference);
    if (!row) throw new NotFoundError('Ticket', idOrReference);
    await this.audit.recordRead(ctx, 'ticket.read', [
      { id: row.id, municipalityCode: row.municipality_code },
    ]);
    return TicketView.of(row);
  }

  /** Newest first; the cursor is the last ticket's number, so inserts never shift later pages. */
  async list(ctx: RequestContext, query: ListTicketsQuery): Promise<TicketPageView> {
    const limit = query.limit ?? 50;
    const rows = await this.tickets.list(ctx, {
      municipalities: query.municipality,
      statuses: query.status,
      categoryCode: query.categoryCode,
      q: query.q,
      breached: query.breached,
      caller: query.caller,
      teamId: query.team,
      before: query.cursor,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    if (page.length) {
      await this.audit.recordRead(
        ctx,
        'ticket.list',
        page.map((row) => ({ id: row.id, municipalityCode: row.municipality_code })),
        // Which filters, not their values: a search text may itself be a name.
        { filters: Object.keys(query).filter((k) => query[k as keyof ListTicketsQuery] !== undefined) },
      );
    }
    return {
      items: page.map((row) => TicketView.of(row)),
      nextCursor: rows.length > limit ? page[page.length - 1].number : null,
    };
  }

  async history(ctx: RequestContext, idOrReference: string): Promise<TicketEventView[]> {
    const row = await this.tickets.findVisible(ctx, idOrReference);
    if (!row) throw new NotFoundError('Ticket', idOrReference);
    await this.audit.recordRead(ctx, 'ticket.history', [
      { id: row.id, municipalityCode: row.municipality_code },
    ]);
    return (await this.tickets.history(row.id)).map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at.toISOString(),
      actor: e.actor,
      data: e.data,
    }));
  }

  /**
   * A ticket for background work acting for the region (sync jobs): not a staff read, so not in
   * the audit log; the work records what it disclosed or changed in the ticket's own history.
   */
  async getForBackground(ctx: RequestContext, idOrReference: string): Promise<TicketView | null> {
    const row = await this.tickets.findVisible(ctx, idOrReference);
    return row ? TicketView.of(row) : null;
  }

  /**
   * One history event, for consumers of the ticket's outbox events (the event's own facts: its
   * type, actor and data). Background work acting for the region; not a staff read, so not audited.
   */
  /** Several tickets by id (those the caller may see), read and audited together. */
  async getMany(ctx: RequestContext, ids: string[]): Promise<Map<string, TicketView>> {
    const rows = await this.tickets.findVisibleMany(ctx, ids);
    if (rows.length)
      await this.audit.recordRead(
        ctx,
        'ticket.read',
        rows.map((row) => ({ id: row.id, municipalityCode: row.municipality_code })),
      );
    return new Map(rows.map((row) => [row.id, TicketView.of(row)]));
  }

  /**
   * History events by (ticket, event) in one read, keyed by event id; an event that is not of its
   * ticket, or not visible, is left out.
   */
  async historyEvents(
    ctx: RequestContext,
    refs: { ticketId: string; eventId: string }[],
  ): Promise<Map<string, TicketEventView>> {
    const wanted = new Map(refs.map((r) => [r.eventId, r.ticketId]));
    const rows = await this.tickets.historyEventsById(ctx, [...wanted.keys()]);
    return new Map(
      rows
        .filter((e) => wanted.get(e.id) === e.ticketId)
        .map((e) => [e.id, { id: e.id, type: e.type, at: e.at.toISOString(), actor: e.actor, data: e.data }]),
    );
  }

  async historyEvent(
    ctx: RequestContext,
    ticketId: string,
    eventId: string,
  ): Promise<TicketEventView | null> {
    const e = await this.tickets.historyEvent(ctx, ticketId, eventId);
    return e ? { id: e.id, type: e.type, at: e.at.toISOString(), actor: e.actor, data: e.data } : null;
  }
}
