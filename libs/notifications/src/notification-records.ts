import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { NotificationEntity } from './entities/notification.entity';
import type { MailLanguage, NotificationKind, NotificationStatus } from './notification-kind';

export interface NotificationKey {
  ticketId: string;
  eventId: string;
  kind: NotificationKind;
  municipalityCode: string;
}

export interface AttemptOutcome {
  status: NotificationStatus;
  attempts: number;
  language: MailLanguage;
  recipient: string;
  error?: string;
  messageId?: string;
}

/** The notification rows: one per (ticket, event, kind), from queued to sent, failed or skipped. */
@Injectable()
export class NotificationRecords {
  constructor(@InjectRepository(NotificationEntity) private readonly rows: Repository<NotificationEntity>) {}

  /** The notification for this key, created when it does not exist yet (the idempotency key). */
  async open(key: NotificationKey): Promise<NotificationEntity> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), ...key })
      .orIgnore()
      .execute();
    return this.rows.findOneByOrFail({ ticketId: key.ticketId, eventId: key.eventId, kind: key.kind });
  }

  find(id: string): Promise<NotificationEntity | null> {
    return this.rows.findOneBy({ id });
  }

  async record(id: string, outcome: AttemptOutcome): Promise<void> {
    await this.rows.update(
      { id },
      {
        status: outcome.status,
        attempts: outcome.attempts,
        language: outcome.language,
        recipient: outcome.recipient,
        lastError: outcome.error ?? null,
        ...(outcome.messageId ? { messageId: outcome.messageId, sentAt: new Date() } : {}),
        updatedAt: new Date(),
      },
    );
  }

  /** No address or consent (any more) by the time it was to be sent. */
  async skip(id: string): Promise<void> {
    await this.rows.update({ id }, { status: 'skipped', updatedAt: new Date() });
  }

  /** Permanent failures in the caller's municipalities, newest first. */
  failures(ctx: RequestContext, limit = 200): Promise<NotificationEntity[]> {
    return this.rows.find({
      where: { status: 'failed', ...(ctx.scope === 'all' ? {} : { municipalityCode: In([...ctx.scope]) }) },
      order: { updatedAt: 'DESC' },
      take: limit,
    });
  }

  /** Puts a failed notification back in the queue (staff, after fixing the address or the SMTP server). */
  async requeue(ctx: RequestContext, id: string): Promise<NotificationEntity> {
    const row = await this.rows.findOneBy({ id });
    if (!row || !ctx.canSee(row.municipalityCode)) throw new NotFoundError('Notification', id);
    if (row.status !== 'failed')
      throw new ConflictError(`Only failed notifications are retried; this one is ${row.status}`);
    const { affected } = await this.rows.update(
      { id, status: 'failed' },
      { status: 'queued', attempts: 0, manualRetries: row.manualRetries + 1, updatedAt: new Date() },
    );
    if (!affected) throw new ConflictError('This notification was retried already');
    return (await this.rows.findOneBy({ id }))!;
  }
}
