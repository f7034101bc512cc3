import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { NotificationEntity } from './entities/notification.entity';
import {
  SETTLED_STATUSES,
  STAFF_MAIL_KINDS,
  type MailLanguage,
  type NotificationKind,
  type NotificationStatus,
} from './notification-kind';

export interface NotificationKey {
  ticketId: string;
  eventId: string;
  kind: NotificationKind;
  municipalityCode: string;
}

/** The hash and expiry of a citizen's link (CitizenAccessTokens.mint), stored with a claim. */
export interface LinkToStore {
  tokenHash: string;
  expiresAt: Date;
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

  /**
   * The notification for this key, created when it does not exist yet (the idempotency key): one
   * statement, and a second read only when a concurrent insert of the same key committed after it
   * began (its snapshot cannot see that row).
   */
  async open(key: NotificationKey): Promise<NotificationEntity> {
    const columns = this.columns();
    const [row] = await this.rows.query<NotificationEntity[]>(
      `WITH inserted AS (
         INSERT INTO notification (id, ticket_id, event_id, kind, municipality_code) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING *)
       SELECT ${columns} FROM inserted
       UNION ALL
       SELECT ${columns} FROM notification
        WHERE ticket_id = $2 AND event_id = $3 AND kind = $4 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [randomUUID(), key.ticketId, key.eventId, key.kind, key.municipalityCode],
    );
    if (row) return this.rows.create(row);
    return this.rows.findOneByOrFail({ ticketId: key.ticketId, eventId: key.eventId, kind: key.kind });
  }

  /**
   * `open` for several keys in one statement (a batch of events): the rows in the order of
   * `keys`. A key whose row a concurrent insert committed after the statement began is read on
   * its own, as in `open`.
   */
  async openMany(keys: NotificationKey[]): Promise<NotificationEntity[]> {
    if (!keys.length) return [];
    const columns = this.columns();
    const rows = await this.rows.query<NotificationEntity[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[])
           AS i(id, ticket_id, event_id, kind, municipality_code)),
       inserted AS (
         INSERT INTO notification (id, ticket_id, event_id, kind, municipality_code)
         SELECT id, ticket_id, event_id, kind, municipality_code FROM input
         ON CONFLICT DO NOTHING RETURNING *)
       SELECT ${columns} FROM inserted
       UNION ALL
       SELECT ${columns.replace(/"([a-z_]+)" AS/g, 'n."$1" AS')} FROM notification n JOIN input i
         ON n.ticket_id = i.ticket_id AND n.event_id = i.event_id AND n.kind = i.kind
        WHERE NOT EXISTS (SELECT 1 FROM inserted x WHERE x.ticket_id = i.ticket_id AND x.event_id = i.event_id AND x.kind = i.kind)`,
      [
        keys.map(() => randomUUID()),
        keys.map((k) => k.ticketId),
        keys.map((k) => k.eventId),
        keys.map((k) => k.kind),
        keys.map((k) => k.municipalityCode),
      ],
    );
    const byKey = new Map(rows.map((row) => [keyOf(row), this.rows.create(row)]));
    return Promise.all(
      keys.map((key) => {
        const row = byKey.get(keyOf(key));
        return row ? Promise.resolve(row) : this.open(key);
      }),
    );
  }

  find(id: string): Promise<NotificationEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /**
   * Reads an e-mail to send and takes its sending lease for `ms`, in one statement: the row when
   * this job may send it, `settled` when there is nothing to send, `busy` while another job holds
   * the lease (it is sending this very e-mail now). With `link`, the same statement stores the
   * citizen's link of this attempt, when the lease is taken and the e-mail goes to a citizen: the
   * link works before the mail leaves, and a mail that is skipped after all leaves a hash nobody
   * holds the token of.
   */
  async claim(id: string, ms: number, link?: LinkToStore): Promise<NotificationEntity | 'settled' | 'busy'> {
    const [claim] = await this.claimMany([{ id, link }], ms);
    return claim;
  }

  /**
   * `claim` for several e-mails in one statement, one answer per request in order. An id asked
   * for twice is claimed once: the later request is `busy`, as if it had come a moment after.
   */
  async claimMany(
    requests: { id: string; link?: LinkToStore }[],
    ms: number,
  ): Promise<(NotificationEntity | 'settled' | 'busy')[]> {
    // The first request of an id is the one whose link is stored with the claim.
    const first = [...new Map(requests.map((r) => [r.id, r] as const).reverse()).values()];
    const columns = this.columns();
    const rows = await this.rows.query<(NotificationEntity & { claimed: boolean })[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS i(id, token_hash, expires_at)),
       claimed AS (
         UPDATE notification n SET sending_until = now() + $4 * interval '1 millisecond'
           FROM input i
          WHERE n.id = i.id AND n.status IN ('queued', 'retrying') AND (n.sending_until IS NULL OR n.sending_until < now())
          RETURNING n.*, i.token_hash AS link_hash, i.expires_at AS link_expires_at),
       link AS (
         INSERT INTO citizen_access_token (token_hash, ticket_id, municipality_code, notification_id, expires_at)
         SELECT link_hash, ticket_id, municipality_code, id, link_expires_at FROM claimed
          WHERE link_hash IS NOT NULL AND kind <> ALL ($5::text[]))
       SELECT ${columns}, true AS claimed FROM claimed
       UNION ALL
       SELECT ${columns}, false AS claimed FROM notification
        WHERE id = ANY($1::uuid[]) AND id NOT IN (SELECT id FROM claimed)`,
      [
        first.map((r) => r.id),
        first.map((r) => r.link?.tokenHash ?? null),
        first.map((r) => r.link?.expiresAt ?? null),
        ms,
        STAFF_MAIL_KINDS,
      ],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const answered = new Set<string>();
    return requests.map(({ id }) => {
      const row = byId.get(id);
      if (!row || SETTLED_STATUSES.includes(row.status)) return 'settled';
      if (!row.claimed || answered.has(id)) return 'busy';
      answered.add(id);
      const { claimed: _claimed, ...notification } = row;
      return this.rows.create(notification);
    });
  }

  /** The entity's columns under their property names, for raw statements that return rows. */
  private columns(): string {
    return this.rows.metadata.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', ');
  }

  /** Gives the sending lease back (the attempt ended without recording an outcome). */
  async release(id: string): Promise<void> {
    await this.rows.update({ id }, { sendingUntil: null });
  }

  /**
   * Unsettled e-mails untouched for `graceMs`, after `afterId` in id order: the reconciler checks
   * that each still has its delivery job.
   */
  unsettled(graceMs: number, afterId: string | null, limit: number): Promise<NotificationEntity[]> {
    const query = this.rows
      .createQueryBuilder('n')
      .where(`n.status IN ('queued', 'retrying')`)
      .andWhere(`n.updatedAt < now() - :grace * interval '1 millisecond'`, { grace: graceMs });
    if (afterId) query.andWhere('n.id > :afterId', { afterId });
    return query.orderBy('n.id').limit(limit).getMany();
  }

  async record(id: string, outcome: AttemptOutcome): Promise<void> {
    await this.recordMany([{ id, outcome }]);
  }

  /** The outcomes of several attempts in one statement; each also ends its sending lease. */
  async recordMany(attempts: { id: string; outcome: AttemptOutcome }[]): Promise<void> {
    await this.rows.query(
      `UPDATE notification n
          SET status = i.status, attempts = i.attempts, language = i.language, recipient = i.recipient,
              last_error = i.error, sending_until = NULL, updated_at = now(),
              message_id = coalesce(i.message_id, n.message_id),
              sent_at = CASE WHEN i.message_id IS NULL THEN n.sent_at ELSE now() END
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS i(id, status, attempts, language, recipient, error, message_id)
        WHERE n.id = i.id`,
      [
        attempts.map((a) => a.id),
        attempts.map((a) => a.outcome.status),
        attempts.map((a) => a.outcome.attempts),
        attempts.map((a) => a.outcome.language),
        attempts.map((a) => a.outcome.recipient),
        attempts.map((a) => a.outcome.error ?? null),
        attempts.map((a) => a.outcome.messageId ?? null),
      ],
    );
  }

  /** No address or consent (any more) by the time it was to be sent. */
  async skip(id: string): Promise<void> {
    await this.rows.update({ id }, { status: 'skipped', sendingUntil: null, updatedAt: new Date() });
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

function keyOf(k: { ticketId: string; eventId: string | number; kind: string }): string {
  return `${k.ticketId}/${String(k.eventId)}/${k.kind}`;
}
