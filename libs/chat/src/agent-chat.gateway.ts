import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { userRoom } from '@meldpunt/console';
import type { RequestContext } from '@meldpunt/identity';
import { answer, chatId, chatText } from './chat-input';
import { chatRoom, ChatRelay } from './chat-relay';
import { ChatSessions } from './chat-sessions';

// The console gateway authenticates every socket of this namespace and sets data.ctx.
type AgentSocket = Socket & { data: { ctx?: RequestContext } };
type Body = Record<string, unknown> | undefined;

/**
 * The agents' side of live chat, on the console's socket (namespace /console): the inbox of
 * waiting chats of their desk, accepting one (the first agent wins), writing, typing, and ending
 * it as a ticket. An agent's sockets rejoin the chats they hold when they reconnect.
 */
@WebSocketGateway({ namespace: '/console', cors: false })
export class AgentChatGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: ChatSessions,
    private readonly relay: ChatRelay,
  ) {}

  afterInit(namespace: Namespace): void {
    this.relay.agents = namespace;
  }

  async handleConnection(socket: AgentSocket): Promise<void> {
    const id = socket.data.ctx?.actor.id;
    if (!id) return;
    const held = await this.sessions.heldBy(id).catch(() => []);
    if (held.length) await socket.join(held.map(chatRoom));
  }

  @SubscribeMessage('chat.list')
  list(@ConnectedSocket() socket: AgentSocket) {
    return answer(async () => ({ chats: await this.sessions.open(this.ctx(socket)) }));
  }

  @SubscribeMessage('chat.accept')
  accept(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const ctx = this.ctx(socket);
      const session = await this.sessions.accept(ctx, chatId(body?.chatId));
      if (!session) return { taken: true, chat: await this.sessions.view(chatId(body?.chatId)) };
      // Every console of this agent follows the chat, not only the one that clicked.
      this.relay.agents?.in(userRoom(ctx.actor.id!)).socketsJoin(chatRoom(session.id));
      await socket.join(chatRoom(session.id));
      const chat = await this.sessions.view(session.id);
      this.relay.toCitizen(session.id, 'chat.accepted', { chatId: session.id, agentName: session.agentName });
      this.relay.toDesk(session, 'chat.updated', { chat });
      return { taken: false, chat, messages: await this.sessions.transcript(session.id) };
    });
  }

  @SubscribeMessage('chat.transcript')
  transcript(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const session = await this.sessions.held(this.ctx(socket), chatId(body?.chatId));
      return {
        chat: await this.sessions.view(session.id),
        messages: await this.sessions.transcript(session.id),
      };
    });
  }

  @SubscribeMessage('chat.message')
  message(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const ctx = this.ctx(socket);
      const session = await this.sessions.held(ctx, chatId(body?.chatId));
      const text = chatText(body?.body, 'body', 2000);
      const message = await this.sessions.addMessage(session.id, 'agent', ctx.actor.name, text);
      this.relay.toChat(session.id, 'chat.message', { chatId: session.id, message });
      return { message };
    });
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const session = await this.sessions.held(this.ctx(socket), chatId(body?.chatId));
      this.relay.toCitizen(session.id, 'chat.typing', {
        chatId: session.id,
        from: 'agent',
        typing: body?.typing === true,
      });
      return {};
    });
  }

  /** Ends the chat as a new ticket (`categoryCode`) or on the caller's own (`ticketReference`). */
  @SubscribeMessage('chat.end')
  end(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const ctx = this.ctx(socket);
      const id = chatId(body?.chatId);
      const categoryCode =
        typeof body?.categoryCode === 'string' && body.categoryCode ? body.categoryCode : undefined;
      const ticketReference =
        typeof body?.ticketReference === 'string' && body.ticketReference ? body.ticketReference : undefined;
      const ended = await this.sessions.end(ctx, id, { categoryCode, ticketReference });
      const chat = await this.sessions.view(ended.id);
      this.relay.toCitizen(ended.id, 'chat.ended', {
        chatId: ended.id,
        ticketReference: ended.ticketReference,
      });
      this.relay.toDesk(ended, 'chat.updated', { chat });
      this.relay.agents?.in(chatRoom(ended.id)).socketsLeave(chatRoom(ended.id));
      return { chat };
    });
  }

  private ctx(socket: AgentSocket): RequestContext {
    const ctx = socket.data.ctx;
    if (!ctx) throw Object.assign(new Error('unauthorized'), { statusCode: 401 });
    return ctx;
  }
}
