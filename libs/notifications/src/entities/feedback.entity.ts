import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Satisfaction scores, for reporting. The ticket history holds the same fact; this table is filled
 * from its outbox event, keyed by the history event so a repeated event adds nothing.
 */
@Entity('feedback')
@Index('ix_feedback_municipality_given_at', ['municipalityCode', 'givenAt'])
export class FeedbackEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('uq_feedback_event', { unique: true })
  @Column({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  /** 1 (not satisfied at all) to 5 (very satisfied). */
  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz' })
  givenAt: Date;
}
