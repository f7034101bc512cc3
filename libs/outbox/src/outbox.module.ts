import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumedEventEntity } from './entities/consumed-event.entity';
import { OutboxEventEntity } from './entities/outbox-event.entity';
import { OutboxSubscriptions } from './outbox-subscriptions';
import { OutboxWake } from './outbox-wake';

/** The subscription table and the relay's wake-up call, available to every context that consumes outbox events. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity, ConsumedEventEntity])],
  providers: [OutboxSubscriptions, OutboxWake],
  exports: [OutboxSubscriptions, OutboxWake],
})
export class OutboxModule {}
