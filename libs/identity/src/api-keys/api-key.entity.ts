import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A key with which a system (a municipal website, an Open311 gateway) calls the API for one
 * municipality. The secret part is shown once at creation; only its SHA-256 is kept.
 */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The visible start of the key (`mpk_3f9a1c0d`): lets people tell keys apart in lists and logs. */
  @Index('uq_api_key_prefix', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  prefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column({ type: 'char', length: 64 })
  keyHash: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The admin who created it. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Written at most once a minute per key (see ApiKeys.touch). */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
