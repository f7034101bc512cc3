import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';

/** The relay itself: loaded by the worker (or the api when it runs the worker in-process). */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
