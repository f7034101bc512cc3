import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TICKET_KINDS = ['question', 'report', 'complaint'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The regional category taxonomy, shared by all municipalities (each maps it to its back-office). */
@Entity('category')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

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
