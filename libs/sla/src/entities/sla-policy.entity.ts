import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Target } from '../sla-target';
import type { SlaPriority, TicketKind } from '../sla-policy-matching';

/** A response and a resolution target for the tickets it matches (null matchers match anything). */
@Entity('sla_policy')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  categoryCode: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  priority: SlaPriority | null;

  /** Extension of the contract: questions, reports and complaints have different targets. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  kind: TicketKind | null;

  @Column({ type: 'jsonb' })
  responseTarget: Target;

  @Column({ type: 'jsonb' })
  resolutionTarget: Target;

  @Column({ type: 'integer', default: 75 })
  warnAtPercent: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
