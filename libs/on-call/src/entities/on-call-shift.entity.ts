import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One person's watch (wachtdienst) for a municipality: from `startsAt` to `endsAt`, at a place in
 * the order they are called in (1 first, then 2 when 1 does not acknowledge, ...). The phone
 * number is the one to page; the e-mail is the staff user's.
 */
@Entity('on_call_shift')
@Index('ix_on_call_shift_when', ['municipalityCode', 'startsAt'])
export class OnCallShiftEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 200 })
  userName: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** E.164; without it the page goes by e-mail only. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int', default: 1 })
  position: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
