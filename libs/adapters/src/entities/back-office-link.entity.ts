import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One ticket's case in its municipality's back-office, and what the sync engine has seen of it.
 * Its row also serialises the sync of one ticket (a lease), so a note never overtakes the create.
 */
@Entity('back_office_link')
@Index('ux_back_office_link_external', ['municipalityCode', 'system', 'externalId'], {
  unique: true,
  where: 'external_id IS NOT NULL',
})
export class BackOfficeLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 20 })
  system: string;

  /** Null until the case exists in the tool. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalNumber: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  syncedAt: Date | null;

  /** The tool's last status we acted on (raw and mapped): a repeat of it changes nothing. */
  @Column({ type: 'jsonb', nullable: true })
  remoteState: { remoteStatus: string; status: string | null } | null;

  /** Ids of the tool's notes already in the ticket's history. */
  @Column({ type: 'text', array: true, default: '{}' })
  seenNoteIds: string[];

  /** Hashes of the notes we wrote into the tool, so polling does not bring them back as theirs. */
  @Column({ type: 'text', array: true, default: '{}' })
  pushedNoteHashes: string[];

  /** Held by the sync job working on this ticket until then (one job per ticket at a time). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
