import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import type { NotificationEntity } from '../entities/notification.entity';
import {
  deliveryJobId,
  MAIL_DELIVERY_JOB,
  MAIL_DELIVERY_QUEUE,
  type MailDeliveryJob,
} from '../notification-queues';

/** Puts one e-mail in the delivery queue, with retries and exponential backoff from the configuration. */
@Injectable()
export class MailDeliveryQueue {
  constructor(
    @InjectQueue(MAIL_DELIVERY_QUEUE) private readonly queue: Queue<MailDeliveryJob>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(notification: NotificationEntity): Promise<void> {
    await this.queue.add(
      MAIL_DELIVERY_JOB,
      { notificationId: notification.id },
      {
        jobId: deliveryJobId(notification, notification.manualRetries),
        attempts: this.config.mailAttempts,
        backoff: { type: 'exponential', delay: this.config.mailRetryBaseMs },
        removeOnComplete: { age: 86_400, count: 10_000 },
        removeOnFail: { age: 30 * 86_400 },
      },
    );
  }
}
