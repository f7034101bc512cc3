import { ApiProperty } from '@nestjs/swagger';
import { acceptsFeedback, citizenReplyEffect, HISTORY, TicketEventView, TicketView } from '@meldpunt/tickets';
import type { TicketStatus } from '@meldpunt/tickets';

export class PublicMessageView {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['municipality', 'citizen'], description: 'Staff names are never shown' })
  from: 'municipality' | 'citizen';
  @ApiProperty({ enum: ['message', 'question', 'resolution'] }) type: 'message' | 'question' | 'resolution';
  @ApiProperty() body: string;
}

export class PublicFeedbackView {
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() at: string;
}

/**
 * What a citizen sees through their private link: the state of their ticket and the public
 * conversation; no staff names, no internal notes, no other personal data.
 */
export class PublicTicketView {
  @ApiProperty({ example: 'ZWVL-2026-000042' }) reference: string;
  @ApiProperty({ enum: ['question', 'report', 'complaint'] }) kind: string;
  @ApiProperty({ enum: ['new', 'in_progress', 'waiting_for_citizen', 'resolved', 'closed', 'cancelled'] })
  status: string;
  @ApiProperty({ example: { code: 'kortrijk', name: 'Stad Kortrijk' } }) municipality: {
    code: string;
    name: string;
  };
  @ApiProperty({ example: { code: 'public-lighting', name: 'Openbare verlichting' } }) category: {
    code: string;
    name: string;
  };
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) resolutionDueAt: string | null;
  @ApiProperty({ enum: ['nl', 'fr', 'en'], description: 'The language of names here and of the status page' })
  language: string;
  @ApiProperty({ nullable: true, type: String, description: 'The question waiting for an answer' })
  openQuestion: string | null;
  @ApiProperty({ description: 'A reply is taken (open ticket, or resolved less than 14 days ago)' })
  canReply: boolean;
  @ApiProperty() canGiveFeedback: boolean;
  @ApiProperty({ nullable: true, type: PublicFeedbackView }) feedback: PublicFeedbackView | null;
  @ApiProperty({
    nullable: true,
    example: null,
    description:
      'The ticket was merged into another report of the same thing (status stays cancelled): resolved once that one is',
  })
  merged: { resolved: boolean } | null;
  @ApiProperty({ type: [PublicMessageView], description: 'Public messages only, oldest first' })
  messages: PublicMessageView[];

  static of(
    ticket: TicketView,
    history: TicketEventView[],
    names: { municipality: string; category: string; language: string },
    now = new Date(),
  ): PublicTicketView {
    const status = ticket.status as TicketStatus;
    const messages = history.flatMap((e) => publicMessage(e));
    const lastFeedback = history.filter((e) => e.type === HISTORY.feedback).pop();
    const lastQuestion = messages.filter((m) => m.type === 'question').pop();
    const resolvedAt = ticket.sla.resolvedAt ? new Date(ticket.sla.resolvedAt) : null;
    return {
      reference: ticket.reference,
      kind: ticket.kind,
      status,
      municipality: { code: ticket.municipalityCode, name: names.municipality },
      category: { code: ticket.categoryCode, name: names.category },
      createdAt: ticket.createdAt,
      resolutionDueAt: ticket.sla.resolutionDueAt,
      language: names.language,
      openQuestion: status === 'waiting_for_citizen' ? (lastQuestion?.body ?? null) : null,
      canReply: citizenReplyEffect(status, resolvedAt, now) !== 'refused',
      canGiveFeedback: acceptsFeedback(status),
      feedback: lastFeedback
        ? {
            score: Number(lastFeedback.data.score),
            comment: typeof lastFeedback.data.comment === 'string' ? lastFeedback.data.comment : null,
            at: lastFeedback.at,
          }
        : null,
      merged: ticket.mergedInto ? { resolved: history.some((e) => e.type === HISTORY.mergeResolved) } : null,
      messages,
    };
  }
}

function publicMessage(e: TicketEventView): PublicMessageView[] {
  if (e.type === HISTORY.messagePublic && typeof e.data.body === 'string') {
    return [
      {
        at: e.at,
        from: e.actor.type === 'citizen' ? 'citizen' : 'municipality',
        type: 'message',
        body: e.data.body,
      },
    ];
  }
  if (e.type === HISTORY.statusChanged && typeof e.data.message === 'string') {
    if (e.data.to === 'waiting_for_citizen')
      return [{ at: e.at, from: 'municipality', type: 'question', body: e.data.message }];
    if (e.data.to === 'resolved')
      return [{ at: e.at, from: 'municipality', type: 'resolution', body: e.data.message }];
  }
  // The resolution of the report this one was merged into, as its own.
  if (e.type === HISTORY.mergeResolved && typeof e.data.message === 'string') {
    return [{ at: e.at, from: 'municipality', type: 'resolution', body: e.data.message }];
  }
  return [];
}
