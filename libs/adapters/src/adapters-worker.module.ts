import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { outboxConsumerQueue, OutboxSubscriptions } from '@meldpunt/outbox';
import { TicketsModule } from '@meldpunt/tickets';
import { AdaptersModule } from './adapters.module';
import { BackOfficeAdapters } from './connectors/back-office-adapters';
import { BackOfficePollProcessor } from './inbound/back-office-poll.processor';
import { BackOfficePollReconciler } from './inbound/back-office-poll-reconciler';
import { BackOfficeEventsProcessor } from './sync/back-office-events.processor';
import { BackOfficeSyncProcessor } from './sync/back-office-sync.processor';
import { SyncCircuitBreakers } from './sync/sync-circuit-breakers';
import { SYNC_TRIGGERS } from './sync/sync-operations';
import { BACK_OFFICE_EVENTS_QUEUE } from './sync/sync-queues';
import { SyncTaskReconciler } from './sync/sync-task-reconciler';

/** Back-office integration, worker side: ticket events to sync tasks, the calls, the polls, their reconcilers. */
@Module({
  imports: [
    AdaptersModule,
    TicketsModule,
    MunicipalitiesModule,
    BullModule.registerQueue(outboxConsumerQueue(BACK_OFFICE_EVENTS_QUEUE)),
  ],
  providers: [
    BackOfficeAdapters,
    SyncCircuitBreakers,
    BackOfficeEventsProcessor,
    BackOfficeSyncProcessor,
    BackOfficePollProcessor,
    SyncTaskReconciler,
    BackOfficePollReconciler,
  ],
})
export class AdaptersWorkerModule implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(BACK_OFFICE_EVENTS_QUEUE) private readonly events: Queue,
  ) {}

  onModuleInit(): void {
    // Durable: an event whose job Redis lost before it was handled is delivered again.
    this.subscriptions.add(this.events, SYNC_TRIGGERS, { redeliver: true });
  }
}
