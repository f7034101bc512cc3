import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import { Coalescer, HeldLeases, type HoldsLeases } from '@meldpunt/queue';
import { RequestContext } from '@meldpunt/identity';
import { CitizenTicketService, type NotificationOutcome } from '@meldpunt/tickets';
import { CitizenAccessTokens } from '../citizen-access-tokens';
import type { NotificationEntity } from '../entities/notification.entity';
import { MAIL_DELIVERY_QUEUE, type MailDeliveryJob } from '../notification-queues';
import { AttemptOutcome, type LinkToStore, NotificationRecords } from '../notification-records';
import { ComposedMail, MailComposer } from './mail-composer';
import { MailTransport } from './mail-transport';

// Longer than a send can take (connection, greeting and socket timeouts of MailTransport), so a
// lease never runs out under a send in progress; a crashed worker's lease simply expires.
const SENDING_LEASE_MS = 120_000;
const BUSY_RETRY_MS = 5000;

/**
 * Sends one e-mail per job. The notification row is checked first, so a job that runs again after
 * a success sends nothing; the sending lease taken in the same statement keeps a second job for
 * the same e-mail (re-created by the reconciler after a Redis loss, or a stalled job picked up
 * again) from sending it while the first is still at it. A failure is recorded and thrown for
 * BullMQ to retry with backoff; an SMTP 5xx answer (no such mailbox) or the last attempt marks it
 * failed for agents to see.
 */
@Processor(MAIL_DELIVERY_QUEUE, { concurrency: 16 })
export class MailDeliveryProcessor extends WorkerHost implements OnApplicationBootstrap, HoldsLeases {
  readonly leases = new HeldLeases();

  private readonly ctx = RequestContext.system('notifications');
  // Deliveries running side by side share their statements: one claim, one outcome and one
  // history statement for all that reach that step in the same turn of the event loop.
  private readonly claims = new Coalescer((requests: { id: string; link: LinkToStore }[]) =>
    this.records.claimMany(requests, SENDING_LEASE_MS),
  );
  private readonly outcomes = new Coalescer(async (attempts: { id: string; outcome: AttemptOutcome }[]) => {
    await this.records.recordMany(attempts);
    return attempts.map(() => null);
  });
  private readonly histories = new Coalescer((items: { ticketId: string; outcome: NotificationOutcome }[]) =>
    this.citizenTickets.recordNotificationOutcomes(this.ctx, items),
  );

  constructor(
    private readonly records: NotificationRecords,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly citizenTickets: CitizenTicketService,
    private readonly tokens: CitizenAccessTokens,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** MAIL_CONCURRENCY: deliveries mostly wait on SMTP and PostgreSQL, and the pool shares connections. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.mailConcurrency;
  }

  async process(job: Job<MailDeliveryJob>, token?: string): Promise<string> {
    // The citizen's link of this attempt, stored by the claim (one statement for both).
    const link = this.tokens.mint();
    const notification = await this.claims.call({ id: job.data.notificationId, link });
    if (notification === 'settled') return 'settled already';
    if (notification === 'busy') {
      // Come back for the other job's outcome, without using an attempt.
      await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
      throw new DelayedError();
    }
    this.leases.hold(job, token, () => this.records.release(notification.id));
    try {
      return await this.deliver(job, notification, link.token);
    } catch (error) {
      // An attempt that ended before its outcome was recorded (composing failed, the database was
      // away) gives its lease back, so the retry need not wait for it to expire.
      if (this.leases.drop(job)) await this.records.release(notification.id).catch(() => undefined);
      throw error;
    } finally {
      this.leases.drop(job);
    }
  }

  private async deliver(
    job: Job<MailDeliveryJob>,
    notification: NotificationEntity,
    statusToken: string,
  ): Promise<string> {
    const composed = await this.composer.compose(notification, statusToken);
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
    await this.outcomes.call({
      id: notification.id,
      outcome: { ...outcome, language: composed.language, recipient: composed.mail.to.address },
    });
    if (outcome.status === notification.status) return;
    const error = await this.histories.call({
      ticketId: notification.ticketId,
      outcome: {
        notificationId: notification.id,
        kind: notification.kind,
        status: outcome.status as 'sent' | 'retrying' | 'failed',
        attempts: outcome.attempts,
        ...(outcome.error ? { error: outcome.error } : {}),
      },
    });
    if (error) throw error;
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
