import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The links in the e-mails to outside parties, as the citizens' are: only the SHA-256 of a token
 * is stored, every e-mail carries its own, all lead to the same forward.
 */
@Entity('forward_access_token')
@Index('ix_forward_access_token_forward', ['forwardId'])
export class ForwardAccessTokenEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid' })
  forwardId: string;

  /** The e-mail that carried it. */
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
