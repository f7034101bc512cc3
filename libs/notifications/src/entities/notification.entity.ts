import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MailLanguage, NotificationKind, NotificationStatus } from '../notification-kind';

/**
 * One e-mail to a citizen, from its trigger to its outcome. The unique key (ticket, event, kind)
 * is the idempotency key: handling an event twice finds the row, and a delivery job sends only
 * while the row is not settled (sent, failed, skipped).
 */
@Entity('notification')
@Index('uq_notification_key', ['ticketId', 'eventId', 'kind'], { unique: true })
@Index('ix_notification_failed', ['municipalityCode', 'updatedAt'], { where: `status = 'failed'` })
// The reconciler looks for unsettled e-mails whose job Redis lost, without reading the sent ones.
@Index('ix_notification_unsettled', ['updatedAt'], { where: `status IN ('queued', 'retrying')` })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  /** The ticket's municipality, so staff see only the failures of their municipalities. */
  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 20 })
  kind: NotificationKind;

  /** The ticket history event (ticket_event.id) the e-mail is about. */
  @Column({ type: 'bigint' })
  eventId: string;

  /** Set when the e-mail is composed: the reporter's language at that moment. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: MailLanguage | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  recipient: string | null;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The SMTP server's answer (or the connection error) of the last failed attempt. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** How many times staff re-queued it after a permanent failure (part of the job id). */
  @Column({ type: 'integer', default: 0 })
  manualRetries: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /**
   * Set while a delivery job is sending it: another job for the same e-mail (re-created after a
   * Redis loss, or a stalled one picked up again) waits instead of sending it a second time.
   */
  @Column({ type: 'timestamptz', nullable: true })
  sendingUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
