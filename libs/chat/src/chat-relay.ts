import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { municipalityRoom, REGION_ROOM } from '@meldpunt/console';
import type { ChatDesk } from './entities/chat-session.entity';

export const chatRoom = (chatId: string) => `chat:${chatId}`;

/** The agents' rooms a chat is offered in: its municipality's and the region's, or out of hours the region's. */
export function deskRooms(chat: { desk: ChatDesk; municipalityCode: string }): string[] {
  return chat.desk === 'municipal' ? [municipalityRoom(chat.municipalityCode), REGION_ROOM] : [REGION_ROOM];
}

/**
 * Both ends of the chats: the citizens' namespace (/chat) and the agents' (/console). Rooms are
 * per chat on both sides, and the Redis adapter carries every emit to the sockets of every api
 * instance, so a citizen and an agent connected to different instances still talk.
 */
@Injectable()
export class ChatRelay {
  citizens: Namespace | null = null;
  agents: Namespace | null = null;

  toChat(chatId: string, event: string, payload: object): void {
    this.citizens?.to(chatRoom(chatId)).emit(event, payload);
    this.agents?.to(chatRoom(chatId)).emit(event, payload);
  }

  toCitizen(chatId: string, event: string, payload: object): void {
    this.citizens?.to(chatRoom(chatId)).emit(event, payload);
  }

  toAgentsOf(chatId: string, event: string, payload: object): void {
    this.agents?.to(chatRoom(chatId)).emit(event, payload);
  }

  toDesk(chat: { desk: ChatDesk; municipalityCode: string }, event: string, payload: object): void {
    this.agents?.to(deskRooms(chat)).emit(event, payload);
  }

  /** Is any agent of that desk online, on any instance? */
  async deskOnline(chat: { desk: ChatDesk; municipalityCode: string }): Promise<boolean> {
    if (!this.agents) return false;
    return (await this.agents.in(deskRooms(chat)).fetchSockets()).length > 0;
  }
}
