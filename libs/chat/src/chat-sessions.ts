import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError, toFieldErrors } from '@meldpunt/api-errors';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import {
  CreateTicketDto,
  HISTORY,
  hashBody,
  TICKET_EVENTS,
  TicketIntakeService,
  TicketRepository,
} from '@meldpunt/tickets';
import { ChatInputError } from './chat-input';
import { chatView, type ChatMessageView, type ChatView } from './chat-views';
import type { ChatSender } from './entities/chat-message.entity';
import type { ChatDesk, ChatSessionEntity } from './entities/chat-session.entity';

const SESSION_COLUMNS = `id, municipality_code AS "municipalityCode", language, desk, status,
  citizen_name AS "citizenName", citizen_email AS "citizenEmail", token_hash AS "tokenHash",
  agent_id AS "agentId", agent_name AS "agentName", ticket_id AS "ticketId",
  ticket_reference AS "ticketReference", created_at AS "createdAt", accepted_at AS "acceptedAt",
  ended_at AS "endedAt"`;
const OPENING = `(SELECT body FROM chat_message m WHERE m.chat_id = s.id AND m.sender = 'citizen' ORDER BY id LIMIT 1) AS opening`;

export interface NewChat {
  municipalityCode: string;
  language: 'nl' | 'fr' | 'en';
  name: string | null;
  email: string | null;
  message: string;
  desk: ChatDesk;
}

export interface ChatEnd {
  /** A new ticket in this category, or */
  categoryCode?: string;
  /** the caller's own ticket, by reference: the transcript joins its history. */
  ticketReference?: string;
}

/** TypeORM answers UPDATE ... RETURNING with [rows, affectedCount]. */
function updated<T>(result: unknown): T[] {
  const [rows] = result as [T[], number];
  return Array.isArray(rows) ? rows : [];
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The chats and their transcripts in PostgreSQL; a line is stored before anyone sees it. */
@Injectable()
export class ChatSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: MunicipalityDirectory,
    private readonly intake: TicketIntakeService,
    private readonly tickets: TicketRepository,
  ) {}

  /** May this agent see and take the chat? Its municipality's agents, or the region's for any. */
  static canHandle(ctx: RequestContext, chat: { desk: ChatDesk; municipalityCode: string }): boolean {
    return ctx.scope === 'all' || (chat.desk === 'municipal' && ctx.canSee(chat.municipalityCode));
  }

  async start(
    chat: NewChat,
  ): Promise<{ session: ChatSessionEntity; token: string; message: ChatMessageView }> {
    if (!(await this.directory.municipality(chat.municipalityCode))) {
      throw new ChatInputError(
        'municipality',
        'isKnownMunicipality',
        `municipality '${chat.municipalityCode}' is not one of the region`,
      );
    }
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const [session] = await this.dataSource.query<ChatSessionEntity[]>(
      `INSERT INTO chat_session (id, municipality_code, language, desk, citizen_name, citizen_email, token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SESSION_COLUMNS}`,
      [id, chat.municipalityCode, chat.language, chat.desk, chat.name, chat.email, tokenHash(token)],
    );
    const message = await this.addMessage(id, 'citizen', chat.name ?? 'Burger', chat.message);
    return { session, token, message };
  }

  async byToken(token: unknown): Promise<ChatSessionEntity | null> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const [row] = await this.dataSource.query<ChatSessionEntity[]>(
      `SELECT ${SESSION_COLUMNS} FROM chat_session WHERE token_hash = $1`,
      [tokenHash(token)],
    );
    return row ?? null;
  }

  async get(id: string): Promise<ChatSessionEntity | null> {
    const [row] = await this.dataSource.query<ChatSessionEntity[]>(
      `SELECT ${SESSION_COLUMNS} FROM chat_session WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async view(id: string): Promise<ChatView | null> {
    const [row] = await this.dataSource.query<(ChatSessionEntity & { opening: string | null })[]>(
      `SELECT ${SESSION_COLUMNS}, ${OPENING} FROM chat_session s WHERE id = $1`,
      [id],
    );
    return row ? chatView(row, row.opening) : null;
  }

  async addMessage(
    chatId: string,
    sender: ChatSender,
    authorName: string,
    body: string,
  ): Promise<ChatMessageView> {
    const [row] = await this.dataSource.query<{ id: string; at: Date }[]>(
      `INSERT INTO chat_message (chat_id, sender, author_name, body) VALUES ($1, $2, $3, $4) RETURNING id, at`,
      [chatId, sender, authorName, body],
    );
    return { id: row.id, sender, authorName, body, at: row.at.toISOString() };
  }

  async transcript(chatId: string): Promise<ChatMessageView[]> {
    const rows = await this.dataSource.query<
      { id: string; sender: ChatSender; author_name: string; body: string; at: Date }[]
    >('SELECT id, sender, author_name, body, at FROM chat_message WHERE chat_id = $1 ORDER BY id', [chatId]);
    return rows.map((r) => ({
      id: r.id,
      sender: r.sender,
      authorName: r.author_name,
      body: r.body,
      at: r.at.toISOString(),
    }));
  }

  /** Waiting and active chats this agent may handle, oldest first. */
  async open(ctx: RequestContext): Promise<ChatView[]> {
    const rows = await this.dataSource.query<(ChatSessionEntity & { opening: string | null })[]>(
      `SELECT ${SESSION_COLUMNS}, ${OPENING} FROM chat_session s WHERE status <> 'ended' ORDER BY created_at LIMIT 500`,
    );
    return rows.filter((r) => ChatSessions.canHandle(ctx, r)).map((r) => chatView(r, r.opening));
  }

  /** The chats an agent holds (to rejoin them after a reconnect). */
  async heldBy(agentId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM chat_session WHERE agent_id = $1 AND status = 'active'`,
      [agentId],
    );
    return rows.map((r) => r.id);
  }

  /** The first agent to accept gets the chat; null for anyone after (or a chat not theirs to take). */
  async accept(ctx: RequestContext, chatId: string): Promise<ChatSessionEntity | null> {
    const chat = await this.get(chatId);
    if (!chat || !ChatSessions.canHandle(ctx, chat)) throw new NotFoundError('Chat', chatId);
    const [row] = updated<ChatSessionEntity>(
      await this.dataSource.query(
        `UPDATE chat_session SET status = 'active', agent_id = $2, agent_name = $3, accepted_at = now()
          WHERE id = $1 AND status = 'waiting' RETURNING ${SESSION_COLUMNS}`,
        [chatId, ctx.actor.id, ctx.actor.name],
      ),
    );
    return row ?? null;
  }

  /** The chat of this agent, active: what they may write in and end. */
  async held(ctx: RequestContext, chatId: string): Promise<ChatSessionEntity> {
    const chat = await this.get(chatId);
    if (!chat || !ChatSessions.canHandle(ctx, chat)) throw new NotFoundError('Chat', chatId);
    if (chat.status !== 'active' || chat.agentId !== ctx.actor.id) {
      throw new ConflictError('This chat is not yours to write in (accept it first)');
    }
    return chat;
  }

  /** A citizen who leaves a chat nobody took: it ends without a ticket. */
  async abandon(chatId: string): Promise<boolean> {
    const rows = updated(
      await this.dataSource.query(
        `UPDATE chat_session SET status = 'ended', ended_at = now() WHERE id = $1 AND status = 'waiting' RETURNING id`,
        [chatId],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Ends the agent's chat as a ticket: a new one (the citizen's lines as its description) or the
   * caller's own; either way with the transcript in its history. Each step is keyed by the chat,
   * so ending again after a failure finishes the job and never makes a second ticket.
   */
  async end(ctx: RequestContext, chatId: string, how: ChatEnd): Promise<ChatSessionEntity> {
    const chat = await this.held(ctx, chatId);
    const transcript = await this.transcript(chat.id);
    const ticket = how.ticketReference
      ? await this.tickets.findVisible(ctx, how.ticketReference)
      : await this.newTicket(ctx, chat, transcript, how.categoryCode);
    if (!ticket)
      throw new ChatInputError(
        'ticketReference',
        'isVisibleTicket',
        `ticket ${how.ticketReference} was not found`,
      );
    const entry = {
      type: HISTORY.chatTranscript,
      data: { chatId: chat.id, messages: transcript.map(({ id: _id, ...m }) => m) },
    };
    await this.tickets.mutate(ctx, ticket.id, () => ({
      history: [entry],
      outboxType: () => TICKET_EVENTS.updated,
      result: null,
      claim: { owner: 'chat', key: `chat:${chat.id}:transcript`, bodyHash: hashBody(entry.data) },
    }));
    const [ended] = updated<ChatSessionEntity>(
      await this.dataSource.query(
        `UPDATE chat_session SET status = 'ended', ended_at = now(), ticket_id = $2, ticket_reference = $3
          WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
        [chat.id, ticket.id, ticket.reference],
      ),
    );
    return ended;
  }

  private async newTicket(
    ctx: RequestContext,
    chat: ChatSessionEntity,
    transcript: ChatMessageView[],
    categoryCode: string | undefined,
  ) {
    if (!categoryCode) {
      throw new ChatInputError(
        'categoryCode',
        'isNotEmpty',
        'categoryCode (a new ticket) or ticketReference (the caller’s) is required',
      );
    }
    const category = await this.directory.category(categoryCode);
    const said = transcript
      .filter((m) => m.sender === 'citizen')
      .map((m) => m.body)
      .join('\n');
    const plain = {
      kind: category?.kinds.includes('report') ? 'report' : (category?.kinds[0] ?? 'question'),
      channel: 'chat',
      categoryCode,
      description: said.slice(0, 10_000) || '(chat)',
      municipalityCode: chat.municipalityCode,
      reporter: {
        ...(chat.citizenName ? { name: chat.citizenName } : {}),
        // Given in the chat to hear back: consent for the acknowledgement and resolution mails.
        ...(chat.citizenEmail ? { email: chat.citizenEmail, consent: true } : {}),
        language: chat.language,
      },
    };
    const dto = plainToInstance(CreateTicketDto, plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length) throw new InvalidInputError(toFieldErrors(invalid));
    // Filed by the agent, for the chat's municipality (a regional agent's scope is all of them).
    const filer = new RequestContext(ctx.actor, ctx.roles, [chat.municipalityCode]);
    return (await this.intake.create(filer, dto, plain, `chat:${chat.id}`)).row;
  }
}
