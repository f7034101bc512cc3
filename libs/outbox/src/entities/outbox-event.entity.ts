import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Events to publish, written in the same transaction as the change they describe. The relay
 * moves them to the queues of their subscribers and marks them published.
 */
@Entity('outbox_event')
@Index('ix_outbox_event_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'uuid' })
  aggregateId: string;

  /** The municipality the event belongs to, so consumers can scope without a lookup. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
