import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ChatStatus = 'waiting' | 'active' | 'ended';
export type ChatDesk = 'municipal' | 'regional';

/**
 * One live chat between a citizen (from a municipality's website) and an agent. It waits for an
 * agent of the desk that was responsible when it started (the municipality's own in opening
 * hours, the regional out-of-hours desk otherwise), is held by the agent who accepted it, and ends
 * as a ticket (new, or the caller's own) with the transcript in its history.
 */
@Entity('chat_session')
@Index('ix_chat_session_open', ['status', 'createdAt'], { where: `status <> 'ended'` })
export class ChatSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'varchar', length: 10 })
  desk: ChatDesk;

  @Column({ type: 'varchar', length: 10, default: 'waiting' })
  status: ChatStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  citizenName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  citizenEmail: string | null;

  /** SHA-256 of the citizen's chat token: the only way back into the chat (a reload, a new socket). */
  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  agentId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  agentName: string | null;

  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  ticketReference: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
