import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@meldpunt/identity';
import { CitizenReplyDto } from '../dto/citizen-reply.dto';
import { FeedbackFormDto } from '../dto/feedback.dto';
import { MAIL_LANGUAGES, type MailLanguage } from '../notification-kind';
import { CitizenTickets } from './citizen-tickets';
import { setHtmlPageHeaders } from './html-page-headers';
import { renderStatusPage } from './status-page.html';
import { StatusPageErrorFilter } from './status-page-error.filter';

const language = (value?: string): MailLanguage | undefined => MAIL_LANGUAGES.find((l) => l === value);

/**
 * GET /status/{token}: the citizen's page. Its forms post here and are redirected back (303), so
 * a reload never posts twice and no script is needed.
 */
@ApiExcludeController()
@Controller('status')
@Public()
@UseFilters(StatusPageErrorFilter)
export class StatusPageController {
  constructor(private readonly citizens: CitizenTickets) {}

  @Get(':token')
  async page(
    @Param('token') token: string,
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('done') done?: string,
    @Query('score') score?: string,
  ): Promise<void> {
    const page = await this.citizens.page(token, language(lang));
    setHtmlPageHeaders(res);
    res.send(
      renderStatusPage(page, {
        token,
        done: done === 'reply' || done === 'feedback' || done === 'report' ? done : undefined,
        score: /^[1-5]$/.test(score ?? '') ? Number(score) : undefined,
      }),
    );
  }

  @Post(':token/reply')
  async reply(
    @Param('token') token: string,
    @Body() form: CitizenReplyDto,
    @Res() res: Response,
    @Query('lang') lang?: string,
  ): Promise<void> {
    await this.citizens.reply(token, form.body);
    res.redirect(303, this.back(token, lang, 'reply', 'messages'));
  }

  @Post(':token/feedback')
  async feedback(
    @Param('token') token: string,
    @Body() form: FeedbackFormDto,
    @Res() res: Response,
    @Query('lang') lang?: string,
  ): Promise<void> {
    await this.citizens.giveFeedback(token, form.score, form.comment);
    res.redirect(303, this.back(token, lang, 'feedback', 'feedback'));
  }

  private back(token: string, lang: string | undefined, done: string, anchor: string): string {
    const chosen = language(lang);
    return `/status/${encodeURIComponent(token)}?${chosen ? `lang=${chosen}&` : ''}done=${done}#${anchor}`;
  }
}
