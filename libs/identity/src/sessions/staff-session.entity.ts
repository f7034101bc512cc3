import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SESSION_METHODS = ['password', 'oidc'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

/**
 * One login of a staff member: the family of refresh tokens it rotates through and the id every
 * access token of that login carries (`sid`). Revoking the session ends all of them at once.
 */
@Entity('staff_session')
@Index('ix_staff_session_user', ['userId'])
// The revocation sync reads the recently revoked sessions every few seconds.
@Index('ix_staff_session_revoked_at', ['revokedAt'], { where: 'revoked_at IS NOT NULL' })
export class StaffSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  method: SessionMethod;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** logout, refresh_reuse, account_changed, ... */
  @Column({ type: 'varchar', length: 40, nullable: true })
  revokeReason: string | null;
}
