import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import { lostJobIds } from '@meldpunt/queue';
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

  enqueue(notification: NotificationEntity): Promise<void> {
    return this.enqueueMany([notification]);
  }

  /** Several e-mails in one round trip. */
  async enqueueMany(notifications: NotificationEntity[]): Promise<void> {
    if (!notifications.length) return;
    await this.queue.addBulk(
      notifications.map((n) => ({
        name: MAIL_DELIVERY_JOB,
        data: { notificationId: n.id },
        opts: this.options(n, this.config.mailAttempts),
      })),
    );
  }

  /**
   * Re-creates the jobs Redis lost of these unsettled e-mails, under their usual ids and with the
   * attempts they have left (the row counts them); returns how many it re-created.
   */
  async restore(notifications: NotificationEntity[]): Promise<number> {
    const ids = notifications.map((n) => deliveryJobId(n, n.manualRetries));
    const missing = new Set(await lostJobIds(this.queue, ids));
    const lost = notifications.filter((_, index) => missing.has(ids[index]));
    await this.queue.addBulk(
      lost.map((n) => ({
        name: MAIL_DELIVERY_JOB,
        data: { notificationId: n.id },
        opts: this.options(n, Math.max(1, this.config.mailAttempts - n.attempts)),
      })),
    );
    return lost.length;
  }

  private options(notification: NotificationEntity, attempts: number): JobsOptions {
    return {
      jobId: deliveryJobId(notification, notification.manualRetries),
      attempts,
      backoff: { type: 'exponential', delay: this.config.mailRetryBaseMs },
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 30 * 86_400 },
    };
  }
}
