import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A refresh token, stored as the SHA-256 of its 256 random bits (a copy of the database logs no
 * one in). Each one is used once: a refresh marks it used and issues the next of its session.
 */
@Entity('refresh_token')
@Index('ix_refresh_token_session', ['sessionId'])
export class RefreshTokenEntity {
  /** Hex SHA-256 of the token. */
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set by the refresh that rotated it; presenting it again means it was copied. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
