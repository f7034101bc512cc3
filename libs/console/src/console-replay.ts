import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@meldpunt/identity';
import { TicketQueryService, type TicketView } from '@meldpunt/tickets';
import { consoleEventFor, FED_OUTBOX_TYPES } from './console-events';

const PAGE = 500;

export interface ReplayedEvent {
  name: string;
  payload: { eventId: string; ticket: TicketView };
}

/**
 * Missed events come from the outbox table (kept 7 days), filtered by the caller's
 * municipalities in SQL. Each carries the ticket as it is now. A client that reconnects asks
 * again with the last id it got while `more` is true.
 */
@Injectable()
export class ConsoleReplay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketQueryService,
  ) {}

  async since(
    ctx: RequestContext,
    sinceEventId: string,
  ): Promise<{ events: ReplayedEvent[]; more: boolean }> {
    const rows = await this.dataSource.query<{ id: string; type: string; aggregate_id: string }[]>(
      `SELECT id, type, aggregate_id FROM outbox_event
        WHERE id > $1::bigint AND type = ANY($2::text[])
          AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
        ORDER BY id LIMIT $4`,
      [sinceEventId, FED_OUTBOX_TYPES, ctx.scope === 'all' ? null : [...ctx.scope], PAGE + 1],
    );
    const page = rows.slice(0, PAGE);
    const views = new Map<string, TicketView>();
    for (const id of new Set(page.map((r) => r.aggregate_id))) {
      views.set(id, await this.tickets.get(ctx, id).catch(() => null as unknown as TicketView));
    }
    const events = page
      .filter((r) => views.get(r.aggregate_id))
      .map((r) => ({
        name: consoleEventFor(r.type),
        payload: { eventId: r.id, ticket: views.get(r.aggregate_id)! },
      }));
    return { events, more: rows.length > PAGE };
  }
}
