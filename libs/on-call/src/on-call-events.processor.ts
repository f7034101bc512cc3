import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { forEachEvent, OutboxBatch, outboxEvents, type OutboxMessage } from '@meldpunt/outbox';
import { RequestContext } from '@meldpunt/identity';
import { TICKET_EVENTS, TicketQueryService } from '@meldpunt/tickets';
import { OnCallDelivery } from './on-call-delivery';
import { OnCallPaging } from './on-call-paging';
import { ON_CALL_EVENTS_QUEUE } from './on-call-queues';

const SYSTEM = RequestContext.system('on-call');

/**
 * A new or changed ticket may call for the person on watch (a P1 out of hours); a page recorded
 * goes out as SMS and e-mail. Both steps are idempotent: a redelivered event finds the page row.
 */
@Processor(ON_CALL_EVENTS_QUEUE, { concurrency: 4 })
export class OnCallEventsProcessor extends WorkerHost {
  constructor(
    private readonly paging: OnCallPaging,
    private readonly delivery: OnCallDelivery,
    private readonly tickets: TicketQueryService,
  ) {
    super();
  }

  async process(job: Job<OutboxBatch>): Promise<string[]> {
    const events = outboxEvents(job);
    // Nearly every ticket is no P1: one read for the whole batch finds the few that may need a page.
    const changed = events.filter((e) => e.type !== TICKET_EVENTS.onCallPaged).map((e) => e.aggregateId);
    const urgent = await this.paging.urgentAmong(changed);
    return forEachEvent(events, (event) => this.handle(event, urgent), 4);
  }

  private async handle(event: OutboxMessage, urgent: Set<string>): Promise<string> {
    if (event.type !== TICKET_EVENTS.onCallPaged) {
      return urgent.has(event.aggregateId) ? this.paging.onTicketChanged(event.aggregateId) : 'not urgent';
    }
    const entry = await this.tickets.historyEvent(
      SYSTEM,
      event.aggregateId,
      String(event.payload.ticketEventId),
    );
    const pageId = entry?.data.pageId;
    return typeof pageId === 'string' ? this.delivery.deliver(pageId) : 'no page in the event';
  }
}
