import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PrivacyModule } from './privacy.module';
import { PRIVACY_QUEUE, RETENTION_JOB, RETENTION_SCHEDULE, RETENTION_SCHEDULER } from './privacy-queues';
import { RetentionProcessor } from './retention.processor';

/** The nightly anonymisation, as a BullMQ job scheduler: one run per night however many workers. */
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
  providers: [RetentionProcessor],
})
export class PrivacyWorkerModule implements OnModuleInit {
  constructor(@InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue) {}

  async onModuleInit(): Promise<void> {
    // Upsert: every worker declares the same scheduler; Redis keeps one.
    await this.queue.upsertJobScheduler(RETENTION_SCHEDULER, RETENTION_SCHEDULE, { name: RETENTION_JOB });
  }
}
