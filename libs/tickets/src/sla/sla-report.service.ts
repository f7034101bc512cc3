import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@meldpunt/identity';

export interface TargetCompliance {
  met: number;
  breached: number;
  /** Neither met nor breached yet (clock still running or paused). */
  open: number;
  /** met / (met + breached), null when nothing is decided yet. */
  complianceRate: number | null;
}

export interface SlaReportRow {
  municipalityCode: string;
  categoryCode: string;
  tickets: number;
  response: TargetCompliance;
  resolution: TargetCompliance;
}

interface RawRow {
  municipality_code: string;
  category_code: string;
  tickets: string;
  response_met: string;
  response_breached: string;
  resolution_met: string;
  resolution_breached: string;
}

/**
 * SLA compliance of the tickets received in a period, per municipality and category. A target is
 * met when its clock stopped (first response; resolution) on or before the deadline, breached when
 * the breach fired or the clock stopped late, and open otherwise.
 */
@Injectable()
export class SlaReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(ctx: RequestContext, from: Date, to: Date, municipality?: string): Promise<SlaReportRow[]> {
    const rows = await this.dataSource.query<RawRow[]>(
      `SELECT municipality_code, category_code, count(*) AS tickets,
         count(*) FILTER (WHERE responded_at IS NOT NULL AND responded_at <= response_due_at AND NOT response_breached) AS response_met,
         count(*) FILTER (WHERE response_breached OR responded_at > response_due_at) AS response_breached,
         count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= resolution_due_at AND NOT resolution_breached) AS resolution_met,
         count(*) FILTER (WHERE resolution_breached OR resolved_at > resolution_due_at) AS resolution_breached
       FROM ticket
       WHERE created_at >= $1 AND created_at < $2 AND sla_policy IS NOT NULL
         AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
         AND ($4::text IS NULL OR municipality_code = $4)
       GROUP BY municipality_code, category_code
       ORDER BY municipality_code, category_code`,
      [from, to, ctx.scope === 'all' ? null : [...ctx.scope], municipality ?? null],
    );
    return rows.map((r) => {
      const tickets = Number(r.tickets);
      return {
        municipalityCode: r.municipality_code,
        categoryCode: r.category_code,
        tickets,
        response: compliance(tickets, Number(r.response_met), Number(r.response_breached)),
        resolution: compliance(tickets, Number(r.resolution_met), Number(r.resolution_breached)),
      };
    });
  }
}

function compliance(tickets: number, met: number, breached: number): TargetCompliance {
  return {
    met,
    breached,
    open: tickets - met - breached,
    complianceRate: met + breached ? met / (met + breached) : null,
  };
}
