import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The shared secret a municipality's back-office tool signs its webhook calls with. HMAC needs
 * the secret itself on our side too, so it is stored as is and never shown again after creation.
 */
@Entity('webhook_secret')
export class WebhookSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
