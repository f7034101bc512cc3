import { Module } from '@nestjs/common';
import { AdaptersWorkerModule } from '@meldpunt/adapters';
import { ConsoleFeedModule } from '@meldpunt/console';
import { NotificationsWorkerModule } from '@meldpunt/notifications';
import { OnCallWorkerModule } from '@meldpunt/on-call';
import { OutboxRelayModule } from '@meldpunt/outbox';
import { PrivacyWorkerModule } from '@meldpunt/privacy';
import { TicketsWorkerModule } from '@meldpunt/tickets';

/**
 * Everything that consumes queues or runs on timers. apps/worker runs it alone; the api runs it
 * in-process when RUN_WORKER is true (the embedded default: one process on a laptop).
 */
@Module({
  imports: [
    OutboxRelayModule,
    TicketsWorkerModule,
    NotificationsWorkerModule,
    ConsoleFeedModule,
    PrivacyWorkerModule,
    AdaptersWorkerModule,
    OnCallWorkerModule,
  ],
})
export class WorkerModule {}
