import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { NotificationsModule, NotificationsWorkerModule } from '@meldpunt/notifications';
import { outboxConsumerQueue, OutboxSubscriptions } from '@meldpunt/outbox';
import { SlaModule } from '@meldpunt/sla';
import { TICKET_EVENTS, TicketsModule } from '@meldpunt/tickets';
import { OnCallPageEntity } from './entities/on-call-page.entity';
import { OnCallShiftEntity } from './entities/on-call-shift.entity';
import { OnCallController } from './on-call.controller';
import { OnCallDelivery } from './on-call-delivery';
import { OnCallEscalation } from './on-call-escalation';
import { OnCallEventsProcessor } from './on-call-events.processor';
import { OnCallPaging } from './on-call-paging';
import { ON_CALL_EVENTS_QUEUE } from './on-call-queues';
import { OnCallRoster } from './on-call-roster';
import { SmsGateway } from './pager/sms-gateway';

const FEATURES = [
  TypeOrmModule.forFeature([OnCallShiftEntity, OnCallPageEntity]),
  IdentityModule,
  MunicipalitiesModule,
  SlaModule,
  TicketsModule,
];

/** On call (issue 15, item 5), api side: the roster, the pages of a ticket, the acknowledgement. */
@Module({
  imports: FEATURES,
  controllers: [OnCallController],
  providers: [OnCallRoster, OnCallPaging],
})
export class OnCallModule {}

/** Worker side: urgent tickets out of hours page the person on watch; unanswered pages escalate. */
@Module({
  imports: [
    ...FEATURES,
    NotificationsModule,
    NotificationsWorkerModule,
    BullModule.registerQueue(outboxConsumerQueue(ON_CALL_EVENTS_QUEUE)),
  ],
  providers: [
    OnCallRoster,
    OnCallPaging,
    OnCallDelivery,
    SmsGateway,
    OnCallEventsProcessor,
    OnCallEscalation,
  ],
})
export class OnCallWorkerModule implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(ON_CALL_EVENTS_QUEUE) private readonly events: Queue,
  ) {}

  onModuleInit(): void {
    // Durable: a page is not to be lost with a Redis flush.
    this.subscriptions.add(
      this.events,
      [TICKET_EVENTS.created, TICKET_EVENTS.updated, TICKET_EVENTS.onCallPaged],
      { redeliver: true },
    );
  }
}
