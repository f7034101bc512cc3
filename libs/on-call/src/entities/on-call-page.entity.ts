import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * paged: sent, waiting for an acknowledgement until `escalateAt`; acknowledged: someone took it;
 * unanswered: nobody acknowledged in time and the next person was paged (or there was none left).
 */
export type PageStatus = 'paged' | 'acknowledged' | 'unanswered';

/**
 * One call of one person on watch for an urgent ticket out of hours: step 0 is the first person
 * of the roster, step 1 the next when step 0 did not acknowledge in time, and so on. One row per
 * ticket and step, so a page is never sent twice for the same step.
 */
@Entity('on_call_page')
@Index('uq_on_call_page_step', ['ticketId', 'step'], { unique: true })
@Index('ix_on_call_page_due', ['escalateAt'], { where: "status = 'paged'" })
export class OnCallPageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'int' })
  step: number;

  /** Null when nobody (left) was on watch: the row records that the roster ran out. */
  @Column({ type: 'uuid', nullable: true })
  shiftId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  userName: string | null;

  /** How the page went out: sms and/or email. */
  @Column({ type: 'jsonb' })
  channels: string[];

  @Column({ type: 'varchar', length: 16, default: 'paged' })
  status: PageStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  pagedAt: Date;

  /** When the SMS and e-mail were handed to their providers (a redelivered event sends nothing then). */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Unacknowledged by then: the next person is paged. */
  @Column({ type: 'timestamptz' })
  escalateAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  acknowledgedBy: string | null;
}
