import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A photo or document a citizen sent with their report, kept in PostgreSQL (bytea) with the
 * ticket: one backup, one transaction with the intake, and gone with the ticket's personal data.
 * The content type is what the bytes are (sniffed), not what the sender said.
 */
@Entity('ticket_attachment')
@Index('ix_ticket_attachment_ticket', ['ticketId', 'createdAt'])
export class TicketAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  /** The file name as sent, cleaned of paths and control characters. */
  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 60 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
