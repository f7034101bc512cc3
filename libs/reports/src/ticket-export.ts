import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnprocessableError } from '@meldpunt/api-errors';
import type { RequestContext } from '@meldpunt/identity';
import type { ReportTable } from './csv';
import type { ReportPeriod } from './report-period';

/** One spreadsheet's worth: beyond it a supervisor narrows the period. */
export const MAX_EXPORT_ROWS = 100_000;

// No personal data and no free text: reporter, description and address stay in the console,
// so the export needs no audit record and can be shared inside the municipality.
const COLUMNS = [
  'reference',
  'created_at',
  'municipality',
  'category',
  'kind',
  'channel',
  'priority',
  'status',
  'responded_at',
  'resolved_at',
  'response_due_at',
  'resolution_due_at',
  'response_breached',
  'resolution_breached',
] as const;

/** The tickets received in a period, one row each (as CSV or XLSX). */
@Injectable()
export class TicketExport {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async table(ctx: RequestContext, period: ReportPeriod): Promise<ReportTable> {
    const rows = await this.dataSource.query<
      Record<(typeof COLUMNS)[number], string | Date | boolean | null>[]
    >(
      `SELECT reference, created_at, municipality_code AS municipality, category_code AS category, kind, channel,
              priority, status, responded_at, resolved_at, response_due_at, resolution_due_at,
              response_breached, resolution_breached
         FROM ticket
        WHERE created_at >= $1 AND created_at < $2
          AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
          AND ($4::text IS NULL OR municipality_code = $4)
        ORDER BY created_at, number
        LIMIT ${MAX_EXPORT_ROWS + 1}`,
      [period.from, period.to, ctx.scope === 'all' ? null : [...ctx.scope], period.municipality],
    );
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new UnprocessableError(
        `more than ${MAX_EXPORT_ROWS} tickets in this period; choose a shorter one`,
        [
          {
            field: 'to',
            rule: 'isWithinExportLimit',
            message: `at most ${MAX_EXPORT_ROWS} tickets per export`,
          },
        ],
      );
    }
    return { header: COLUMNS, rows: rows.map((r) => COLUMNS.map((c) => r[c])) };
  }
}
