import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Actor } from '../request-context';

/**
 * Who read or changed what, and when. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
 * Rows hold identifiers, never personal data themselves (they cannot be anonymised later).
 * Ticket changes arrive from a trigger on ticket_event, in the same transaction as the change.
 */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** BRIN-indexed (in the migration): rows arrive in time order, and a BRIN index costs little to keep. */
  @Index('ix_audit_event_at', { synchronize: false })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Indexed on actor->>'id' (created in the migration). */
  @Index('ix_audit_event_actor', { synchronize: false })
  @Column({ type: 'jsonb' })
  actor: Actor;

  /** ticket.read, ticket.list, ticket.status_changed, user.update, gdpr.export, ... */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  /** The tickets concerned: one for a read or change, every returned one for a list. GIN-indexed. */
  @Index('ix_audit_event_ticket_ids', { synchronize: false })
  @Column({ type: 'uuid', array: true, default: '{}' })
  ticketIds: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  municipalityCodes: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
