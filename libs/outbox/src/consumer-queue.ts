import type { RegisterQueueOptions } from '@nestjs/bullmq';

/**
 * A queue that takes outbox events for a consumer: a failing batch is retried ten times with
 * exponential back-off from a second; done jobs are kept an hour (for inspection), failed ones a
 * week. The outbox's redelivery covers what gets lost beyond that.
 */
export function outboxConsumerQueue(name: string): RegisterQueueOptions {
  return {
    name,
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 100_000 },
      removeOnFail: { age: 7 * 86_400 },
    },
  };
}
