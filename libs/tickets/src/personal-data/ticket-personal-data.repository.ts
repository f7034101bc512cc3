import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, RequestContext } from '@meldpunt/identity';
import { OUTBOX_INSERT_SQL, OutboxWake, outboxParams } from '@meldpunt/outbox';
import { HISTORY, TICKET_EVENTS } from '../ticket-events';
import { TICKET_COLUMNS, type TicketRow } from '../ticket-record';
import { KnownIdentifiers, redactJson, redactText } from './personal-data-redaction';

export interface HistoryRow {
  id: string;
  ticket_id: string;
  type: string;
  at: Date;
  actor: Actor;
  data: Record<string, unknown>;
}

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  created_at: Date;
}

/** Reporters' contact details, normalised as the intake stores them (e-mail lower-case, phone E.164). */
export interface ReporterIdentity {
  email?: string;
  phone?: string;
}

// Citizens act under the reporter's name in the history; after anonymisation they are "Melder".
const CITIZEN = 'Melder';
// Three decimals of a degree are about 110 m north-south and 70 m
// east-west here: enough for maps of where reports come from, not enough to point at a house.
const COORDINATE_DECIMALS = 3;

/**
 * The SQL behind the reporters' rights and the retention period: finding what is held about
 * someone, and anonymising a ticket with its history while every statistical column stays.
 */
@Injectable()
export class TicketPersonalDataRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outboxWake: OutboxWake,
  ) {}

  /** Tickets whose reporter has this e-mail address or phone number, oldest first. */
  async findByReporter(ctx: RequestContext, who: ReporterIdentity): Promise<TicketRow[]> {
    return this.dataSource.query<TicketRow[]>(
      `SELECT ${TICKET_COLUMNS} FROM ticket
        WHERE (reporter_email = $1 OR reporter_phone = $2)
          AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
        ORDER BY number`,
      [who.email ?? null, who.phone ?? null, ctx.scope === 'all' ? null : [...ctx.scope]],
    );
  }

  async histories(ticketIds: string[]): Promise<HistoryRow[]> {
    return this.dataSource.query<HistoryRow[]>(
      `SELECT id, ticket_id, type, at, actor, data FROM ticket_event
        WHERE ticket_id = ANY($1::uuid[]) ORDER BY id`,
      [ticketIds],
    );
  }

  async attachments(ticketIds: string[]): Promise<AttachmentRow[]> {
    return this.dataSource.query<AttachmentRow[]>(
      `SELECT id, ticket_id, filename, content_type AS "contentType", size, sha256, created_at
         FROM ticket_attachment WHERE ticket_id = ANY($1::uuid[]) ORDER BY created_at, filename`,
      [ticketIds],
    );
  }

  /**
   * Closed or cancelled tickets, not yet anonymised, whose final status change is older than the
   * cutoff. created_at < cutoff is implied by that and lets the partial index skip recent tickets.
   */
  async dueForAnonymisation(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT t.id FROM ticket t
        WHERE t.anonymised_at IS NULL AND t.status IN ('closed', 'cancelled') AND t.created_at < $1
          AND (SELECT max(e.at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = $2) < $1
        ORDER BY t.created_at LIMIT $3`,
      [cutoff, HISTORY.statusChanged, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Anonymises one ticket in one transaction: the reporter's name, e-mail, phone and the street
   * address go; coordinates are coarsened; the reporter's details are scrubbed from subject,
   * description and every history event; citizens in the history become "Melder"; attachments are
   * deleted. Category,
   * municipality, postcode, kind, channel, priority, statuses, all SLA columns, feedback scores
   * and timestamps stay, so statistics do not change. An `anonymised` event (with outbox row)
   * records it. False when the ticket is not visible or was anonymised before.
   */
  async anonymise(ctx: RequestContext, ticketId: string, reason: string): Promise<boolean> {
    const done = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<(TicketRow & { anonymised_at: Date | null })[]>(
        `SELECT ${TICKET_COLUMNS}, anonymised_at FROM ticket
          WHERE id = $1::uuid AND ($2::text[] IS NULL OR municipality_code = ANY($2::text[]))
          FOR UPDATE`,
        [ticketId, ctx.scope === 'all' ? null : [...ctx.scope]],
      );
      if (!row || row.anonymised_at) return false;
      const known: KnownIdentifiers = {
        name: row.reporter_name,
        email: row.reporter_email,
        phone: row.reporter_phone,
        address: row.location_address,
      };
      await manager.query(
        `UPDATE ticket SET reporter_name = NULL, reporter_email = NULL, reporter_phone = NULL,
           reporter_consent = false, location_address = NULL,
           location_lat = round(location_lat::numeric, ${COORDINATE_DECIMALS})::double precision,
           location_lon = round(location_lon::numeric, ${COORDINATE_DECIMALS})::double precision,
           subject = $2, description = $3, anonymised_at = now(), version = version + 1, updated_at = now()
         WHERE id = $1`,
        [row.id, redactText(row.subject, known).slice(0, 200), redactText(row.description, known)],
      );
      // Photos show houses, cars and people: they go with the reporter's data.
      await manager.query('DELETE FROM ticket_attachment WHERE ticket_id = $1', [row.id]);
      const events = await manager.query<HistoryRow[]>(
        'SELECT id, actor, data FROM ticket_event WHERE ticket_id = $1 ORDER BY id FOR UPDATE',
        [row.id],
      );
      for (const event of events) {
        const data = redactJson(event.data, known);
        const actor: Actor = event.actor.type === 'citizen' ? { ...event.actor, name: CITIZEN } : event.actor;
        if (JSON.stringify(data) === JSON.stringify(event.data) && actor === event.actor) continue;
        await manager.query('UPDATE ticket_event SET data = $2, actor = $3 WHERE id = $1', [
          event.id,
          JSON.stringify(data),
          JSON.stringify(actor),
        ]);
      }
      const [history] = await manager.query<{ id: string }[]>(
        'INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [
          row.id,
          row.municipality_code,
          HISTORY.anonymised,
          JSON.stringify(ctx.actor),
          JSON.stringify({ reason }),
        ],
      );
      await manager.query(
        OUTBOX_INSERT_SQL,
        outboxParams({
          type: TICKET_EVENTS.updated,
          aggregateId: row.id,
          municipalityCode: row.municipality_code,
          payload: { ticketEventId: history.id, status: row.status, historyType: HISTORY.anonymised },
        }),
      );
      return true;
    });
    if (done) this.outboxWake.committed();
    return done;
  }
}
