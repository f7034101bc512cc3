import { io, type Socket } from 'socket.io-client';
import type { SessionStore } from '../session/session-store';
import {
  laterEventId,
  TICKET_EVENT_NAMES,
  type ClaimAck,
  type PresenceEvent,
  type ResumeAck,
  type TicketEvent,
  type TicketEventName,
} from './live-events';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  ticket: (name: TicketEventName, event: TicketEvent) => void;
  presence: (event: PresenceEvent) => void;
  /** After every (re)connect and replay: the moment to reload what may have gone stale. */
  synced: () => void;
  status: (status: LiveStatus) => void;
}

const ACK_TIMEOUT_MS = 5000;

/** Live chat events on this socket (the chat inbox and conversations listen to them). */
export const CHAT_EVENT_NAMES = [
  'chat.waiting',
  'chat.updated',
  'chat.message',
  'chat.typing',
  'chat.left',
] as const;
export type ChatListener = (
  event: (typeof CHAT_EVENT_NAMES)[number] | 'chat.resync',
  payload: unknown,
) => void;
const MAX_RESUME_PAGES = 20;
const MAX_REFUSALS = 3;

/**
 * The socket.io connection of one session. It asks the server to replay what it missed on every
 * reconnect (`resume` with the last event id it saw), and takes a fresh access token for each
 * handshake; a refused handshake refreshes the token once before giving up on the session.
 */
export class LiveConnection {
  private readonly socket: Socket;
  private lastEventId: string | null = null;
  private viewing: string | null = null;
  private refusals = 0;
  private closed = false;
  private readonly chatListeners = new Set<ChatListener>();

  constructor(
    origin: string,
    private readonly session: SessionStore,
    private readonly handlers: LiveHandlers,
  ) {
    this.socket = io(`${origin}/console`, {
      auth: (cb) => cb({ token: this.session.token() ?? '' }),
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    for (const name of TICKET_EVENT_NAMES) {
      this.socket.on(name, (event: TicketEvent) => this.onTicketEvent(name, event));
    }
    this.socket.on('presence', (event: PresenceEvent) => handlers.presence(event));
    for (const name of CHAT_EVENT_NAMES) {
      this.socket.on(name, (payload: unknown) => this.chatListeners.forEach((l) => l(name, payload)));
    }
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      handlers.status('reconnecting');
      // The server closed us (e.g. a revoked session): socket.io does not retry that by itself.
      if (reason === 'io server disconnect') void this.reconnectWithFreshToken();
    });
    this.socket.on('connect_error', () => {
      if (this.closed) return;
      handlers.status('reconnecting');
      // `active` is false when the server refused the handshake (not a network failure).
      if (!this.socket.active) void this.reconnectWithFreshToken();
    });
    handlers.status('connecting');
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }

  async claim(ticketId: string): Promise<ClaimAck | null> {
    return this.ask<ClaimAck>('ticket.claim', { ticketId });
  }

  async release(ticketId: string): Promise<void> {
    await this.ask('ticket.release', { ticketId });
  }

  /** Listens to the chat events; `chat.resync` after every (re)connect, to reload what may be stale. */
  onChat(listener: ChatListener): () => void {
    this.chatListeners.add(listener);
    return () => this.chatListeners.delete(listener);
  }

  /** A chat command (`chat.list`, `chat.accept`, ...) with its answer; null when offline. */
  chat<T>(event: string, body: unknown = {}): Promise<T | null> {
    return this.ask<T>(event, body);
  }

  /** Tells the other agents which ticket this console has open (kept across reconnects). */
  view(ticketId: string | null): void {
    this.viewing = ticketId;
    if (this.socket.connected) this.socket.emit('ticket.view', { ticketId });
  }

  private onTicketEvent(name: TicketEventName, event: TicketEvent): void {
    if (!event?.ticket?.id) return;
    this.lastEventId = laterEventId(this.lastEventId, event.eventId ?? null);
    this.handlers.ticket(name, event);
  }

  private async onConnect(): Promise<void> {
    this.refusals = 0;
    this.handlers.status('live');
    if (this.viewing) this.socket.emit('ticket.view', { ticketId: this.viewing });
    if (this.lastEventId !== null) await this.resume();
    this.handlers.synced();
    this.chatListeners.forEach((l) => l('chat.resync', null));
  }

  /** Replays, page by page, every event since the last one this console saw. */
  private async resume(): Promise<void> {
    for (let page = 0; page < MAX_RESUME_PAGES; page++) {
      const ack = await this.ask<ResumeAck>('resume', { sinceEventId: this.lastEventId });
      if (!ack?.ok || !ack.more) return;
    }
  }

  private async reconnectWithFreshToken(): Promise<void> {
    this.refusals++;
    const refreshed = await this.session.refresh();
    if (!refreshed && this.refusals >= MAX_REFUSALS) return this.session.end('expired');
    if (!this.session.current()) return;
    await new Promise((resolve) => setTimeout(resolve, refreshed ? 0 : 1000 * this.refusals));
    if (!this.closed) this.socket.connect();
  }

  private async ask<T>(event: string, body: unknown): Promise<T | null> {
    if (!this.socket.connected) return null;
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, body)) as T;
    } catch {
      return null;
    }
  }
}
