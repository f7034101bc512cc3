export * from './chat.module';
export * from './entities/chat-session.entity';
export * from './entities/chat-message.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ChatSessionEntity } from './entities/chat-session.entity';
export const CHAT_ENTITIES = [ChatSessionEntity, ChatMessageEntity];
