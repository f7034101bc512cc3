import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@meldpunt/identity';
import { parsePhone } from '../dto/is-phone-number';
import { TicketEventView, TicketView } from '../dto/ticket.view';
import { ReporterIdentity, TicketPersonalDataRepository } from './ticket-personal-data.repository';

export type { ReporterIdentity };

export interface ReporterTicket {
  ticket: TicketView;
  /** Every history event, internal notes included, oldest first. */
  history: TicketEventView[];
  /** The photos and documents sent with it (what they are; staff download the files themselves). */
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    createdAt: string;
  }[];
}

/**
 * The tickets' side of the reporters' rights (access, erasure) and of the retention period. The
 * privacy context decides when; this context owns the tables and does it.
 */
@Injectable()
export class TicketPersonalData {
  constructor(private readonly repository: TicketPersonalDataRepository) {}

  /**
   * The e-mail address or phone number as the intake stores them (lower-case; E.164), so that
   * "0470 12 34 56" finds what was given as "+32470123456". Null when neither is usable.
   */
  static reporterIdentity(given: { email?: string; phone?: string }): ReporterIdentity | null {
    const email = given.email?.trim().toLowerCase() || undefined;
    const phone = given.phone ? (parsePhone(given.phone) ?? undefined) : undefined;
    return email || phone ? { email, phone } : null;
  }

  async findByReporter(ctx: RequestContext, who: ReporterIdentity): Promise<ReporterTicket[]> {
    const rows = await this.repository.findByReporter(ctx, who);
    const events = rows.length ? await this.repository.histories(rows.map((r) => r.id)) : [];
    const files = rows.length ? await this.repository.attachments(rows.map((r) => r.id)) : [];
    return rows.map((row) => ({
      ticket: TicketView.of(row),
      history: events
        .filter((e) => e.ticket_id === row.id)
        .map((e) => ({ id: e.id, type: e.type, at: e.at.toISOString(), actor: e.actor, data: e.data })),
      attachments: files
        .filter((f) => f.ticket_id === row.id)
        .map(({ ticket_id: _ticket, created_at, ...f }) => ({ ...f, createdAt: created_at.toISOString() })),
    }));
  }

  /** Anonymises these tickets one transaction each; returns the ids it anonymised now. */
  async anonymise(
    ctx: RequestContext,
    ticketIds: string[],
    reason: 'retention' | 'erasure',
  ): Promise<string[]> {
    const done: string[] = [];
    for (const id of ticketIds) if (await this.repository.anonymise(ctx, id, reason)) done.push(id);
    return done;
  }

  dueForAnonymisation(cutoff: Date, limit: number): Promise<string[]> {
    return this.repository.dueForAnonymisation(cutoff, limit);
  }
}
