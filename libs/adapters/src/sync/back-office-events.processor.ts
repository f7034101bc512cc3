import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { forEachEvent, OutboxBatch, outboxEvents, type OutboxMessage } from '@meldpunt/outbox';
import { TICKET_EVENTS, TicketQueryService } from '@meldpunt/tickets';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { BACK_OFFICE_EVENTS_QUEUE } from './sync-queues';
import { plannedSync } from './sync-operations';
import { SyncJobs } from './sync-jobs';
import { SyncTasks } from './sync-tasks';

/**
 * Files one sync task per relevant ticket event and queues it. Filing is cheap (a query and a queue
 * add) and runs side by side; the sync jobs restore each ticket's order from the events' ids (a
 * note never overtakes the create). The slow calls happen in the sync jobs.
 */
@Processor(BACK_OFFICE_EVENTS_QUEUE, { concurrency: 4 })
export class BackOfficeEventsProcessor extends WorkerHost {
  private readonly ctx = RequestContext.system('back-office sync');

  constructor(
    private readonly tickets: TicketQueryService,
    private readonly connections: BackOfficeConnections,
    private readonly tasks: SyncTasks,
    private readonly jobs: SyncJobs,
  ) {
    super();
  }

  async process(job: Job<OutboxBatch>): Promise<string[]> {
    return forEachEvent(outboxEvents(job), (event) => this.handle(event), 8);
  }

  async handle(event: OutboxMessage): Promise<string> {
    const { type, aggregateId, municipalityCode } = event;
    if (!municipalityCode) return 'no municipality';
    // A ticket sent here from another municipality: the former one's case is let go even when the
    // new municipality has no back-office.
    const from = type === TICKET_EVENTS.rerouted ? event.payload.fromMunicipalityCode : undefined;
    const connection =
      (await this.connections.get(municipalityCode)) ??
      (typeof from === 'string' ? await this.connections.get(from) : null);
    if (!connection) return 'no back-office';
    // A new ticket always means "create the case": no need to read its history (the hot path).
    const entry =
      type === TICKET_EVENTS.created
        ? { type: 'created', actor: { type: 'unknown' }, data: {} }
        : await this.tickets.historyEvent(this.ctx, aggregateId, String(event.payload.ticketEventId));
    if (!entry) return 'no such history event';
    const planned = plannedSync({ type, entry });
    if (!planned) return 'nothing to sync';
    const task = await this.tasks.file({
      ticketId: aggregateId,
      municipalityCode,
      system: connection.type,
      operation: planned.operation,
      payload: planned.payload,
      sourceEventId: event.eventId,
    });
    if (task.state === 'pending') await this.jobs.enqueue(task.id);
    return `${planned.operation} task ${task.id}`;
  }
}
