import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { forEachEvent, OutboxBatch, outboxEvents, type OutboxMessage } from '@meldpunt/outbox';
import { TICKET_EVENTS, TicketEventView, TicketQueryService, type TicketStatus } from '@meldpunt/tickets';
import { FeedbackRecords } from '../feedback-records';
import { MailProfiles } from '../mail-profiles';
import { isStaffMail } from '../notification-kind';
import { NotificationRecords } from '../notification-records';
import { NOTIFICATION_EVENTS_QUEUE } from '../notification-queues';
import { isOutdated, notificationKindFor } from '../notification-triggers';
import { MailDeliveryQueue } from './mail-delivery-queue';

/**
 * Turns ticket events into e-mails to send: decides the kind, checks address and consent (for the
 * team's escalation: the municipality's escalation address), and queues one delivery per (ticket,
 * event, kind). Handling an event twice finds the same notification row and the same job id, so
 * nothing is sent twice. It also files feedback.
 */
@Processor(NOTIFICATION_EVENTS_QUEUE, { concurrency: 2 })
export class NotificationEventsProcessor extends WorkerHost {
  private readonly ctx = RequestContext.system('notifications');

  constructor(
    private readonly tickets: TicketQueryService,
    private readonly profiles: MailProfiles,
    private readonly records: NotificationRecords,
    private readonly delivery: MailDeliveryQueue,
    private readonly feedback: FeedbackRecords,
  ) {
    super();
  }

  /** The events of one job, several at a time (each is a few queries and a queue add). */
  async process(job: Job<OutboxBatch>): Promise<string[]> {
    return forEachEvent(outboxEvents(job), (event) => this.handle(event), 10);
  }

  async handle(event: OutboxMessage): Promise<string> {
    const { type, aggregateId } = event;
    const eventId = String(event.payload.ticketEventId);
    // The event itself, not the whole history: every ticket event passes here.
    const entry = await this.tickets.historyEvent(this.ctx, aggregateId, eventId);
    if (!entry) return 'no such history event';
    if (type === TICKET_EVENTS.feedbackGiven) return this.fileFeedback(aggregateId, entry);
    const ticket = await this.tickets.get(this.ctx, aggregateId);
    const profile = await this.profiles.for(ticket.municipalityCode);
    const kind = notificationKindFor({ type, entry }, profile);
    if (!kind) return 'no e-mail for this event';
    if (isOutdated(kind, ticket.status as TicketStatus)) return `${kind}: the ticket moved on`;
    const staffMail = isStaffMail(kind);
    if (!staffMail && (!ticket.reporter?.email || !ticket.reporter.consent))
      return `${kind}: no address or no consent`;
    const notification = await this.records.open({
      ticketId: ticket.id,
      eventId,
      kind,
      municipalityCode: ticket.municipalityCode,
    });
    // A breach without an escalation address is kept as skipped: the team was not told.
    if (staffMail && !profile.escalationEmail && notification.status === 'queued') {
      await this.records.skip(notification.id);
      return `${kind}: skipped, no escalation address`;
    }
    // Queued again after a crash between the row and the job: the job id keeps it single.
    if (notification.status === 'queued') await this.delivery.enqueue(notification);
    return `${kind}: ${notification.status}`;
  }

  private async fileFeedback(ticketId: string, entry: TicketEventView): Promise<string> {
    const ticket = await this.tickets.get(this.ctx, ticketId);
    const comment = entry.data.comment;
    await this.feedback.record({
      eventId: entry.id,
      ticketId,
      municipalityCode: ticket.municipalityCode,
      score: Number(entry.data.score),
      comment: typeof comment === 'string' && comment ? comment : null,
      givenAt: new Date(entry.at),
    });
    return 'feedback filed';
  }
}
