import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ForwardRecordsModule } from '@meldpunt/forwards';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { TeamsModule } from '@meldpunt/teams';
import { outboxConsumerQueue, OutboxSubscriptions } from '@meldpunt/outbox';
import { TICKET_EVENTS, TicketsModule } from '@meldpunt/tickets';
import { EscalationAddress } from './delivery/escalation-address';
import { MailComposer } from './delivery/mail-composer';
import { MailDeliveryProcessor } from './delivery/mail-delivery.processor';
import { MailDeliveryReconciler } from './delivery/mail-delivery-reconciler';
import { MailTransport } from './delivery/mail-transport';
import { NotificationEventsProcessor } from './delivery/notification-events.processor';
import { NOTIFICATION_EVENTS_QUEUE } from './notification-queues';
import { NotificationsModule } from './notifications.module';

/**
 * The ticket events that may call for an e-mail (or, for feedback, a row in the feedback table).
 * SLA breaches escalate to the team; warnings mail no one (the console shows them).
 */
export const NOTIFICATION_TRIGGERS = [
  TICKET_EVENTS.created,
  TICKET_EVENTS.statusChanged,
  TICKET_EVENTS.messageAdded,
  TICKET_EVENTS.feedbackGiven,
  TICKET_EVENTS.slaBreached,
  TICKET_EVENTS.rerouted,
  TICKET_EVENTS.merged,
  TICKET_EVENTS.mergeResolved,
  TICKET_EVENTS.forwardedExternal,
];

/** Notifications, worker side: from ticket events to e-mails (citizens', the team's escalations), and their delivery. */
@Module({
  imports: [
    NotificationsModule,
    TicketsModule,
    MunicipalitiesModule,
    ForwardRecordsModule,
    TeamsModule,
    BullModule.registerQueue(outboxConsumerQueue(NOTIFICATION_EVENTS_QUEUE)),
  ],
  providers: [
    EscalationAddress,
    MailComposer,
    MailTransport,
    NotificationEventsProcessor,
    MailDeliveryProcessor,
    MailDeliveryReconciler,
  ],
  // The pool of SMTP connections is shared with the on-call pages.
  exports: [MailTransport],
})
export class NotificationsWorkerModule implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(NOTIFICATION_EVENTS_QUEUE) private readonly events: Queue,
  ) {}

  onModuleInit(): void {
    // Durable: an event whose job Redis lost before it was handled is delivered again.
    this.subscriptions.add(this.events, NOTIFICATION_TRIGGERS, { redeliver: true });
  }
}
