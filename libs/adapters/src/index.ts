export * from './adapters.module';
export * from './webhook-inbox';
export * from './entities/webhook-delivery.entity';

import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
export const ADAPTER_ENTITIES = [WebhookDeliveryEntity];
