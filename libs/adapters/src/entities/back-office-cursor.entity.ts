import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the inbound poll of a municipality's back-office continues, and how the last one went. */
@Entity('back_office_cursor')
export class BackOfficeCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 20 })
  system: string;

  /** The connector's opaque cursor; null before the first poll. */
  @Column({ type: 'text', nullable: true })
  cursor: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  polledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Held by the poll running now, so two polls of one municipality never overlap. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;
}
