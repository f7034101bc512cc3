import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ForwardStatus = 'open' | 'answered';

/**
 * A question about a ticket sent to a party outside the municipality (the utility for a gas smell,
 * the police for a dangerous crossing). The party answers through the link in its e-mail; each
 * answer is an internal message on the ticket. Only what the party needs to know goes out: the
 * question, the place and the description, never the reporter's contact details.
 */
@Entity('ticket_forward')
@Index('ix_ticket_forward_ticket', ['ticketId', 'createdAt'])
export class TicketForwardEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  /** The ticket's municipality when it was sent: the scope of its answers. */
  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 120 })
  partyName: string;

  @Column({ type: 'varchar', length: 254 })
  partyEmail: string;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: ForwardStatus;

  @Column({ type: 'int', default: 0 })
  answerCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** Who sent it (a staff member's name and id, as in the ticket's history). */
  @Column({ type: 'jsonb' })
  sentBy: { type: string; id: string | null; name: string };

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** After this the party's links no longer open the ticket. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
