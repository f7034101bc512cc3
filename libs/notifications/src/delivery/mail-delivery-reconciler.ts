import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { PeriodicReconciler } from '@meldpunt/queue';
import { NotificationRecords } from '../notification-records';
import { MailDeliveryQueue } from './mail-delivery-queue';

const PAGE = 5000;

/**
 * Every e-mail still to send (queued, or retrying after a failure) has a delivery job; after a
 * Redis flush or failover this puts back those that are gone, at start and every
 * RECONCILE_INTERVAL_MS. Rows younger than RECONCILE_GRACE_MS are skipped: their job is being added
 * right now. A re-created job sends nothing for an e-mail sent meanwhile (the row is settled) and
 * waits for one being sent (the sending lease), so each e-mail still goes out once.
 */
@Injectable()
export class MailDeliveryReconciler extends PeriodicReconciler {
  constructor(
    private readonly records: NotificationRecords,
    private readonly delivery: MailDeliveryQueue,
    private readonly config: AppConfig,
  ) {
    super(config.reconcileIntervalMs, 'mail reconciler', 'delivery jobs');
  }

  protected async restore(): Promise<number> {
    let added = 0;
    for (let after: string | null = null; ;) {
      const rows = await this.records.unsettled(this.config.reconcileGraceMs, after, PAGE);
      if (rows.length) added += await this.delivery.restore(rows);
      if (rows.length < PAGE) return added;
      after = rows[rows.length - 1].id;
    }
  }
}
