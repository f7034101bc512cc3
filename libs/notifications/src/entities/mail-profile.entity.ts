import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Localised = { nl: string; fr: string; en: string };

/**
 * How a municipality signs its e-mails to citizens, and where its team's escalations go. Only what
 * an admin changed is stored; the rest comes from the defaults (see default-mail-profile.ts).
 */
@Entity('mail_profile')
export class MailProfileEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  /** The name citizens know, per language: "Stad Kortrijk", "Ville de Courtrai". */
  @Column({ type: 'jsonb', nullable: true })
  displayName: Localised | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  senderAddress: string | null;

  /** Lines under the greeting, per language (team, address, phone, opening hours). */
  @Column({ type: 'jsonb', nullable: true })
  signature: Localised | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  /** Tell the citizen when their ticket is taken up (new -> in_progress)? Off unless chosen. */
  @Column({ type: 'boolean', nullable: true })
  forwardedMail: boolean | null;

  /** The team that hears of every SLA breach (first response, resolution); none: no escalation mail. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  escalationEmail: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
