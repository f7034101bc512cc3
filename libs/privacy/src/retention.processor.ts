import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PersonalDataRetention } from './personal-data-retention';
import { PRIVACY_QUEUE } from './privacy-queues';

/** Runs the nightly retention job; a failure is thrown so BullMQ retries it. */
@Processor(PRIVACY_QUEUE)
export class RetentionProcessor extends WorkerHost {
  constructor(private readonly retention: PersonalDataRetention) {
    super();
  }

  async process(_job: Job): Promise<{ anonymised: number }> {
    return { anonymised: await this.retention.anonymiseExpired() };
  }
}
