import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OutboxSubscriptions } from '@meldpunt/outbox';
import { SlaEventsProcessor } from './sla/sla-events.processor';
import { SlaTimerProcessor } from './sla/sla-timer.processor';
import { SLA_EVENTS_QUEUE, SLA_TIMERS_QUEUE } from './sla/sla-timers';
import { TicketSlaReconciler } from './sla/ticket-sla-reconciler';
import { TicketSlaScheduler } from './sla/ticket-sla-scheduler';
import { TICKET_EVENTS } from './ticket-events';
import { TicketsModule } from './tickets.module';

const KEEP = { removeOnComplete: { age: 3600, count: 200_000 }, removeOnFail: { age: 7 * 86400 } };

/** The tickets' background work: SLA timers (planning, firing, reconciling). Runs in the worker. */
@Module({
  imports: [
    TicketsModule,
    BullModule.registerQueue(
      {
        name: SLA_EVENTS_QUEUE,
        defaultJobOptions: { ...KEEP, attempts: 10, backoff: { type: 'exponential', delay: 500 } },
      },
      {
        name: SLA_TIMERS_QUEUE,
        defaultJobOptions: { ...KEEP, attempts: 10, backoff: { type: 'exponential', delay: 500 } },
      },
    ),
  ],
  providers: [TicketSlaScheduler, SlaEventsProcessor, SlaTimerProcessor, TicketSlaReconciler],
  exports: [TicketSlaReconciler, TicketSlaScheduler],
})
export class TicketsWorkerModule implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(SLA_EVENTS_QUEUE) private readonly slaEvents: Queue,
  ) {}

  onModuleInit(): void {
    // ticket.updated and ticket.rerouted: a new priority, category or municipality may have moved
    // the deadlines; ticket.merged: the duplicate's clocks stopped.
    this.subscriptions.add(this.slaEvents, [
      TICKET_EVENTS.created,
      TICKET_EVENTS.statusChanged,
      TICKET_EVENTS.updated,
      TICKET_EVENTS.rerouted,
      TICKET_EVENTS.merged,
    ]);
  }
}
