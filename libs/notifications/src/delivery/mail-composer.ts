import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { Coalescer } from '@meldpunt/queue';
import { TicketEventView, TicketQueryService, TicketView } from '@meldpunt/tickets';
import { CitizenAccessTokens } from '../citizen-access-tokens';
import { mailLanguage } from '../default-mail-profile';
import type { NotificationEntity } from '../entities/notification.entity';
import { MailProfiles } from '../mail-profiles';
import { EscalationAddress } from './escalation-address';
import { TicketForwards } from '@meldpunt/forwards';
import { isStaffMail, type MailLanguage, type NotificationKind } from '../notification-kind';
import { renderEscalationMail, type SlaClock } from '../templates/escalation.mail';
import { renderNotificationMail } from '../templates/mail-catalogue';
import { renderPartyRequestMail } from '../templates/party-request.mail';
import type { MailData } from '../templates/mail-data';
import type { OutgoingMail } from './mail-transport';

export interface ComposedMail {
  mail: OutgoingMail;
  language: MailLanguage;
}

/**
 * Builds an e-mail from the ticket as it is now: the reporter's current address, consent and
 * language count, not those at the time of the event. Each e-mail gets a private link of its own.
 * The team's escalation goes to the profile's current escalation address instead, in the
 * municipality's language, with a console link and no citizen link.
 */
@Injectable()
export class MailComposer {
  private readonly ctx = RequestContext.system('notifications');
  // The deliveries running side by side read their tickets in one statement.
  private readonly reads = new Coalescer<string, TicketView | undefined>(async (ids) => {
    const tickets = await this.tickets.getMany(this.ctx, [...new Set(ids)]);
    return ids.map((id) => tickets.get(id));
  });

  constructor(
    private readonly tickets: TicketQueryService,
    private readonly directory: MunicipalityDirectory,
    private readonly profiles: MailProfiles,
    private readonly tokens: CitizenAccessTokens,
    private readonly config: AppConfig,
    private readonly forwards: TicketForwards,
    private readonly escalationAddress: EscalationAddress,
  ) {}

  /**
   * Null when the reporter has no address or no consent (any more), or, for an escalation, the
   * municipality no escalation address: nothing may be sent. `statusToken` is the citizen's link
   * when the caller stored it already (the delivery does, with its claim); else one is issued here.
   */
  async compose(notification: NotificationEntity, statusToken?: string): Promise<ComposedMail | null> {
    if (isStaffMail(notification.kind)) return this.composeEscalation(notification);
    if (notification.kind === 'party_request') return this.composePartyRequest(notification);
    const ticket = await this.ticket(notification.ticketId);
    const reporter = ticket.reporter;
    if (!reporter?.email || !reporter.consent) return null;
    const profile = await this.profiles.for(ticket.municipalityCode);
    const language = mailLanguage(reporter.language, profile.languages);
    const token =
      statusToken ??
      (await this.tokens.issue(
        { ticketId: ticket.id, municipalityCode: ticket.municipalityCode },
        notification.id,
      ));
    const data: MailData = {
      language,
      ticketKind: ticket.kind as MailData['ticketKind'],
      reference: ticket.reference,
      recipientName: reporter.name,
      municipalityName: profile.displayName[language],
      categoryName: await this.directory.categoryName(ticket.municipalityCode, ticket.categoryCode, language),
      place: await this.place(ticket),
      description: ticket.description,
      resolutionDueAt: ticket.sla.resolutionDueAt ? new Date(ticket.sla.resolutionDueAt) : null,
      timeZone: profile.timeZone,
      statusUrl: `${this.config.publicBaseUrl}/status/${token}`,
      text: textOf(notification.kind, await this.event(notification)),
      now: new Date(),
    };
    const rendered = renderNotificationMail(notification.kind, data, profile);
    return this.envelope(notification, ticket, language, rendered, {
      from: { name: profile.displayName[language], address: profile.senderAddress },
      to: { name: reporter.name ?? '', address: reporter.email },
    });
  }

  private async ticket(id: string): Promise<TicketView> {
    const ticket = await this.reads.call(id);
    if (!ticket) throw new NotFoundError('Ticket', id);
    return ticket;
  }

  private async composeEscalation(notification: NotificationEntity): Promise<ComposedMail | null> {
    const ticket = await this.ticket(notification.ticketId);
    const profile = await this.profiles.for(ticket.municipalityCode);
    const breach = await this.event(notification);
    const clock = breach?.data.clock;
    const address = await this.escalationAddress.for(ticket, profile);
    if (!address || (clock !== 'response' && clock !== 'resolution')) return null;
    // Staff read one language: the municipality's first (Dutch in the whole region).
    const language = mailLanguage(null, profile.languages);
    const dueAt = breachDueAt(clock, breach?.data.dueAt, ticket);
    const municipalityName = profile.displayName[language];
    const rendered = renderEscalationMail(
      {
        language,
        reference: ticket.reference,
        municipalityName,
        categoryName: await this.directory.categoryName(
          ticket.municipalityCode,
          ticket.categoryCode,
          language,
        ),
        priority: ticket.priority,
        subject: ticket.subject,
        description: ticket.description,
        clock,
        dueAt,
        timeZone: profile.timeZone,
        consoleUrl: `${this.config.publicBaseUrl}/console/tickets/${encodeURIComponent(ticket.reference)}`,
        now: new Date(),
      },
      profile,
    );
    return this.envelope(
      notification,
      ticket,
      language,
      rendered,
      {
        from: { name: municipalityName, address: profile.senderAddress },
        to: { name: ticket.team?.name ?? '', address },
      },
      { 'X-Meldpunt-Sla-Breach': clock },
    );
  }

  /**
   * The question to a party outside the municipality, to the address the agent gave, in the
   * municipality's language, with a link of its own (never the citizen's) and nothing of the reporter.
   */
  private async composePartyRequest(notification: NotificationEntity): Promise<ComposedMail | null> {
    const ticket = await this.ticket(notification.ticketId);
    const sent = await this.event(notification);
    const forward =
      typeof sent?.data.forwardId === 'string' ? await this.forwards.byId(sent.data.forwardId) : null;
    if (!forward) return null;
    const profile = await this.profiles.for(ticket.municipalityCode);
    const language = mailLanguage(null, profile.languages);
    const municipalityName = profile.displayName[language];
    const token = await this.forwards.issueLink(forward, notification.id);
    const rendered = renderPartyRequestMail(
      {
        language,
        reference: ticket.reference,
        municipalityName,
        partyName: forward.partyName,
        question: forward.question,
        categoryName: await this.directory.categoryName(
          ticket.municipalityCode,
          ticket.categoryCode,
          language,
        ),
        place: await this.place(ticket),
        description: ticket.description,
        answerUrl: `${this.config.publicBaseUrl}/extern/${token}`,
      },
      profile,
    );
    return this.envelope(notification, ticket, language, rendered, {
      from: { name: municipalityName, address: profile.senderAddress },
      to: { name: forward.partyName, address: forward.partyEmail },
    });
  }

  /** What every automatic mail shares: a stable Message-ID per notification and the headers. */
  private envelope(
    notification: NotificationEntity,
    ticket: TicketView,
    language: MailLanguage,
    rendered: { subject: string; html: string; text: string },
    parties: Pick<OutgoingMail, 'from' | 'to'>,
    extraHeaders: Record<string, string> = {},
  ): ComposedMail {
    return {
      language,
      mail: {
        ...parties,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: `<${notification.id}@${this.config.mailFromDomain}>`,
        headers: {
          // RFC 3834: out-of-office replies should not answer automatic mail.
          'Auto-Submitted': 'auto-generated',
          'X-Meldpunt-Reference': ticket.reference,
          ...extraHeaders,
        },
      },
    };
  }

  /** The event the mail is about (one row, not the whole history: a long ticket has many). */
  private async event(notification: NotificationEntity): Promise<TicketEventView | undefined> {
    if (notification.kind === 'acknowledgement' || notification.kind === 'forwarded') return undefined;
    const event = await this.tickets.historyEvent(
      this.ctx,
      notification.ticketId,
      String(notification.eventId),
    );
    return event ?? undefined;
  }

  private async place(ticket: TicketView): Promise<string | null> {
    const location = ticket.location;
    if (!location) return null;
    const town = (await this.directory.municipality(ticket.municipalityCode))?.name ?? '';
    const street = location.address;
    const postcode = location.postcode ? `${location.postcode} ${town}`.trim() : null;
    if (street || postcode) return [street, postcode].filter(Boolean).join(', ');
    return location.lat !== null && location.lon !== null ? `${location.lat}, ${location.lon}` : null;
  }
}

/** The deadline the breached timer was planned for (history data), else the ticket's current one. */
function breachDueAt(clock: SlaClock, recorded: unknown, ticket: TicketView): Date {
  const at = typeof recorded === 'string' ? new Date(recorded) : null;
  if (at && !Number.isNaN(at.getTime())) return at;
  const current = clock === 'response' ? ticket.sla.responseDueAt : ticket.sla.resolutionDueAt;
  return current ? new Date(current) : new Date();
}

/** The question, the message or what was done: the words the agent wrote for the citizen. */
function textOf(kind: NotificationKind, event: TicketEventView | undefined): string | null {
  if (!event) return null;
  const value = kind === 'message' ? event.data.body : event.data.message;
  return typeof value === 'string' ? value : null;
}
