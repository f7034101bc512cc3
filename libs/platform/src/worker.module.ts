import { Module } from '@nestjs/common';
import { OutboxRelayModule } from '@meldpunt/outbox';
import { TicketsWorkerModule } from '@meldpunt/tickets';

/**
 * Everything that consumes queues or runs on timers. apps/worker runs it alone; the api runs it
 * in-process when RUN_WORKER is true (the embedded default: one process on a laptop).
 */
@Module({ imports: [OutboxRelayModule, TicketsWorkerModule] })
export class WorkerModule {}
