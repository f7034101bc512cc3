import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityCalendars } from '@meldpunt/sla';
import {
  HISTORY,
  OPEN_STATUSES,
  TICKET_EVENTS,
  TicketRepository,
  type TicketRow,
  type TicketTransaction,
} from '@meldpunt/tickets';
import { OnCallPageEntity } from './entities/on-call-page.entity';
import { OnCallRoster } from './on-call-roster';

const SYSTEM = RequestContext.system('on-call');

/** A ticket the person on watch is called for: urgent (P1), open, and out of the municipality's hours. */
export function needsOnCall(row: Pick<TicketRow, 'priority' | 'status'>, openNow: boolean): boolean {
  return row.priority === 'P1' && OPEN_STATUSES.includes(row.status) && !openNow;
}

/**
 * Pages the person on watch for an urgent ticket out of hours, and the next one when nobody
 * acknowledges in time (ON_CALL_ACK_MS). Each page is a row (one per ticket and step, so a
 * redelivered event pages nobody twice), a history event and an outbox event in one transaction;
 * the outbox event sends the SMS and the e-mail. When the roster runs out, a row and a history
 * event say so. Anyone who sees the ticket may acknowledge for the person paged (the regional
 * desk reached them by phone); the console shows who was paged and who took it.
 */
@Injectable()
export class OnCallPaging {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly roster: OnCallRoster,
    private readonly calendars: MunicipalityCalendars,
    private readonly config: AppConfig,
    @InjectRepository(OnCallPageEntity) private readonly pages: Repository<OnCallPageEntity>,
  ) {}

  /** The open P1 tickets among `ids`, in one statement: the only ones that may need a page. */
  async urgentAmong(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const found = await this.pages.query<{ id: string }[]>(
      `SELECT id::text FROM ticket WHERE id = ANY($1::uuid[]) AND priority = 'P1' AND status = ANY($2::text[])`,
      [[...new Set(ids)], OPEN_STATUSES],
    );
    return new Set(found.map((r) => r.id));
  }

  /** After a ticket event: pages the first person on watch if the ticket calls for it and nobody was. */
  async onTicketChanged(ticketId: string): Promise<string> {
    const [row] = await this.tickets.findVisibleMany(SYSTEM, [ticketId]);
    if (!row) return 'no such ticket';
    if (await this.pages.existsBy({ ticketId })) return 'paged already';
    const calendar = await this.calendars.calendarFor(row.municipality_code);
    if (!needsOnCall(row, calendar.openStatus(new Date()).open)) return 'no page needed';
    return this.tickets.together(SYSTEM, [], (tx) => this.pageStep(tx, row, 0));
  }

  /**
   * Escalates the pages nobody acknowledged in time: each is marked unanswered and the next person
   * paged in one transaction (under the ticket's lock: two workers never page the next one twice).
   */
  async escalateDue(limit = 50): Promise<number> {
    const due = await this.pages.query<{ id: string; ticket_id: string; step: number }[]>(
      `SELECT id, ticket_id, step FROM on_call_page
        WHERE status = 'paged' AND escalate_at <= now() ORDER BY escalate_at LIMIT $1`,
      [limit],
    );
    let handled = 0;
    for (const page of due) {
      const outcome = await this.tickets.together(SYSTEM, [page.ticket_id], async (tx) => {
        const [claimed] = rows(
          await tx.query(
            `UPDATE on_call_page SET status = 'unanswered'
              WHERE id = $1 AND status = 'paged' RETURNING id`,
            [page.id],
          ),
        );
        if (!claimed) return 'acknowledged meanwhile';
        const [row] = await this.tickets.findVisibleMany(SYSTEM, [page.ticket_id]);
        // Resolved, cancelled or no longer urgent meanwhile: nobody else needs waking.
        if (!row || !needsOnCall(row, false)) return 'no longer urgent';
        return this.pageStep(tx, row, page.step + 1);
      });
      if (outcome !== 'acknowledged meanwhile') handled++;
    }
    return handled;
  }

  /** The pages of a ticket the caller may see, in order. */
  async pagesOf(ctx: RequestContext, ticketId: string): Promise<OnCallPageEntity[]> {
    const ticket = await this.tickets.findVisible(ctx, ticketId);
    if (!ticket) throw new NotFoundError('Ticket', ticketId);
    return this.pages.find({ where: { ticketId: ticket.id }, order: { step: 'ASC' } });
  }

  /** Someone takes the page that is waiting (the person paged, or a colleague for them). */
  async acknowledge(ctx: RequestContext, ticketId: string): Promise<OnCallPageEntity> {
    const pageId = await this.tickets.together(ctx, [], async (tx) => {
      let acknowledged: { id: string; step: number; user_name: string | null } | undefined;
      const changed = await tx.mutate(ticketId, async (row) => {
        [acknowledged] = rows(
          await tx.query(
            `UPDATE on_call_page SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2
              WHERE ticket_id = $1 AND status = 'paged' RETURNING id, step, user_name`,
            [row.id, ctx.actor.name],
          ),
        );
        if (!acknowledged)
          throw new ConflictError('No page of this ticket is waiting for an acknowledgement');
        return {
          history: [
            {
              type: HISTORY.onCallAcknowledged,
              data: { pageId: acknowledged.id, step: acknowledged.step, paged: acknowledged.user_name },
            },
          ],
          outboxType: () => TICKET_EVENTS.updated,
          result: null,
        };
      });
      if (!changed || !acknowledged) throw new NotFoundError('Ticket', ticketId);
      return acknowledged.id;
    });
    return this.pages.findOneByOrFail({ id: pageId });
  }

  /** Pages the person at `step` of the watch now, or records that nobody is left. */
  private async pageStep(tx: TicketTransaction, row: TicketRow, step: number): Promise<string> {
    const shift = (await this.roster.onDuty(row.municipality_code, new Date()))[step];
    const id = randomUUID();
    const channels = shift ? [...(shift.phone ? ['sms'] : []), 'email'] : [];
    const [inserted] = rows(
      await tx.query(
        `INSERT INTO on_call_page (id, ticket_id, municipality_code, step, shift_id, user_id, user_name,
                                   channels, status, escalate_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10::double precision / 1000))
         ON CONFLICT (ticket_id, step) DO NOTHING RETURNING id`,
        [
          id,
          row.id,
          row.municipality_code,
          step,
          shift?.id ?? null,
          shift?.userId ?? null,
          shift?.userName ?? null,
          JSON.stringify(channels),
          shift ? 'paged' : 'unanswered',
          this.config.onCallAckMs,
        ],
      ),
    );
    if (!inserted) return `step ${step} paged already`;
    await tx.mutate(row.id, () => ({
      history: [
        shift
          ? { type: HISTORY.onCallPaged, data: { pageId: id, step, name: shift.userName, channels } }
          : { type: HISTORY.onCallUnanswered, data: { step } },
      ],
      outboxType: () => (shift ? TICKET_EVENTS.onCallPaged : TICKET_EVENTS.updated),
      result: null,
    }));
    return shift ? `paged step ${step}` : 'nobody (left) on watch';
  }
}

/** INSERT/UPDATE ... RETURNING through TypeORM: rows, or [rows, count] for an UPDATE. */
function rows<T>(result: unknown): T[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as T[];
}
