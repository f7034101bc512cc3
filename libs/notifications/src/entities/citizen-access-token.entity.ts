import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The private links in citizens' e-mails. Only the SHA-256 of a token is stored: a copy of the
 * database opens no ticket. Every e-mail carries a token of its own; all lead to the same ticket.
 */
@Entity('citizen_access_token')
@Index('ix_citizen_access_token_ticket', ['ticketId'])
export class CitizenAccessTokenEntity {
  /** Hex SHA-256 of the token (256 random bits, base64url). */
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  /** The e-mail that carried it. */
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
