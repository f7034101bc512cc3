import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import { TicketRepository } from '../ticket.repository';

export interface AttachmentMeta {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const META = 'id, filename, content_type AS "contentType", size, sha256, created_at AS "createdAt"';

/** The attachments of tickets: stored with the intake, read by those who may see the ticket. */
@Injectable()
export class TicketAttachments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
  ) {}

  /** Every file of a ticket with its bytes, for background work (the back-office sync). */
  async filesOf(ticketId: string): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
    return this.dataSource.query(
      `SELECT filename, content_type AS "contentType", content FROM ticket_attachment
        WHERE ticket_id = $1 ORDER BY created_at, filename`,
      [ticketId],
    );
  }

  async list(ctx: RequestContext, ticketIdOrReference: string): Promise<AttachmentMeta[]> {
    const ticket = await this.tickets.findVisible(ctx, ticketIdOrReference);
    if (!ticket) throw new NotFoundError('Ticket', ticketIdOrReference);
    return this.dataSource.query<AttachmentMeta[]>(
      `SELECT ${META} FROM ticket_attachment WHERE ticket_id = $1 ORDER BY created_at, filename`,
      [ticket.id],
    );
  }

  async content(
    ctx: RequestContext,
    ticketIdOrReference: string,
    attachmentId: string,
  ): Promise<AttachmentMeta & { content: Buffer }> {
    const ticket = await this.tickets.findVisible(ctx, ticketIdOrReference);
    if (!ticket) throw new NotFoundError('Ticket', ticketIdOrReference);
    const [row] = /^[0-9a-f-]{36}$/i.test(attachmentId)
      ? await this.dataSource.query<(AttachmentMeta & { content: Buffer })[]>(
          `SELECT ${META}, content FROM ticket_attachment WHERE ticket_id = $1 AND id = $2`,
          [ticket.id, attachmentId],
        )
      : [];
    if (!row) throw new NotFoundError('Attachment', attachmentId);
    return row;
  }
}
