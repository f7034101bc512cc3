import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { RequestContext } from '@meldpunt/identity';
import { CitizenTicketService } from '@meldpunt/tickets';
import type { NotificationEntity } from '../entities/notification.entity';
import { SETTLED_STATUSES } from '../notification-kind';
import { MAIL_DELIVERY_QUEUE, type MailDeliveryJob } from '../notification-queues';
import { AttemptOutcome, NotificationRecords } from '../notification-records';
import { ComposedMail, MailComposer } from './mail-composer';
import { MailTransport } from './mail-transport';

/**
 * Sends one e-mail per job. The notification row is checked first, so a job that runs again after
 * a success sends nothing. A failure is recorded and thrown for BullMQ to retry with backoff; an
 * SMTP 5xx answer (no such mailbox) or the last attempt marks it failed for agents to see.
 */
@Processor(MAIL_DELIVERY_QUEUE, { concurrency: 4 })
export class MailDeliveryProcessor extends WorkerHost {
  private readonly ctx = RequestContext.system('notifications');

  constructor(
    private readonly records: NotificationRecords,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly citizenTickets: CitizenTicketService,
  ) {
    super();
  }

  async process(job: Job<MailDeliveryJob>): Promise<string> {
    const notification = await this.records.find(job.data.notificationId);
    if (!notification || SETTLED_STATUSES.includes(notification.status)) return 'settled already';
    const composed = await this.composer.compose(notification);
    if (!composed) {
      await this.records.skip(notification.id);
      return 'skipped: no address or no consent (escalation: no escalation address)';
    }
    const attempts = notification.attempts + 1;
    try {
      await this.transport.send(composed.mail);
    } catch (error) {
      const answer = smtpAnswer(error);
      const permanent = isPermanent(error);
      const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.settle(notification, composed, {
        status: last ? 'failed' : 'retrying',
        attempts,
        error: answer,
      });
      throw permanent ? new UnrecoverableError(answer) : error;
    }
    await this.settle(notification, composed, {
      status: 'sent',
      attempts,
      messageId: composed.mail.messageId,
    });
    return 'sent';
  }

  /** The row first (it guards against sending twice), then the ticket history on each change of status. */
  private async settle(
    notification: NotificationEntity,
    composed: ComposedMail,
    outcome: Omit<AttemptOutcome, 'language' | 'recipient'>,
  ): Promise<void> {
    await this.records.record(notification.id, {
      ...outcome,
      language: composed.language,
      recipient: composed.mail.to.address,
    });
    if (outcome.status === notification.status) return;
    await this.citizenTickets.recordNotificationOutcome(this.ctx, notification.ticketId, {
      notificationId: notification.id,
      kind: notification.kind,
      status: outcome.status as 'sent' | 'retrying' | 'failed',
      attempts: outcome.attempts,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
  }
}

/** What the SMTP server said ("550 5.1.1 No such user"), or the connection error. */
function smtpAnswer(error: unknown): string {
  const e = error as { response?: string; message?: string };
  return (e.response ?? e.message ?? String(error)).slice(0, 1000);
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
