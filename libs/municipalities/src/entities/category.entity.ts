import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TICKET_KINDS = ['question', 'report', 'complaint'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * A category: one of the regional taxonomy (`municipalityCode` null), which every municipality
 * offers unless it turned it off, or one a municipality added for itself. Codes are unique across
 * the region, so a ticket's `categoryCode` means the same everywhere (reports, open data).
 */
@Entity('category')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  /** The municipality that added this category; null for the regional taxonomy. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  @Index()
  municipalityCode: string | null;

  @Column({ type: 'jsonb' })
  name: { nl: string; fr: string; en: string };

  @Column({ type: 'text', array: true })
  kinds: TicketKind[];

  @Column({ type: 'varchar', length: 2, default: 'P3' })
  defaultPriority: Priority;

  @Column({ type: 'integer', default: 100 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
