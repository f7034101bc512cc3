import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { forEachEvent, OutboxBatch, outboxEvents, type OutboxMessage } from '@meldpunt/outbox';
import {
  TICKET_EVENTS,
  TicketEventView,
  TicketQueryService,
  type TicketStatus,
  type TicketView,
} from '@meldpunt/tickets';
import type { NotificationEntity } from '../entities/notification.entity';
import { FeedbackRecords } from '../feedback-records';
import { MailProfiles } from '../mail-profiles';
import { isCitizenMail, isStaffMail } from '../notification-kind';
import { type NotificationKey, NotificationRecords } from '../notification-records';
import { NOTIFICATION_EVENTS_QUEUE } from '../notification-queues';
import { isOutdated, notificationKindFor } from '../notification-triggers';
import { EscalationAddress } from './escalation-address';
import { MailDeliveryQueue } from './mail-delivery-queue';

/** What an event comes to before its notification row exists: a result, or a row to open. */
type Decision = string | { key: NotificationKey; staffMail: boolean; escalationEmail: string | null };

/**
 * Turns ticket events into e-mails to send: decides the kind, checks address and consent (for the
 * team's escalation: the municipality's escalation address), and queues one delivery per (ticket,
 * event, kind). Handling an event twice finds the same notification row and the same job id, so
 * nothing is sent twice. It also files feedback. A job's events are decided together: their
 * history events and tickets are read in one statement each, their rows opened in one and their
 * deliveries queued in one round trip.
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
    private readonly escalationAddress: EscalationAddress,
  ) {
    super();
  }

  /** One result per event of the job, in order ("acknowledgement: queued", "no e-mail for this event"). */
  async process(job: Job<OutboxBatch>): Promise<string[]> {
    const events = outboxEvents(job);
    const eventIdOf = (event: OutboxMessage) => String(event.payload.ticketEventId);
    const [entries, tickets] = await Promise.all([
      this.tickets.historyEvents(
        this.ctx,
        events.map((e) => ({ ticketId: e.aggregateId, eventId: eventIdOf(e) })),
      ),
      this.tickets.getMany(this.ctx, [...new Set(events.map((e) => e.aggregateId))]),
    ]);
    const decisions = await forEachEvent(
      events,
      (event) => this.decide(event, entries.get(eventIdOf(event)), tickets.get(event.aggregateId)),
      10,
    );
    return this.open(decisions);
  }

  private async decide(
    event: OutboxMessage,
    entry: TicketEventView | undefined,
    ticket: TicketView | undefined,
  ): Promise<Decision> {
    if (!entry) return 'no such history event';
    if (!ticket) return 'no such ticket';
    if (event.type === TICKET_EVENTS.feedbackGiven) return this.fileFeedback(ticket, entry);
    const profile = await this.profiles.for(ticket.municipalityCode);
    const kind = notificationKindFor({ type: event.type, entry }, profile);
    if (!kind) return 'no e-mail for this event';
    if (isOutdated(kind, ticket.status as TicketStatus, event.type)) return `${kind}: the ticket moved on`;
    const staffMail = isStaffMail(kind);
    if (isCitizenMail(kind) && (!ticket.reporter?.email || !ticket.reporter.consent))
      return `${kind}: no address or no consent`;
    return {
      key: { ticketId: ticket.id, eventId: entry.id, kind, municipalityCode: ticket.municipalityCode },
      staffMail,
      escalationEmail: staffMail ? await this.escalationAddress.for(ticket, profile) : null,
    };
  }

  /** Opens the rows of the decided e-mails and queues those still to send. */
  private async open(decisions: Decision[]): Promise<string[]> {
    const opening = decisions.filter((d): d is Exclude<Decision, string> => typeof d !== 'string');
    const rows = await this.records.openMany(opening.map((d) => d.key));
    const outcome = new Map<Decision, string>();
    const queued: NotificationEntity[] = [];
    for (const [index, decision] of opening.entries()) {
      const notification = rows[index];
      const kind = decision.key.kind;
      // A breach without an escalation address is kept as skipped: the team was not told.
      if (decision.staffMail && !decision.escalationEmail && notification.status === 'queued') {
        await this.records.skip(notification.id);
        outcome.set(decision, `${kind}: skipped, no escalation address`);
        continue;
      }
      // Queued again after a crash between the row and the job: the job id keeps it single.
      if (notification.status === 'queued') queued.push(notification);
      outcome.set(decision, `${kind}: ${notification.status}`);
    }
    await this.delivery.enqueueMany(queued);
    return decisions.map((d) => (typeof d === 'string' ? d : (outcome.get(d) ?? '')));
  }

  private async fileFeedback(ticket: TicketView, entry: TicketEventView): Promise<string> {
    const comment = entry.data.comment;
    await this.feedback.record({
      eventId: entry.id,
      ticketId: ticket.id,
      municipalityCode: ticket.municipalityCode,
      score: Number(entry.data.score),
      comment: typeof comment === 'string' && comment ? comment : null,
      givenAt: new Date(entry.at),
    });
    return 'feedback filed';
  }
}
