export * from './entities/outbox-event.entity';
export * from './entities/consumed-event.entity';
export * from './outbox-message';
export * from './outbox-batch';
export * from './outbox-subscriptions';
export * from './consumed-events';
export * from './outbox-relay';
export * from './outbox-wake';
export * from './outbox-redelivery';
export * from './outbox.module';
export * from './outbox-relay.module';

import { ConsumedEventEntity } from './entities/consumed-event.entity';
import { OutboxEventEntity } from './entities/outbox-event.entity';
export const OUTBOX_ENTITIES = [OutboxEventEntity, ConsumedEventEntity];
export * from './consumer-queue';
