import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which consumer has already handled which outbox event: queues deliver at least once. */
@Entity('consumed_event')
export class ConsumedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  consumer: string;

  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  consumedAt: Date;
}
