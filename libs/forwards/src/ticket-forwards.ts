import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import { RequestContext } from '@meldpunt/identity';
import { HISTORY, isFinal, TICKET_EVENTS, TicketRepository, type TicketRow } from '@meldpunt/tickets';
import { CreateForwardDto } from './dto/create-forward.dto';
import { ForwardAccessTokenEntity } from './entities/forward-access-token.entity';
import { TicketForwardEntity } from './entities/ticket-forward.entity';

// Long enough for a utility's or police zone's follow-up; a forward older than this is a new one.
const LINK_DAYS = 60;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What the party's link opens: its forward and the ticket as it is now. */
export interface PartyAccess {
  forward: TicketForwardEntity;
  ticket: TicketRow;
}

/**
 * Questions to parties outside the municipality and their answers. Sending writes the forward, the
 * ticket's history event and the outbox event (which mails the party) in one transaction. The
 * party answers through its link: each answer is an internal message on the ticket, by an
 * `external` actor named after the party, so agents and the back-office see it like any note.
 */
@Injectable()
export class TicketForwards {
  constructor(
    private readonly tickets: TicketRepository,
    @InjectRepository(TicketForwardEntity) private readonly forwards: Repository<TicketForwardEntity>,
    @InjectRepository(ForwardAccessTokenEntity)
    private readonly tokens: Repository<ForwardAccessTokenEntity>,
  ) {}

  async send(ctx: RequestContext, ticketId: string, dto: CreateForwardDto): Promise<TicketForwardEntity> {
    const id = randomUUID();
    const partyName = dto.partyName.trim();
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000);
    const sent = await this.tickets.together(ctx, [], async (tx) => {
      const changed = await tx.mutate(ticketId, (row) => {
        if (isFinal(row.status)) throw new ConflictError(`A ${row.status} ticket is not forwarded`);
        return {
          history: [
            {
              type: HISTORY.forwardedExternal,
              data: { forwardId: id, partyName, question: dto.question },
            },
          ],
          outboxType: () => TICKET_EVENTS.forwardedExternal,
          result: null,
        };
      });
      if (!changed) return null;
      await tx.query(
        `INSERT INTO ticket_forward (id, ticket_id, municipality_code, party_name, party_email, question, sent_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          changed.row.id,
          changed.row.municipality_code,
          partyName,
          dto.partyEmail.trim().toLowerCase(),
          dto.question,
          JSON.stringify(ctx.actor),
          expiresAt,
        ],
      );
      return changed.row;
    });
    if (!sent) throw new NotFoundError('Ticket', ticketId);
    return this.forwards.findOneByOrFail({ id });
  }

  /** The ticket's forwards, newest first, if the caller may see the ticket. */
  async list(ctx: RequestContext, ticketId: string): Promise<TicketForwardEntity[]> {
    const ticket = await this.tickets.findVisible(ctx, ticketId);
    if (!ticket) throw new NotFoundError('Ticket', ticketId);
    return this.forwards.find({ where: { ticketId: ticket.id }, order: { createdAt: 'DESC' } });
  }

  /** A forward as the mail to the party needs it (the worker's read: no caller scope). */
  byId(id: string): Promise<TicketForwardEntity | null> {
    return this.forwards.findOneBy({ id });
  }

  /** A new link for one e-mail to the party: the token goes into the mail, its hash into the table. */
  async issueLink(forward: TicketForwardEntity, notificationId: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      tokenHash: hash(token),
      forwardId: forward.id,
      notificationId,
      expiresAt: forward.expiresAt,
    });
    return token;
  }

  /** What a party's link opens, or null for anything unknown, expired or malformed. */
  async access(token: string): Promise<PartyAccess | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const link = await this.tokens.findOneBy({ tokenHash: hash(token), expiresAt: MoreThan(new Date()) });
    const forward = link ? await this.forwards.findOneBy({ id: link.forwardId }) : null;
    if (!forward) return null;
    const ticket = await this.tickets.findVisible(this.partyContext(forward), forward.ticketId);
    return ticket ? { forward, ticket } : null;
  }

  /** The party's answers so far, oldest first (the page shows them back). */
  async answers(forward: TicketForwardEntity): Promise<{ at: Date; body: string }[]> {
    const history = await this.tickets.history(forward.ticketId);
    return history
      .filter((e) => e.type === HISTORY.messageInternal && e.data.forwardId === forward.id)
      .map((e) => ({ at: e.at, body: typeof e.data.body === 'string' ? e.data.body : '' }));
  }

  /**
   * The party's answer: an internal message on the ticket and the forward marked answered, in one
   * transaction. A closed or cancelled ticket takes none (409).
   */
  async answer(token: string, body: string): Promise<PartyAccess> {
    const access = await this.access(token);
    if (!access) throw new NotFoundError('Link', 'this');
    const { forward } = access;
    const ctx = this.partyContext(forward);
    const ticket = await this.tickets.together(ctx, [], async (tx) => {
      const changed = await tx.mutate(forward.ticketId, (row) => {
        if (isFinal(row.status)) throw new ConflictError(`A ${row.status} ticket takes no more answers`);
        return {
          history: [{ type: HISTORY.messageInternal, data: { body, forwardId: forward.id } }],
          outboxType: () => TICKET_EVENTS.messageAdded,
          result: null,
        };
      });
      if (!changed) throw new NotFoundError('Link', 'this');
      await tx.query(
        `UPDATE ticket_forward SET status = 'answered', answer_count = answer_count + 1,
                answered_at = coalesce(answered_at, now()) WHERE id = $1`,
        [forward.id],
      );
      return changed.row;
    });
    return { forward: await this.forwards.findOneByOrFail({ id: forward.id }), ticket };
  }

  /** The party acts on this one ticket's municipality, under its own name. */
  private partyContext(forward: TicketForwardEntity): RequestContext {
    return new RequestContext(
      { type: 'external', id: forward.id, name: forward.partyName },
      [],
      [forward.municipalityCode],
    );
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
