import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@meldpunt/identity';
import type { ReportPeriod } from './report-period';

/** The region works in one time zone: weeks and hours are counted in it. */
export const REPORT_TIME_ZONE = 'Europe/Brussels';
const OPEN_STATUSES = ['new', 'in_progress', 'waiting_for_citizen'];
/** Age buckets of the open backlog, in days: [0,1), [1,3), [3,7), [7,30), [30,∞). */
export const AGE_BUCKETS = ['<1d', '1-3d', '3-7d', '7-30d', '>=30d'] as const;

export interface Count {
  key: string;
  count: number;
}

export interface Durations {
  /** Tickets with the clock stopped (responded, resolved). */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface Compliance {
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached); null when nothing is decided. */
  rate: number | null;
}

export interface Dashboard {
  from: string;
  to: string;
  municipality: string | null;
  timeZone: string;
  volumes: {
    total: number;
    byKind: Count[];
    byCategory: Count[];
    byChannel: Count[];
    byMunicipality: Count[];
  };
  firstResponse: Durations;
  resolution: Durations;
  sla: {
    response: Compliance;
    resolution: Compliance;
    /** Per ISO week (its Monday, local), the tickets received and their compliance. */
    trend: { week: string; tickets: number; responseRate: number | null; resolutionRate: number | null }[];
  };
  /** Open now, by age since it came in. */
  backlog: { open: number; ageing: Count[] };
  satisfaction: { responses: number; average: number | null; byScore: Count[] };
  /** Tickets received per local weekday (1 = Monday) and hour, busiest first. */
  busiestHours: { weekday: number; hour: number; count: number }[];
}

// Met: the clock stopped on time; breached: the breach fired or it stopped late (as the SLA report).
const STOP = { response: 'responded_at', resolution: 'resolved_at' } as const;
const MET = (c: keyof typeof STOP) =>
  `${STOP[c]} IS NOT NULL AND ${STOP[c]} <= ${c}_due_at AND NOT ${c}_breached AND sla_policy IS NOT NULL`;
const BREACHED = (c: keyof typeof STOP) =>
  `(${c}_breached OR ${STOP[c]} > ${c}_due_at) AND sla_policy IS NOT NULL`;
const MINUTES = (c: string) => `extract(epoch FROM ${c} - created_at) / 60`;

/**
 * The supervisors' dashboard: every figure is one SQL aggregate over the tickets received in the
 * period (and the feedback given in it), within the caller's municipalities.
 */
@Injectable()
export class DashboardReport {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(ctx: RequestContext, period: ReportPeriod, now = new Date()): Promise<Dashboard> {
    const scope = ctx.scope === 'all' ? null : [...ctx.scope];
    const params = [period.from, period.to, scope, period.municipality];
    const where = `created_at >= $1 AND created_at < $2
      AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
      AND ($4::text IS NULL OR municipality_code = $4)`;
    const q = <T>(sql: string, extra: unknown[] = []) =>
      this.dataSource.query<T[]>(sql, [...params, ...extra]);

    const [volumes, [times], trend, [backlog], satisfaction, hours] = await Promise.all([
      q<{ dim: string; key: string; count: string }>(
        ['kind', 'category_code', 'channel', 'municipality_code']
          .map(
            (c) =>
              `SELECT '${c}' AS dim, ${c}::text AS key, count(*) AS count FROM ticket WHERE ${where} GROUP BY ${c}`,
          )
          .join(' UNION ALL ') + ' ORDER BY count DESC, key',
      ),
      q<Record<string, string | null>>(
        `SELECT count(*) AS total,
           count(responded_at) AS responded,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES('responded_at')}) AS response_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES('responded_at')}) AS response_p90,
           count(resolved_at) AS resolved,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES('resolved_at')}) AS resolution_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES('resolved_at')}) AS resolution_p90,
           count(*) FILTER (WHERE sla_policy IS NOT NULL) AS with_sla,
           count(*) FILTER (WHERE ${MET('response')}) AS response_met,
           count(*) FILTER (WHERE ${BREACHED('response')}) AS response_breached,
           count(*) FILTER (WHERE ${MET('resolution')}) AS resolution_met,
           count(*) FILTER (WHERE ${BREACHED('resolution')}) AS resolution_breached
         FROM ticket WHERE ${where}`,
      ),
      q<Record<string, string>>(
        `SELECT to_char(date_trunc('week', created_at AT TIME ZONE '${REPORT_TIME_ZONE}'), 'YYYY-MM-DD') AS week,
           count(*) AS tickets,
           count(*) FILTER (WHERE ${MET('response')}) AS response_met,
           count(*) FILTER (WHERE ${BREACHED('response')}) AS response_breached,
           count(*) FILTER (WHERE ${MET('resolution')}) AS resolution_met,
           count(*) FILTER (WHERE ${BREACHED('resolution')}) AS resolution_breached
         FROM ticket WHERE ${where} GROUP BY 1 ORDER BY 1`,
      ),
      this.dataSource.query<Record<string, string>[]>(
        `SELECT count(*) AS open, ${AGE_BUCKETS.map(
          (b, i) =>
            `count(*) FILTER (WHERE age >= ${[0, 1, 3, 7, 30][i]} ${i < 4 ? `AND age < ${[1, 3, 7, 30][i]}` : ''}) AS "${b}"`,
        ).join(', ')}
         FROM (SELECT extract(epoch FROM $4::timestamptz - created_at) / 86400 AS age FROM ticket
               WHERE status = ANY($5::text[])
                 AND ($1::text[] IS NULL OR municipality_code = ANY($1::text[]))
                 AND ($2::text IS NULL OR municipality_code = $2)
                 AND created_at < $3) open`,
        [scope, period.municipality, period.to, now, OPEN_STATUSES],
      ),
      this.dataSource.query<{ score: number; count: string }[]>(
        `SELECT score, count(*) AS count FROM feedback
          WHERE given_at >= $1 AND given_at < $2
            AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[]))
            AND ($4::text IS NULL OR municipality_code = $4)
          GROUP BY score ORDER BY score`,
        params,
      ),
      q<{ weekday: number; hour: number; count: string }>(
        `SELECT extract(isodow FROM created_at AT TIME ZONE '${REPORT_TIME_ZONE}')::int AS weekday,
                extract(hour FROM created_at AT TIME ZONE '${REPORT_TIME_ZONE}')::int AS hour,
                count(*) AS count
           FROM ticket WHERE ${where} GROUP BY 1, 2 ORDER BY count DESC, weekday, hour`,
      ),
    ]);

    const by = (dim: string) =>
      volumes.filter((v) => v.dim === dim).map((v) => ({ key: v.key, count: Number(v.count) }));
    const responses = satisfaction.reduce((n, s) => n + Number(s.count), 0);
    const total = Number(times.total);
    const withSla = Number(times.with_sla);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      municipality: period.municipality,
      timeZone: REPORT_TIME_ZONE,
      volumes: {
        total,
        byKind: by('kind'),
        byCategory: by('category_code'),
        byChannel: by('channel'),
        byMunicipality: by('municipality_code'),
      },
      firstResponse: durations(times.responded, times.response_median, times.response_p90),
      resolution: durations(times.resolved, times.resolution_median, times.resolution_p90),
      sla: {
        response: compliance(withSla, times.response_met, times.response_breached),
        resolution: compliance(withSla, times.resolution_met, times.resolution_breached),
        trend: trend.map((w) => ({
          week: w.week,
          tickets: Number(w.tickets),
          responseRate: rate(w.response_met, w.response_breached),
          resolutionRate: rate(w.resolution_met, w.resolution_breached),
        })),
      },
      backlog: {
        open: Number(backlog.open),
        ageing: AGE_BUCKETS.map((b) => ({ key: b, count: Number(backlog[b]) })),
      },
      satisfaction: {
        responses,
        average: responses
          ? round(satisfaction.reduce((n, s) => n + s.score * Number(s.count), 0) / responses, 2)
          : null,
        byScore: [1, 2, 3, 4, 5].map((score) => ({
          key: String(score),
          count: Number(satisfaction.find((s) => Number(s.score) === score)?.count ?? 0),
        })),
      },
      busiestHours: hours.map((h) => ({ weekday: h.weekday, hour: h.hour, count: Number(h.count) })),
    };
  }
}

function durations(count: string | null, median: string | null, p90: string | null): Durations {
  return {
    count: Number(count),
    medianMinutes: median === null ? null : round(Number(median), 1),
    p90Minutes: p90 === null ? null : round(Number(p90), 1),
  };
}

function compliance(tickets: number, met: string | null, breached: string | null): Compliance {
  return {
    met: Number(met),
    breached: Number(breached),
    open: tickets - Number(met) - Number(breached),
    rate: rate(met, breached),
  };
}

function rate(met: string | null, breached: string | null): number | null {
  const decided = Number(met) + Number(breached);
  return decided ? round(Number(met) / decided, 4) : null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
