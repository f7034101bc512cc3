import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { OutboxSubscriptions } from '@meldpunt/outbox';
import { SlaModule } from '@meldpunt/sla';
import { TicketsModule } from '@meldpunt/tickets';
import { CONSOLE_QUEUE, FED_OUTBOX_TYPES } from './console-events';
import { ConsoleFeedProcessor } from './console-feed.processor';
import { ConsolePresence } from './console-presence';
import { ConsoleReplay } from './console-replay';
import { ConsoleGateway } from './console.gateway';
import { DeskController } from './desk.controller';

const CONSOLE_QUEUE_OPTIONS = {
  name: CONSOLE_QUEUE,
  defaultJobOptions: {
    removeOnComplete: { age: 600, count: 50_000 },
    removeOnFail: { age: 86400 },
    attempts: 5,
    backoff: { type: 'exponential', delay: 200 },
  },
};

/** The agents' real-time console (api side): gateway, feed from the outbox, desk status. */
@Module({
  imports: [
    IdentityModule,
    MunicipalitiesModule,
    SlaModule,
    TicketsModule,
    BullModule.registerQueue(CONSOLE_QUEUE_OPTIONS),
  ],
  controllers: [DeskController],
  providers: [ConsoleGateway, ConsolePresence, ConsoleReplay, ConsoleFeedProcessor],
})
export class ConsoleModule {}

/** Worker side: subscribes the console's queue to ticket events at the outbox relay. */
@Module({ imports: [BullModule.registerQueue(CONSOLE_QUEUE_OPTIONS)] })
export class ConsoleFeedModule implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    @InjectQueue(CONSOLE_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.subscriptions.add(this.queue, FED_OUTBOX_TYPES);
  }
}
