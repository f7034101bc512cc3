import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChatSender = 'citizen' | 'agent';

/** One line of a chat, stored before it is shown to the other side: a dropped socket loses none. */
@Entity('chat_message')
@Index('ix_chat_message_chat', ['chatId', 'id'])
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  chatId: string;

  @Column({ type: 'varchar', length: 10 })
  sender: ChatSender;

  @Column({ type: 'varchar', length: 200 })
  authorName: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
