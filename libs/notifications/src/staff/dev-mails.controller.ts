import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@meldpunt/api-errors';
import { Public } from '@meldpunt/identity';
import { setHtmlPageHeaders } from '../citizen/html-page-headers';
import { MailSink } from '../delivery/mail-sink';
import { escapeHtml } from '../templates/escape-html';

/**
 * The mails the built-in sink caught (only without SMTP_URL, where the worker runs in this
 * process): the demo's e-mails for a newcomer. 404 whenever the sink is not running.
 */
@ApiExcludeController()
@Controller('dev/mails')
@Public()
export class DevMailsController {
  constructor(private readonly sink: MailSink) {}

  @Get()
  async list(@Res() res: Response): Promise<void> {
    this.ensureActive();
    // The sink parses a mail only when it is first shown here.
    const mails = await Promise.all(this.sink.mails().map((m) => this.sink.read(m.id)));
    const rows = mails
      .filter((m) => m !== undefined)
      .map(
        (m) =>
          `<tr><td>${escapeHtml(m.receivedAt.toISOString())}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/dev/mails/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
      )
      .join('');
    setHtmlPageHeaders(res);
    res.send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mails sent (built-in sink)</title></head>` +
        `<body style="font:16px/1.5 system-ui,Arial,sans-serif;margin:2rem"><h1>Mails sent (built-in sink, last 200)</h1>` +
        `<table cellpadding="6"><thead><tr><th>received</th><th>to</th><th>subject</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
    );
  }

  @Get(':id')
  async show(@Param('id', ParseIntPipe) id: number, @Res() res: Response): Promise<void> {
    this.ensureActive();
    const mail = await this.sink.read(id);
    if (!mail) throw new NotFoundError('Mail', String(id));
    setHtmlPageHeaders(res);
    // The mail's own HTML, as a mail client would show it (our templates escape their content).
    res.send(mail.html ?? `<pre>${escapeHtml(mail.text ?? '')}</pre>`);
  }

  private ensureActive(): void {
    if (!this.sink.active) throw new NotFoundError('Page', 'dev/mails');
  }
}
