import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Priority, TicketKind } from '@meldpunt/municipalities';
import type { PolicySnapshot } from '@meldpunt/sla';
import type { CancelReason, TicketStatus } from '../ticket-lifecycle';

export const CHANNELS = ['phone', 'email', 'web', 'chat', 'counter', 'app', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ExternalRef {
  system: string;
  id: string;
  number?: string;
  url?: string;
  syncedAt: string;
}

/**
 * One question, report or complaint, from any channel and municipality. Rows are written with
 * SQL in TicketRepository (one statement or one transaction together with history and outbox);
 * this class defines the schema the migrations are generated from.
 */
@Entity('ticket')
@Index('ix_ticket_municipality_status_number', ['municipalityCode', 'status', 'number'])
@Index('ix_ticket_municipality_number', ['municipalityCode', 'number'])
@Index('ix_ticket_category_number', ['categoryCode', 'number'])
@Index('ix_ticket_reporter_email', ['reporterEmail'], { where: 'reporter_email IS NOT NULL' })
@Index('ix_ticket_reporter_phone', ['reporterPhone'], { where: 'reporter_phone IS NOT NULL' })
// The SLA reconciler walks the tickets whose clocks may run, every minute.
@Index('ix_ticket_running_clocks', ['id'], { where: `status IN ('new', 'in_progress') AND NOT sla_paused` })
// The retention job looks for finished tickets that still hold reporter data.
@Index('ix_ticket_anonymisation_due', ['createdAt'], {
  where: `anonymised_at IS NULL AND status IN ('closed', 'cancelled')`,
})
export class TicketEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** From the sequence ticket_number_seq; orders lists and backs the cursor. */
  @Index('uq_ticket_number', { unique: true })
  @Column({ type: 'bigint' })
  number: string;

  /** ZWVL-<year>-<number, six digits or more>, built in SQL from `number`. */
  @Index('uq_ticket_reference', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  reference: string;

  @Column({ type: 'varchar', length: 12 })
  kind: TicketKind;

  @Column({ type: 'varchar', length: 12 })
  channel: Channel;

  @Column({ type: 'varchar', length: 60 })
  categoryCode: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  locationAddress: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  locationPostcode: string | null;

  @Column({ type: 'double precision', nullable: true })
  locationLat: number | null;

  @Column({ type: 'double precision', nullable: true })
  locationLon: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reporterName: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  reporterEmail: string | null;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  reporterPhone: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  reporterLanguage: 'nl' | 'fr' | 'en' | null;

  /** No e-mail goes to the reporter without it. */
  @Column({ type: 'boolean', default: false })
  reporterConsent: boolean;

  @Column({ type: 'varchar', length: 2 })
  priority: Priority;

  @Column({ type: 'varchar', length: 24, default: 'new' })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  cancelReason: CancelReason | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  assigneeName: string | null;

  /** The municipality's team the ticket is with (Team wegen); its name as shown, kept with it. */
  @Index('ix_ticket_team')
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  teamName: string | null;

  /**
   * The ticket this one was merged into (a report of the same thing): this one is cancelled as a
   * duplicate, keeps its reporter, and hears of the resolution of the other.
   */
  @Index('ix_ticket_merged_into', { where: 'merged_into_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  mergedIntoReference: string | null;

  /** The agent handling it right now in the console (a call, a chat); released when they leave. */
  @Column({ type: 'uuid', nullable: true })
  claimedById: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  claimedByName: string | null;

  /** Bumped by every change: clients can detect that what they show is stale. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  responseDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  slaPaused: boolean;

  @Column({ type: 'boolean', default: false })
  responseBreached: boolean;

  @Column({ type: 'boolean', default: false })
  resolutionBreached: boolean;

  /** The SLA policy as it was at intake (targets and totals); see libs/sla ticket-clocks. */
  @Column({ type: 'jsonb', nullable: true })
  slaPolicy: PolicySnapshot | null;

  /** Bumped whenever a deadline or warning instant moves: timer jobs of older versions do nothing. */
  @Column({ type: 'integer', default: 1 })
  slaVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  slaPausedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  responseWarnAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolutionWarnAt: Date | null;

  /** Time left on a paused clock (waiting for the citizen; the resolution clock also while resolved). */
  @Column({ type: 'bigint', nullable: true })
  responseRemainingMs: string | null;

  @Column({ type: 'bigint', nullable: true })
  resolutionRemainingMs: string | null;

  @Column({ type: 'boolean', default: false })
  responseWarned: boolean;

  @Column({ type: 'boolean', default: false })
  resolutionWarned: boolean;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  externalRefs: ExternalRef[];

  /** When the reporter's personal data were removed (see TicketPersonalData); null while held. */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Dutch full-text index over subject and description ("straatlampen" finds "straatlamp"). */
  @Index('ix_ticket_search', { synchronize: false })
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('dutch', coalesce(subject, '') || ' ' || description)`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector: string;
}
