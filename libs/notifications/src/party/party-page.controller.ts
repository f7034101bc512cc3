import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { TicketForwards } from '@meldpunt/forwards';
import { Public } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { isFinal } from '@meldpunt/tickets';
import { CitizenReplyDto } from '../dto/citizen-reply.dto';
import { setHtmlPageHeaders } from '../citizen/html-page-headers';
import { StatusPageErrorFilter } from '../citizen/status-page-error.filter';
import { UnknownLinkError } from '../citizen/unknown-link.error';
import { mailLanguage } from '../default-mail-profile';
import { MailProfiles } from '../mail-profiles';
import { MAIL_LANGUAGES } from '../notification-kind';
import { renderPartyPage } from './party-page.html';

/**
 * GET /extern/{token}: the page of a party outside the municipality (a utility, a police zone)
 * that was sent a question about a ticket. Its answer posts here and is redirected back (303):
 * a reload never posts twice and no script is needed. The party sees the question, the category,
 * the place and the description: never the reporter or the rest of the ticket.
 */
@ApiExcludeController()
@Controller('extern')
@Public()
@UseFilters(StatusPageErrorFilter)
export class PartyPageController {
  constructor(
    private readonly forwards: TicketForwards,
    private readonly profiles: MailProfiles,
    private readonly directory: MunicipalityDirectory,
  ) {}

  @Get(':token')
  async page(
    @Param('token') token: string,
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('done') done?: string,
  ): Promise<void> {
    const access = await this.forwards.access(token);
    if (!access) throw new UnknownLinkError();
    const { ticket } = access;
    const profile = await this.profiles.for(ticket.municipality_code);
    const language = MAIL_LANGUAGES.find((l) => l === lang) ?? mailLanguage(null, profile.languages);
    const town = (await this.directory.municipality(ticket.municipality_code))?.name ?? '';
    const place = [
      ticket.location_address,
      ticket.location_postcode ? `${ticket.location_postcode} ${town}`.trim() : null,
    ]
      .filter(Boolean)
      .join(', ');
    setHtmlPageHeaders(res);
    res.send(
      renderPartyPage(
        {
          access,
          municipalityName: profile.displayName[language],
          categoryName: await this.directory.categoryName(
            ticket.municipality_code,
            ticket.category_code,
            language,
          ),
          place: place || null,
          answers: await this.forwards.answers(access.forward),
          open: !isFinal(ticket.status),
        },
        { token, language: language, done: done === '1' },
      ),
    );
  }

  @Post(':token/answer')
  async answer(
    @Param('token') token: string,
    @Body() form: CitizenReplyDto,
    @Res() res: Response,
    @Query('lang') lang?: string,
  ): Promise<void> {
    await this.forwards.answer(token, form.body);
    const chosen = MAIL_LANGUAGES.find((l) => l === lang);
    res.redirect(303, `/extern/${encodeURIComponent(token)}?${chosen ? `lang=${chosen}&` : ''}done=1`);
  }
}
