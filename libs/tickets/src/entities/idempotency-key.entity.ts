import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An `Idempotency-Key` a caller used on create, with the hash of the body it came with. Keys are
 * scoped per caller, so two integrations can never collide on a key.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  owner: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'char', length: 64 })
  bodyHash: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
