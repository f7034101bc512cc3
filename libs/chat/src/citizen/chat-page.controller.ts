import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { Public } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { setHtmlPageHeaders } from '@meldpunt/notifications';
import { renderChatPage } from './chat-page.html';
import { CHAT_PAGE_SCRIPT, CHAT_WIDGET_SCRIPT } from './chat-page.scripts';

/**
 * GET /chat/widget.js: the one script tag of a municipal website
 * (`<script src="https://…/chat/widget.js" data-gemeente="kortrijk" data-lang="nl" async>`), a
 * button that opens GET /chat in a frame. The page talks to the agents over socket.io (/chat).
 */
@ApiExcludeController()
@Controller('chat')
@Public()
export class ChatPageController {
  constructor(
    private readonly directory: MunicipalityDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(
    @Res() res: Response,
    @Query('gemeente') gemeente?: string,
    @Query('lang') lang?: string,
    @Query('embed') embed?: string,
  ): Promise<void> {
    const municipality = gemeente ? await this.directory.municipality(gemeente) : undefined;
    if (!municipality) throw new NotFoundError('Municipality', gemeente ?? '(none: give ?gemeente=)');
    const language = lang === 'fr' || lang === 'en' ? lang : 'nl';
    setHtmlPageHeaders(res, {
      frameAncestors: embed === '1' ? this.config.webFormEmbedOrigins : [],
      scriptSrc: "'self'",
      connectSrc: "'self'",
    });
    res.send(renderChatPage(language, municipality));
  }

  @Get('chat.js')
  script(@Res() res: Response): void {
    this.javascript(res, CHAT_PAGE_SCRIPT, 'no-cache');
  }

  /** Loaded by other sites: cached a while, and allowed cross-origin. */
  @Get('widget.js')
  widget(@Res() res: Response): void {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    this.javascript(res, CHAT_WIDGET_SCRIPT, 'public, max-age=300');
  }

  private javascript(res: Response, source: string, cache: string): void {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', cache);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(source);
  }
}
