import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES, TicketStatus } from '@meldpunt/tickets';

/** The columns a GeoReport service request is made of; reporter columns are never read here. */
export interface Open311TicketRow {
  id: string;
  reference: string;
  category_code: string;
  municipality_code: string;
  status: TicketStatus;
  cancel_reason: string | null;
  description: string;
  location_address: string | null;
  location_postcode: string | null;
  location_lat: number | null;
  location_lon: number | null;
  resolution_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface Open311Filter {
  references?: string[];
  serviceCodes?: string[];
  municipalityCode?: string;
  statuses?: ('open' | 'closed')[];
  start: Date;
  end: Date;
  limit: number;
}

const COLUMNS = `id, reference, category_code, municipality_code, status, cancel_reason, description,
  location_address, location_postcode, location_lat, location_lon, resolution_due_at, created_at, updated_at`;

export function open311Status(status: TicketStatus): 'open' | 'closed' {
  return OPEN_STATUSES.includes(status) ? 'open' : 'closed';
}

/**
 * Reads tickets as GeoReport service requests. A read model of its own (not TicketQueryService)
 * because anonymous Open311 callers see every municipality's requests, but only the columns
 * above, and the controller decides which of those an anonymous caller gets.
 */
@Injectable()
export class Open311Requests {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byReference(reference: string): Promise<Open311TicketRow | undefined> {
    const [row] = await this.dataSource.query<Open311TicketRow[]>(
      `SELECT ${COLUMNS} FROM ticket WHERE reference = $1`,
      [reference],
    );
    return row;
  }

  async referenceOfToken(token: string): Promise<string | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(token)) return undefined;
    const [row] = await this.dataSource.query<{ reference: string }[]>(
      'SELECT reference FROM ticket WHERE id = $1',
      [token],
    );
    return row?.reference;
  }

  async list(filter: Open311Filter): Promise<Open311TicketRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.references) {
      // The spec: a list of ids overrides every other parameter.
      add('reference = ANY(?)', filter.references);
    } else {
      add('created_at >= ?', filter.start);
      add('created_at <= ?', filter.end);
      if (filter.serviceCodes) add('category_code = ANY(?)', filter.serviceCodes);
      if (filter.municipalityCode) add('municipality_code = ?', filter.municipalityCode);
      if (filter.statuses && filter.statuses.length === 1) {
        add(`(status = ANY(?)) = ${filter.statuses[0] === 'open' ? 'true' : 'false'}`, [...OPEN_STATUSES]);
      }
    }
    params.push(filter.limit);
    return this.dataSource.query<Open311TicketRow[]>(
      `SELECT ${COLUMNS} FROM ticket WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
