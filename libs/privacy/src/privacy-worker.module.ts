import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PrivacyModule } from './privacy.module';
import { PRIVACY_QUEUE } from './privacy-queues';
import { RetentionProcessor } from './retention.processor';
import { RetentionSchedule } from './retention-schedule';

/** The nightly anonymisation: its job scheduler (kept in Redis by RetentionSchedule) and processor. */
@Module({
  imports: [
    PrivacyModule,
    BullModule.registerQueue({
      name: PRIVACY_QUEUE,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 100 },
        removeOnFail: { age: 30 * 86_400 },
      },
    }),
  ],
  providers: [RetentionProcessor, RetentionSchedule],
})
export class PrivacyWorkerModule {}
