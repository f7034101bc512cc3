import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A municipality's back-office secrets, sealed with AES-256-GCM under CREDENTIALS_KEY. Write-only
 * through the API: no endpoint returns them, and a database dump alone does not reveal them.
 */
@Entity('back_office_credential')
export class BackOfficeCredentialEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the version names the sealing scheme. */
  @Column({ type: 'text' })
  sealed: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
