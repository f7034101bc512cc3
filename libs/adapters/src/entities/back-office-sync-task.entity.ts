import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// transfer: the ticket moved to another municipality (a note to the former case, a case in the new tool).
export type SyncOperation = 'create' | 'note' | 'hold' | 'resume' | 'reopen' | 'transfer';
export type SyncTaskState = 'pending' | 'done' | 'failed';

/**
 * One call to make to a back-office, derived from a ticket event. Tasks of a ticket run in id
 * order; a task that exhausted its retries is `failed`: a failure record agents see and retry.
 */
@Entity('back_office_sync_task')
@Index('ix_back_office_sync_task_ticket', ['ticketId', 'id'])
@Index('ix_back_office_sync_task_failed', ['municipalityCode', 'failedAt'], { where: `state = 'failed'` })
// Pending tasks per municipality (integration status, /metrics) without reading the done ones.
@Index('ix_back_office_sync_task_pending', ['municipalityCode', 'createdAt'], { where: `state = 'pending'` })
export class BackOfficeSyncTaskEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 20 })
  system: string;

  @Column({ type: 'varchar', length: 20 })
  operation: SyncOperation;

  /** What the call needs besides the ticket (a note's text and visibility, a hold's reason). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  payload: Record<string, unknown>;

  /** The outbox event this task came from: at-least-once delivery makes no second task. */
  @Index('ux_back_office_sync_task_source', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  sourceEventId: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  state: SyncTaskState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /**
   * A write of this task went unanswered and may still land in the tool: a create's look-up by
   * reference before its retry waits until then, or it could miss the case and make a second one.
   */
  @Column({ type: 'timestamptz', nullable: true })
  settleUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
