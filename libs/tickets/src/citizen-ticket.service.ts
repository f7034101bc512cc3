import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { acceptsFeedback, citizenReplyEffect } from './citizen-reply-rules';
import { HISTORY, TICKET_EVENTS } from './ticket-events';
import { hashBody } from './ticket-intake.service';
import { TicketRepository } from './ticket.repository';
import { TicketWorkflowService } from './ticket-workflow.service';
import type { TicketRow } from './ticket-record';

export interface ReplyOptions {
  /** How the reply reached us when not through the private link (kept in the history). */
  via?: 'email';
  /** The reply is added once per key (a mail delivered twice is one message). */
  onceKey?: string;
}

export interface NotificationOutcome {
  notificationId: string;
  kind: string;
  status: 'sent' | 'retrying' | 'failed';
  attempts: number;
  error?: string;
}

/**
 * The citizen's side of a ticket: their replies and feedback through the private link, and the
 * outcome of every e-mail sent to them. Callers pass a context scoped to the ticket's municipality
 * with a citizen or system actor.
 */
@Injectable()
export class CitizenTicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly workflow: TicketWorkflowService,
  ) {}

  /**
   * A public message from the citizen; when it answers the open question or comes within 14 days
   * of the resolution, the ticket goes back to in_progress. The actor is no staff member, so the
   * response clock keeps running (responded_at is for staff).
   */
  async reply(ctx: RequestContext, id: string, body: string, options: ReplyOptions = {}): Promise<TicketRow> {
    const outcome = await this.tickets.mutate(ctx, id, (row) => {
      const effect = citizenReplyEffect(row.status, row.resolved_at, new Date());
      if (effect === 'refused') throw new ConflictError(`A ${row.status} ticket takes no more replies`);
      return {
        history: [{ type: HISTORY.messagePublic, data: options.via ? { body, via: options.via } : { body } }],
        outboxType: () => TICKET_EVENTS.messageAdded,
        result: effect,
        ...(options.onceKey
          ? { claim: { owner: ctx.actor.type, key: options.onceKey, bodyHash: hashBody(body) } }
          : {}),
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    if (outcome.result === 'message' || outcome.replayed) return outcome.row;
    // Through transition(), so the move follows the same rules (and SLA clock handling) as an
    // agent's. The message is stored either way; if an agent moved the ticket meanwhile, fine.
    try {
      return await this.workflow.transition(ctx, outcome.row.id, { to: 'in_progress' });
    } catch (error) {
      if (error instanceof ConflictError) return outcome.row;
      throw error;
    }
  }

  async giveFeedback(
    ctx: RequestContext,
    id: string,
    feedback: { score: number; comment: string | null },
  ): Promise<TicketRow> {
    const outcome = await this.tickets.mutate(ctx, id, (row) => {
      if (!acceptsFeedback(row.status)) {
        throw new ConflictError(`Feedback is given once a ticket is resolved; this one is ${row.status}`);
      }
      return {
        history: [{ type: HISTORY.feedback, data: { score: feedback.score, comment: feedback.comment } }],
        outboxType: () => TICKET_EVENTS.feedbackGiven,
        result: null,
      };
    });
    if (!outcome) throw new NotFoundError('Ticket', id);
    return outcome.row;
  }

  /**
   * Sent and retrying are history only; a permanent failure is also an outbox event, so agents see
   * it in the console at once. Notifications do not subscribe to it: no e-mail about e-mails.
   */
  async recordNotificationOutcome(
    ctx: RequestContext,
    id: string,
    outcome: NotificationOutcome,
  ): Promise<void> {
    const [error] = await this.recordNotificationOutcomes(ctx, [{ ticketId: id, outcome }]);
    if (error) throw error;
  }

  /**
   * Several outcomes: the history-only ones in one statement, failures one by one (each is an
   * outbox event). Per item the error it came to (the ticket is gone, the database refused), or
   * null: one item's failure leaves the others recorded.
   */
  async recordNotificationOutcomes(
    ctx: RequestContext,
    items: { ticketId: string; outcome: NotificationOutcome }[],
  ): Promise<(Error | null)[]> {
    const entry = (outcome: NotificationOutcome) => ({
      type: outcome.status === 'sent' ? HISTORY.notificationSent : HISTORY.notificationFailed,
      data: { ...outcome },
    });
    const errors = new Array<Error | null>(items.length).fill(null);
    const quiet = [...items.entries()].filter(([, item]) => item.outcome.status !== 'failed');
    const appended = await this.tickets.appendHistoryMany(
      ctx,
      quiet.map(([, item]) => ({ ticketId: item.ticketId, entry: entry(item.outcome) })),
    );
    quiet.forEach(([index, item], k) => {
      if (!appended[k]) errors[index] = new NotFoundError('Ticket', item.ticketId);
    });
    for (const [index, item] of items.entries()) {
      if (item.outcome.status !== 'failed') continue;
      try {
        const recorded = await this.tickets.mutate(ctx, item.ticketId, () => ({
          history: [entry(item.outcome)],
          outboxType: () => TICKET_EVENTS.notificationFailed,
          result: null,
        }));
        if (!recorded) errors[index] = new NotFoundError('Ticket', item.ticketId);
      } catch (error) {
        errors[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
    return errors;
  }
}
