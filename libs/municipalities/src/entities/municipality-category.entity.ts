import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type CategoryNames = { nl: string; fr: string; en: string };

/**
 * How one municipality offers a regional category: turned off, or under its own name. No row
 * means the regional default (offered, regional name). A municipality's own categories live in
 * `category` itself; their back-office mapping, like every other, is in the connection's categoryMap.
 */
@Entity('municipality_category')
export class MunicipalityCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  categoryCode: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** The municipality's own names; null keeps the regional ones. */
  @Column({ type: 'jsonb', nullable: true })
  name: CategoryNames | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
