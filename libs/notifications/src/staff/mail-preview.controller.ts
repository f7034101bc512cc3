import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@meldpunt/identity';
import { setHtmlPageHeaders } from '../citizen/html-page-headers';
import { MailPreviewParams, MailPreviewQuery } from '../dto/mail-preview.query';
import { NOTIFICATION_KINDS } from '../notification-kind';
import { MailPreviews } from './mail-previews';

/** Any template, in any language, for any municipality, with sample data: to review texts before they go out. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications/preview')
@Roles('admin', 'supervisor')
export class MailPreviewController {
  constructor(private readonly previews: MailPreviews) {}

  @Get(':kind')
  @ApiParam({ name: 'kind', enum: NOTIFICATION_KINDS })
  @ApiOkResponse({
    description: 'The HTML part (format=html), the text part (text), or { subject, html, text } (json)',
  })
  async preview(
    @Param() { kind }: MailPreviewParams,
    @Query() query: MailPreviewQuery,
    @Res() res: Response,
  ): Promise<void> {
    const mail = await this.previews.render(kind, query.language ?? 'nl', query.municipality ?? 'kortrijk');
    if (query.format === 'json') {
      res.json(mail);
    } else if (query.format === 'text') {
      res.type('text/plain; charset=utf-8').send(`Subject: ${mail.subject}\n\n${mail.text}`);
    } else {
      setHtmlPageHeaders(res);
      res.send(mail.html);
    }
  }
}
