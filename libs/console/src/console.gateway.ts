import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { RequestContext, TokenService } from '@meldpunt/identity';
import { TicketClaimsService, TicketView } from '@meldpunt/tickets';
import { municipalityRoom, REGION_ROOM, userRoom } from './console-events';
import { ConsolePresence } from './console-presence';
import { ConsoleReplay } from './console-replay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type ConsoleSocket = Socket & { data: { ctx: RequestContext } };

/**
 * The agents' real-time channel. The handshake must carry a valid access token
 * (`auth: { token }`); each socket joins the rooms of the municipalities it may see (or the
 * region), so events of other municipalities never reach it.
 */
@WebSocketGateway({ namespace: '/console', cors: false })
export class ConsoleGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown
{
  private readonly logger = new Logger(ConsoleGateway.name);
  @WebSocketServer() server: Namespace;
  private presenceTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly tokens: TokenService,
    private readonly claims: TicketClaimsService,
    private readonly presence: ConsolePresence,
    private readonly replay: ConsoleReplay,
  ) {}

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      void this.authenticate(socket)
        .then((ctx) => {
          if (!ctx) return next(new Error('unauthorized: a valid access token is required in auth.token'));
          (socket as ConsoleSocket).data.ctx = ctx;
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
  }

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    const ctx = socket.data.ctx;
    if (!ctx) return void socket.disconnect(true);
    const rooms = ctx.scope === 'all' ? [REGION_ROOM] : ctx.scope.map(municipalityRoom);
    await socket.join([...rooms, userRoom(ctx.actor.id)]);
    await this.presence.set(socket.id, { id: ctx.actor.id!, name: ctx.actor.name, viewing: null });
    await this.broadcastPresence();
  }

  async handleDisconnect(socket: ConsoleSocket): Promise<void> {
    // Also runs while the app shuts down, when Redis may already be gone: never throw from here.
    await this.leave(socket).catch((error: Error) =>
      this.logger.warn(`console disconnect: ${error.message}`),
    );
  }

  private async leave(socket: ConsoleSocket): Promise<void> {
    const ctx = socket.data.ctx;
    if (!ctx) return;
    await this.presence.remove(socket.id);
    // The calls an agent held go back to the queue when their last console closes.
    const stillOnline = await this.server.in(userRoom(ctx.actor.id)).fetchSockets();
    if (!stillOnline.length)
      await this.claims.releaseAllOf(ctx.actor.id).catch((e: Error) => this.logger.warn(e.message));
    await this.broadcastPresence();
  }

  @SubscribeMessage('ticket.claim')
  async claim(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: { ticketId?: unknown }) {
    const ticketId = validTicketId(body);
    if (!ticketId) return { ok: false, heldBy: null, error: 'ticketId must be a UUID' };
    try {
      const { ok, heldBy } = await this.claims.claim(socket.data.ctx, ticketId);
      return { ok, heldBy };
    } catch {
      return { ok: false, heldBy: null, error: 'ticket not found' };
    }
  }

  @SubscribeMessage('ticket.release')
  async release(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: { ticketId?: unknown }) {
    const ticketId = validTicketId(body);
    if (!ticketId) return { ok: false, error: 'ticketId must be a UUID' };
    try {
      return { ok: await this.claims.release(socket.data.ctx, ticketId) };
    } catch {
      return { ok: false, error: 'ticket not found' };
    }
  }

  @SubscribeMessage('ticket.view')
  async view(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: { ticketId?: unknown }) {
    const ctx = socket.data.ctx;
    await this.presence.set(socket.id, {
      id: ctx.actor.id!,
      name: ctx.actor.name,
      viewing: validTicketId(body),
    });
    await this.broadcastPresence();
    return { ok: true };
  }

  /** Replays, in order, what this client missed since `sinceEventId` (from PostgreSQL). */
  @SubscribeMessage('resume')
  async resume(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: { sinceEventId?: unknown }) {
    const raw = body?.sinceEventId;
    const since = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    if (!/^\d{1,18}$/.test(since)) return { ok: false, error: 'sinceEventId must be an event id' };
    const { events, more } = await this.replay.since(socket.data.ctx, since);
    for (const event of events) socket.emit(event.name, event.payload);
    return { ok: true, replayed: events.length, more };
  }

  /** Sends a ticket event to the consoles allowed to see the ticket, on every api instance. */
  emitTicketEvent(name: string, eventId: string, ticket: TicketView, formerMunicipality?: string): void {
    // While the app shuts down the sockets and the adapter's Redis are gone before the queue
    // workers stop; consoles catch up with `resume` after they reconnect elsewhere.
    if (this.closing) return;
    const rooms = [REGION_ROOM, municipalityRoom(ticket.municipalityCode)];
    if (formerMunicipality) rooms.push(municipalityRoom(formerMunicipality));
    this.server.to(rooms).emit(name, { eventId, ticket });
  }

  /**
   * Presence goes out at most twice a second: when a shift starts, hundreds of consoles connect
   * within seconds, and one full list per connection to every console would grow with the square.
   */
  private broadcastPresence(): Promise<void> {
    if (!this.presenceTimer) {
      this.presenceTimer = setTimeout(() => {
        this.presenceTimer = null;
        if (this.closing) return;
        void this.presence
          .list()
          .then((agents) => this.server.emit('presence', { eventId: null, agents }))
          .catch((error: Error) => this.logger.warn(`presence: ${error.message}`));
      }, 500);
      this.presenceTimer.unref();
    }
    return Promise.resolve();
  }

  private async authenticate(socket: Socket): Promise<RequestContext | null> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) return null;
    const ctx = this.tokens.verify(token);
    return ctx && ctx.actor.type === 'user' ? ctx : null;
  }
}

function validTicketId(body: { ticketId?: unknown } | undefined): string | null {
  const id = body?.ticketId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}
