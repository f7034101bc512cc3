import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsumedEventLog } from './consumed-event-log';
import { OutboxRedelivery } from './outbox-redelivery';
import { OutboxRelay } from './outbox-relay';

/**
 * The relay itself, and what makes its durable subscribers survive a lost Redis (the record of
 * what they consumed, the redelivery of what they did not): loaded by the worker (or the api when
 * it runs the worker in-process).
 */
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxRelay, ConsumedEventLog, OutboxRedelivery],
  exports: [OutboxRelay, OutboxRedelivery],
})
export class OutboxRelayModule {}
