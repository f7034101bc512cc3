import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Actor } from '@meldpunt/identity';

/** Append-only history of a ticket; its id is the global, gap-tolerant order of events. */
@Entity('ticket_event')
@Index('ix_ticket_event_ticket', ['ticketId', 'id'])
export class TicketEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'jsonb' })
  actor: Actor;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data: Record<string, unknown>;
}
