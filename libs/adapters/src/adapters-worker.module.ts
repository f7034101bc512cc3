import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OutboxSubscriptions } from '@meldpunt/outbox';
import { TicketsModule } from '@meldpunt/tickets';
import { AdaptersModule } from './adapters.module';
import { BackOfficeAdapters } from './connectors/back-office-adapters';
import { BackOfficePollProcessor } from './inbound/back-office-poll.processor';
import { BackOfficePollScheduler } from './inbound/back-office-poll-scheduler';
import { BackOfficeEventsProcessor } from './sync/back-office-events.processor';
import { BackOfficeSyncProcessor } from './sync/back-office-sync.processor';
import { SyncCircuitBreakers } from './sync/sync-circuit-breakers';
import { SYNC_TRIGGERS } from './sync/sync-operations';
import { BACK_OFFICE_EVENTS_QUEUE } from './sync/sync-queues';

/** Back-office integration, worker side: ticket events to sync tasks, the calls, the polls. */
@Module({
  imports: [
    AdaptersModule,
    TicketsModule,
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
  ],
})
export class AdaptersWorkerModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(BACK_OFFICE_EVENTS_QUEUE) private readonly events: Queue,
    private readonly polls: BackOfficePollScheduler,
  ) {}

  onModuleInit(): void {
    this.subscriptions.add(this.events, SYNC_TRIGGERS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.polls.scheduleAll();
  }
}
