import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@meldpunt/api-errors';
import { RequestContext } from '@meldpunt/identity';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import { TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket-record';

export interface ClaimOutcome {
  ok: boolean;
  heldBy: { id: string; name: string | null } | null;
  ticket: TicketRow;
}

/**
 * "I am handling this call": one agent at a time per ticket. The claim lives on the ticket row,
 * taken under its row lock, so of two agents clicking at once exactly one wins, on any instance,
 * and the claim reaches every console through the outbox like any other change.
 */
@Injectable()
export class TicketClaimsService {
  constructor(private readonly tickets: TicketRepository) {}

  async claim(ctx: RequestContext, id: string): Promise<ClaimOutcome> {
    const outcome = await this.tickets.mutate(ctx, id, (row) => {
      const heldBy = row.claimed_by_id ? { id: row.claimed_by_id, name: row.claimed_by_name } : null;
      if (heldBy)
        return { history: [], outboxType: () => '', result: { ok: heldBy.id === ctx.actor.id, heldBy } };
      return {
        set: { claimed_by_id: ctx.actor.id, claimed_by_name: ctx.actor.name },
        history: [{ type: HISTORY.claimed, data: {} }],
        outboxType: () => TICKET_EVENTS.claimed,
        result: { ok: true, heldBy: { id: ctx.actor.id!, name: ctx.actor.name } },
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return { ...outcome.result, ticket: outcome.row };
  }

  /** Releases the caller's claim; a claim held by someone else stays. */
  async release(ctx: RequestContext, id: string, holderId: string | null = ctx.actor.id): Promise<boolean> {
    const outcome = await this.tickets.mutate(ctx, id, (row) => {
      if (!row.claimed_by_id || row.claimed_by_id !== holderId)
        return { history: [], outboxType: () => '', result: false };
      return {
        set: { claimed_by_id: null, claimed_by_name: null },
        history: [{ type: HISTORY.released, data: { heldBy: row.claimed_by_id } }],
        outboxType: () => TICKET_EVENTS.released,
        result: true,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return outcome.result;
  }

  /** When an agent's last console closes, the calls they held go back to the queue. */
  async releaseAllOf(userId: string): Promise<number> {
    const system = RequestContext.system('console');
    let released = 0;
    for (const id of await this.tickets.claimedBy(userId)) {
      if (await this.release(system, id, userId)) released++;
    }
    return released;
  }
}
