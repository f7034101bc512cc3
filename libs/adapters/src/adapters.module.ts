import { Module } from '@nestjs/common';
import { WebhookController } from './webhook.controller';
import { WebhookInbox } from './webhook-inbox';

/** Back-office integration. So far: the signed webhook endpoint and its inbox. */
@Module({
  controllers: [WebhookController],
  providers: [WebhookInbox],
  exports: [WebhookInbox],
})
export class AdaptersModule {}
