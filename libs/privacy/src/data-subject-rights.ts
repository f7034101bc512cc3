import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@meldpunt/api-errors';
import { AuditLog, type RequestContext } from '@meldpunt/identity';
import { type ReporterIdentity, type ReporterTicket, TicketPersonalData } from '@meldpunt/tickets';
import { DataSubjectDto } from './dto/data-subject.dto';
import { PersonalDataHolders } from './personal-data-holders';

export interface PersonalDataExport {
  subject: ReporterIdentity;
  generatedAt: string;
  /** Tickets this person reported, each with its full history. */
  tickets: ReporterTicket[];
  /** What other contexts hold about those tickets' reporter (e-mails sent, feedback). */
  related: Record<string, unknown>;
}

/**
 * The reporters' rights under the GDPR: access (an export of everything held about an e-mail
 * address or phone number) and erasure (anonymisation on request). Both are admin actions and
 * both are in the audit log, with the ticket ids concerned but not the address itself.
 */
@Injectable()
export class DataSubjectRights {
  constructor(
    private readonly tickets: TicketPersonalData,
    private readonly holders: PersonalDataHolders,
    private readonly audit: AuditLog,
  ) {}

  async export(ctx: RequestContext, subject: DataSubjectDto): Promise<PersonalDataExport> {
    const who = identify(subject);
    const tickets = await this.tickets.findByReporter(ctx, who);
    const ticketIds = tickets.map((t) => t.ticket.id);
    const related = await this.holders.export(ticketIds, who);
    await this.audit.record(ctx, {
      action: 'gdpr.export',
      ticketIds,
      municipalityCodes: tickets.map((t) => t.ticket.municipalityCode),
      details: { by: who.email ? 'email' : 'phone' },
    });
    return { subject: who, generatedAt: new Date().toISOString(), tickets, related };
  }

  /**
   * Anonymises every ticket of this reporter, open ones included: after this the municipality can
   * no longer answer the person, which is what they asked for.
   */
  async erase(
    ctx: RequestContext,
    subject: DataSubjectDto,
  ): Promise<{ anonymised: number; ticketIds: string[] }> {
    const who = identify(subject);
    const ticketIds = (await this.tickets.findByReporter(ctx, who)).map((t) => t.ticket.id);
    // Other holders first: if anything fails, the tickets still match and a retry redoes it all.
    await this.holders.anonymise(ticketIds);
    const anonymised = await this.tickets.anonymise(ctx, ticketIds, 'erasure');
    await this.audit.record(ctx, {
      action: 'gdpr.erasure',
      ticketIds,
      details: { by: who.email ? 'email' : 'phone', anonymised: anonymised.length },
    });
    return { anonymised: anonymised.length, ticketIds };
  }
}

function identify(subject: DataSubjectDto): ReporterIdentity {
  if ((subject.email === undefined) === (subject.phone === undefined)) {
    throw new InvalidInputError([
      { field: 'email', rule: 'exactlyOne', message: 'give either email or phone, not both or neither' },
    ]);
  }
  const who = TicketPersonalData.reporterIdentity(subject);
  if (!who) {
    throw new InvalidInputError([
      {
        field: 'phone',
        rule: 'isPhoneNumber',
        message: 'phone must be a Belgian or international phone number',
      },
    ]);
  }
  return who;
}
