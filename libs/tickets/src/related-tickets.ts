import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, type RequestContext } from '@meldpunt/identity';
import { TicketRepository } from './ticket.repository';

/** How near and how recent another open report of the same category must be to look like the same thing. */
export const NEARBY_METRES = 250;
export const NEARBY_DAYS = 30;

export interface RelatedTicket {
  id: string;
  reference: string;
  subject: string;
  status: string;
  categoryCode: string;
  municipalityCode: string;
  createdAt: string;
  /** Metres from this ticket's point (nearby reports only). */
  distanceMetres?: number;
}

export interface RelatedTickets {
  /** Open reports of the same category within 250 m, reported within 30 days of this one: possible duplicates. */
  nearby: RelatedTicket[];
  /** The same reporter's other open tickets (same e-mail address or phone number). */
  sameReporter: RelatedTicket[];
  /** The duplicates merged into this ticket (cancelled; their reporters hear of its resolution). */
  merged: RelatedTicket[];
}

// Metres on the ground near 51° N: a degree of latitude is ~111.2 km, of longitude ~70 km here.
const DISTANCE_SQL = `sqrt(power((t.location_lat - $2) * 111195, 2) + power((t.location_lon - $3) * 111195 * cos(radians($2)), 2))`;
const OPEN = `t.status IN ('new', 'in_progress', 'waiting_for_citizen')`;

/**
 * What an agent should see before working a ticket: the reports that may be about the same thing,
 * and the caller's other open tickets. Scoped like every read: only the caller's municipalities.
 */
@Injectable()
export class RelatedTicketsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditLog,
  ) {}

  async of(ctx: RequestContext, idOrReference: string): Promise<RelatedTickets> {
    const ticket = await this.tickets.findVisible(ctx, idOrReference);
    if (!ticket) throw new NotFoundError('Ticket', idOrReference);
    const scope = ctx.scope === 'all' ? null : [...ctx.scope];
    const nearby =
      ticket.location_lat !== null && ticket.location_lon !== null
        ? await this.dataSource.query<Row[]>(
            `SELECT t.id, t.reference, t.subject, t.status, t.category_code, t.municipality_code, t.created_at, ${DISTANCE_SQL} AS distance
               FROM ticket t
              WHERE t.id <> $1 AND t.category_code = $4 AND ${OPEN}
                AND t.location_lat BETWEEN $2 - $5 AND $2 + $5
                AND t.location_lon BETWEEN $3 - $5 * 1.6 AND $3 + $5 * 1.6
                AND t.created_at BETWEEN $6::timestamptz - interval '${NEARBY_DAYS} days' AND $6::timestamptz + interval '${NEARBY_DAYS} days'
                AND ($7::text[] IS NULL OR t.municipality_code = ANY($7::text[]))
                AND ${DISTANCE_SQL} <= ${NEARBY_METRES}
              ORDER BY distance, t.created_at LIMIT 20`,
            [
              ticket.id,
              ticket.location_lat,
              ticket.location_lon,
              ticket.category_code,
              NEARBY_METRES / 111195,
              ticket.created_at,
              scope,
            ],
          )
        : [];
    const sameReporter =
      ticket.reporter_email || ticket.reporter_phone
        ? await this.dataSource.query<Row[]>(
            `SELECT t.id, t.reference, t.subject, t.status, t.category_code, t.created_at, t.municipality_code
               FROM ticket t
              WHERE t.id <> $1 AND ${OPEN}
                AND (t.reporter_email = $2 OR t.reporter_phone = $3)
                AND ($4::text[] IS NULL OR t.municipality_code = ANY($4::text[]))
              ORDER BY t.created_at DESC LIMIT 20`,
            [ticket.id, ticket.reporter_email, ticket.reporter_phone, scope],
          )
        : [];
    const merged = await this.dataSource.query<Row[]>(
      `SELECT t.id, t.reference, t.subject, t.status, t.category_code, t.municipality_code, t.created_at
         FROM ticket t
        WHERE t.merged_into_id = $1 AND ($2::text[] IS NULL OR t.municipality_code = ANY($2::text[]))
        ORDER BY t.number LIMIT 100`,
      [ticket.id, scope],
    );
    // The caller's other tickets are personal data read by staff: on record like any ticket read.
    if (sameReporter.length) {
      await this.audit.recordRead(
        ctx,
        'ticket.related',
        sameReporter.map((r) => ({
          id: r.id,
          municipalityCode: r.municipality_code,
        })),
      );
    }
    return { nearby: nearby.map(view), sameReporter: sameReporter.map(view), merged: merged.map(view) };
  }
}

interface Row {
  id: string;
  reference: string;
  subject: string;
  status: string;
  category_code: string;
  created_at: Date;
  municipality_code: string;
  distance?: number;
}

function view(row: Row): RelatedTicket {
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    status: row.status,
    categoryCode: row.category_code,
    municipalityCode: row.municipality_code,
    createdAt: row.created_at.toISOString(),
    ...(row.distance !== undefined ? { distanceMetres: Math.round(Number(row.distance)) } : {}),
  };
}
