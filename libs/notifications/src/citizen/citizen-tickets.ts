import { Injectable } from '@nestjs/common';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { CitizenTicketService, TicketQueryService, TicketView } from '@meldpunt/tickets';
import { CitizenAccessTokens } from '../citizen-access-tokens';
import { mailLanguage, type MailProfile } from '../default-mail-profile';
import { MailProfiles } from '../mail-profiles';
import type { MailLanguage } from '../notification-kind';
import { PublicTicketView } from './public-ticket.view';
import { UnknownLinkError } from './unknown-link.error';

export interface CitizenPage {
  view: PublicTicketView;
  profile: MailProfile;
  language: MailLanguage;
}

/**
 * Everything a citizen does with their private link. The token is the only credential: it opens
 * one ticket, through a context scoped to that ticket's municipality with a citizen actor.
 */
@Injectable()
export class CitizenTickets {
  constructor(
    private readonly tokens: CitizenAccessTokens,
    private readonly tickets: TicketQueryService,
    private readonly citizenTickets: CitizenTicketService,
    private readonly directory: MunicipalityDirectory,
    private readonly profiles: MailProfiles,
  ) {}

  /** The ticket in the reporter's language (or the one asked for). */
  async page(token: string, language?: MailLanguage): Promise<CitizenPage> {
    const { ctx, ticket } = await this.open(token);
    const profile = await this.profiles.for(ticket.municipalityCode);
    const lang = language ?? mailLanguage(ticket.reporter?.language, profile.languages);
    const view = PublicTicketView.of(ticket, await this.tickets.history(ctx, ticket.id), {
      municipality: profile.displayName[lang],
      category: await this.directory.categoryName(ticket.municipalityCode, ticket.categoryCode, lang),
      language: lang,
    });
    return { view, profile, language: lang };
  }

  /** Returns the ticket's status after the reply (in_progress when it answered or reopened). */
  async reply(token: string, body: string): Promise<string> {
    const { ctx, ticket } = await this.open(token);
    return (await this.citizenTickets.reply(ctx, ticket.id, body)).status;
  }

  async giveFeedback(token: string, score: number, comment: string | undefined): Promise<void> {
    const { ctx, ticket } = await this.open(token);
    await this.citizenTickets.giveFeedback(ctx, ticket.id, { score, comment: comment ?? null });
  }

  private async open(token: string): Promise<{ ctx: RequestContext; ticket: TicketView }> {
    const access = await this.tokens.resolve(token);
    if (!access) throw new UnknownLinkError();
    const citizen = (name: string) =>
      new RequestContext({ type: 'citizen', id: null, name }, [], [access.municipalityCode]);
    const ticket = await this.tickets.get(citizen('Melder'), access.ticketId);
    // The reporter's name as actor, so agents see in the history who answered.
    return { ctx: citizen(ticket.reporter?.name ?? 'Melder'), ticket };
  }
}
