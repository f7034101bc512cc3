import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { MergeTicketDto } from './dto/merge.dto';
import { TicketSlaClock } from './sla/ticket-sla-clock';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import { OPEN_STATUSES } from './ticket-lifecycle';
import { SqlExpression, TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket-record';

/**
 * Merges a duplicate report into the ticket that stays, in one transaction: the duplicate is
 * cancelled (reason duplicate) and points at the other; both histories name each other, and the
 * outbox events tell the back-office sync (a note in both cases), the citizen mail (the duplicate's
 * reporter hears where their report went) and the consoles. The duplicate keeps its reporter: when
 * the other ticket is resolved, every merged report gets the resolution too (`toMerged` in the
 * workflow). Reports merged into the duplicate before follow it to the ticket that stays.
 */
@Injectable()
export class TicketMerging {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly slaClock: TicketSlaClock,
  ) {}

  async merge(ctx: RequestContext, id: string, dto: MergeTicketDto): Promise<TicketRow> {
    const [duplicate, into] = await Promise.all([
      this.tickets.findVisible(ctx, id),
      this.tickets.findVisible(ctx, dto.intoTicket),
    ]);
    if (!duplicate) throw new NotFoundError('Ticket', id);
    if (!into) {
      throw new InvalidInputError([
        {
          field: 'intoTicket',
          rule: 'isVisibleTicket',
          message: `intoTicket '${dto.intoTicket}' is not a ticket of your municipalities`,
        },
      ]);
    }
    if (into.id === duplicate.id) {
      throw new InvalidInputError([
        { field: 'intoTicket', rule: 'isOtherTicket', message: 'a ticket cannot be merged into itself' },
      ]);
    }
    const reason = dto.reason?.trim() || null;
    return this.tickets.together(ctx, [duplicate.id, into.id], async (tx) => {
      // Checked under the locks: either ticket may have moved on since it was read.
      const kept = await tx.mutate(into.id, (row) => {
        if (!OPEN_STATUSES.includes(row.status)) {
          throw new ConflictError(`A ${row.status} ticket takes no duplicates`, { allowed: OPEN_STATUSES });
        }
        return {
          history: [
            {
              type: HISTORY.mergeReceived,
              data: { from: duplicate.reference, fromId: duplicate.id, ...(reason ? { reason } : {}) },
            },
          ],
          outboxType: () => TICKET_EVENTS.merged,
          result: row,
        };
      });
      if (!kept) throw new NotFoundError('Ticket', into.id);
      const merged = await tx.mutate(duplicate.id, async (row) => {
        if (!OPEN_STATUSES.includes(row.status)) {
          throw new ConflictError(`A ${row.status} ticket is not merged`, { allowed: OPEN_STATUSES });
        }
        if (row.municipality_code !== kept.row.municipality_code) {
          const message = `${row.reference} is with ${row.municipality_code} and ${kept.row.reference} with ${kept.row.municipality_code}: send it to ${kept.row.municipality_code} first`;
          throw new UnprocessableError(message, [
            { field: 'intoTicket', rule: 'isSameMunicipality', message },
          ]);
        }
        return {
          set: {
            ...(await this.slaClock.onTransition(row, 'cancelled', new Date())),
            status: 'cancelled',
            cancel_reason: 'duplicate',
            responded_at: new SqlExpression('coalesce(responded_at, now())'),
            merged_into_id: kept.row.id,
            merged_into_reference: kept.row.reference,
          },
          history: [
            {
              type: HISTORY.merged,
              data: {
                from: row.status,
                to: 'cancelled',
                into: kept.row.reference,
                intoId: kept.row.id,
                // The back-office cases of the ticket that stays: the duplicate's case note names them.
                intoCases: kept.row.external_refs.map((ref) => ref.number ?? ref.id),
                ...(reason ? { reason } : {}),
              },
            },
          ],
          outboxType: () => TICKET_EVENTS.merged,
          result: null,
        };
      });
      if (!merged) throw new NotFoundError('Ticket', id);
      await tx.moveMerged(merged.row.id, kept.row);
      return merged.row;
    });
  }
}
