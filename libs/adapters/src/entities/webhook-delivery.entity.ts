import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A webhook call from a municipality's back-office tool whose signature was valid, kept as
 * received (the record of what the tool told us); processedAt is set once it was applied or
 * turned into a poll.
 */
@Entity('webhook_delivery')
@Index('ix_webhook_delivery_municipality_received', ['municipalityCode', 'receivedAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
