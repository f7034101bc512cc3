import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { TicketAttachments, type AttachmentMeta } from './ticket-attachments';

export class AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'straatlamp.jpg' })
  filename: string;
  @ApiProperty({
    example: 'image/jpeg',
    description: 'What the bytes are (checked), not what the sender said',
  })
  contentType: string;
  @ApiProperty({ description: 'Bytes' })
  size: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' })
  sha256: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ example: '/api/v1/tickets/ZWVL-2026-000123/attachments/…' })
  url: string;

  static of(ticket: string, meta: AttachmentMeta): AttachmentView {
    return Object.assign(new AttachmentView(), {
      ...meta,
      createdAt: new Date(meta.createdAt).toISOString(),
      url: `/api/v1/tickets/${encodeURIComponent(ticket)}/attachments/${meta.id}`,
    });
  }
}

/** Staff read the photos and documents that came with a ticket of their municipalities. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets/:id/attachments')
@Roles(...STAFF_ROLES)
export class TicketAttachmentsController {
  constructor(private readonly attachments: TicketAttachments) {}

  @Get()
  @ApiOkResponse({ type: [AttachmentView] })
  async list(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AttachmentView[]> {
    return (await this.attachments.list(ctx, id)).map((a) => AttachmentView.of(id, a));
  }

  @Get(':attachmentId')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')
  async download(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.attachments.content(ctx, id, attachmentId);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    // A file from the public is shown as what it is and can run nothing.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader(
      'Content-Disposition',
      `${file.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.end(file.content);
  }
}
