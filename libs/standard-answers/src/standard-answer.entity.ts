import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AnswerTexts = { nl: string; fr: string; en: string };

/**
 * A standard answer agents insert in their reply: per municipality (or the whole region), per
 * category and ticket status (or any), in the three languages, with placeholders for the ticket.
 */
@Entity('standard_answer')
@Index('ix_standard_answer_scope', ['municipalityCode', 'categoryCode'])
export class StandardAnswerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Null: for every municipality of the region. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  municipalityCode: string | null;

  /** Null: for every category. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  categoryCode: string | null;

  /** The ticket status it is written for (e.g. waiting_for_citizen); null: any. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  status: string | null;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'jsonb' })
  body: AnswerTexts;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
