import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { OutboxSubscriptions } from '@meldpunt/outbox';
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
    BullModule.registerQueue({
      name: BACK_OFFICE_EVENTS_QUEUE,
      defaultJobOptions: {
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600, count: 100_000 },
        removeOnFail: { age: 7 * 86_400 },
      },
    }),
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
