import {
  ConnectedSocket,
  MessageBody,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AppConfig } from '@meldpunt/config';
import { RateLimiter } from '@meldpunt/identity';
import { answer, chatLanguage, chatText, ChatInputError, optionalEmail, optionalName } from './chat-input';
import { ChatDesks } from './chat-desks';
import { chatRoom, ChatRelay } from './chat-relay';
import { ChatSessions } from './chat-sessions';

type CitizenSocket = Socket & { data: { chatId?: string } };
type Body = Record<string, unknown> | undefined;

const MESSAGE_MAX = 2000;

/**
 * The citizens' side of live chat (namespace /chat, no account). Starting a chat gives a token;
 * with it the page rejoins after a reload or a dropped connection and gets the whole transcript.
 * Every line is stored before it is relayed. Chats started per client address and lines per chat
 * are rate limited.
 */
@WebSocketGateway({ namespace: '/chat', cors: false })
export class CitizenChatGateway implements OnGatewayInit {
  @WebSocketServer() server: Namespace;

  constructor(
    private readonly sessions: ChatSessions,
    private readonly desks: ChatDesks,
    private readonly relay: ChatRelay,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.relay.citizens = namespace;
  }

  /** Before the start form: who would answer, and is anyone there? (else the page offers the web form). */
  @SubscribeMessage('chat.availability')
  availability(@MessageBody() body: Body) {
    return answer(async () => {
      const municipalityCode = chatText(body?.municipality, 'municipality', 40);
      const desk = await this.desks.deskFor(municipalityCode).catch(() => {
        throw new ChatInputError(
          'municipality',
          'isKnownMunicipality',
          `municipality '${municipalityCode}' is not one of the region`,
        );
      });
      return { desk, online: await this.relay.deskOnline({ desk, municipalityCode }) };
    });
  }

  @SubscribeMessage('chat.start')
  start(@ConnectedSocket() socket: CitizenSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const municipalityCode = chatText(body?.municipality, 'municipality', 40);
      const chat = {
        municipalityCode,
        language: chatLanguage(body?.language),
        name: optionalName(body?.name),
        email: optionalEmail(body?.email),
        message: chatText(body?.message, 'message', MESSAGE_MAX),
      };
      await this.limiter.consume('chat-start', socket.handshake.address, {
        limit: Math.max(5, Math.floor(this.config.publicRateLimit / 6)),
        windowSeconds: this.config.rateLimitWindowSeconds,
      });
      const desk = await this.desks.deskFor(municipalityCode).catch(() => {
        throw new ChatInputError(
          'municipality',
          'isKnownMunicipality',
          `municipality '${municipalityCode}' is not one of the region`,
        );
      });
      if (!(await this.relay.deskOnline({ desk, municipalityCode }))) {
        throw new ChatInputError(
          'municipality',
          'agentOnline',
          'no agent is online for this municipality now',
        );
      }
      const { session, token, message } = await this.sessions.start({ ...chat, desk });
      socket.data.chatId = session.id;
      await socket.join(chatRoom(session.id));
      const view = await this.sessions.view(session.id);
      this.relay.toDesk(session, 'chat.waiting', { chat: view });
      return { chatId: session.id, token, desk, status: session.status, messages: [message] };
    });
  }

  /** Back into one's chat with its token: the transcript so far, and who is answering. */
  @SubscribeMessage('chat.resume')
  resume(@ConnectedSocket() socket: CitizenSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const session = await this.sessions.byToken(body?.token);
      if (!session)
        throw new ChatInputError('token', 'isKnownChat', 'this chat is not known (or its token is wrong)');
      socket.data.chatId = session.id;
      await socket.join(chatRoom(session.id));
      return {
        chatId: session.id,
        status: session.status,
        agentName: session.agentName,
        ticketReference: session.ticketReference,
        messages: await this.sessions.transcript(session.id),
      };
    });
  }

  @SubscribeMessage('chat.message')
  message(@ConnectedSocket() socket: CitizenSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const session = await this.current(socket);
      const text = chatText(body?.body, 'body', MESSAGE_MAX);
      await this.limiter.consume('chat-line', session.id, { limit: 60, windowSeconds: 60 });
      const message = await this.sessions.addMessage(
        session.id,
        'citizen',
        session.citizenName ?? 'Burger',
        text,
      );
      this.relay.toChat(session.id, 'chat.message', { chatId: session.id, message });
      return { message };
    });
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: CitizenSocket, @MessageBody() body: Body) {
    return answer(async () => {
      const session = await this.current(socket);
      this.relay.toAgentsOf(session.id, 'chat.typing', {
        chatId: session.id,
        from: 'citizen',
        typing: body?.typing === true,
      });
      return {};
    });
  }

  /** The citizen closes the chat: one nobody took ends; an agent's chat is theirs to file. */
  @SubscribeMessage('chat.leave')
  leave(@ConnectedSocket() socket: CitizenSocket) {
    return answer(async () => {
      const session = await this.current(socket);
      if (await this.sessions.abandon(session.id)) {
        this.relay.toDesk(session, 'chat.updated', { chat: await this.sessions.view(session.id) });
      } else {
        this.relay.toAgentsOf(session.id, 'chat.left', { chatId: session.id });
      }
      await socket.leave(chatRoom(session.id));
      socket.data.chatId = undefined;
      return {};
    });
  }

  private async current(socket: CitizenSocket) {
    const id = socket.data.chatId;
    const session = id ? await this.sessions.get(id) : null;
    if (!session) throw new ChatInputError('chat', 'isStarted', 'start or resume a chat first');
    if (session.status === 'ended') throw new ChatInputError('chat', 'isOpen', 'this chat has ended');
    return session;
  }
}
