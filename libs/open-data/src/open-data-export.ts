import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { openReport, toCsv, toGeoJson, type OpenReportRow } from './open-data-format';

export interface OpenDataQuery {
  from: Date;
  to: Date;
  municipality: string | null;
  category: string | null;
}

export interface OpenDataFile {
  body: string;
  etag: string;
  count: number;
}

const MAX_ROWS = 50_000;
const CACHE_MS = 5 * 60_000;

// Only reports (kind 'report': things in the public space), never questions or complaints, which
// are about people; cancelled ones are left out (spam, duplicates, not ours). The columns are the
// whole list of what leaves: no subject, description, address, reporter, assignee or message.
const EXPORT_SQL = `
  SELECT left(md5('open-data:' || t.id::text), 16) AS public_id, t.category_code, c.name->>'nl' AS category_name,
         t.kind, t.channel, t.municipality_code, m.nis_code, t.status,
         to_char(t.created_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD') AS reported_on,
         to_char(t.resolved_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD') AS resolved_on,
         t.location_lat, t.location_lon
    FROM ticket t
    JOIN category c ON c.code = t.category_code
    JOIN municipality m ON m.code = t.municipality_code
   WHERE t.kind = 'report' AND t.status <> 'cancelled'
     AND t.created_at >= $1 AND t.created_at < $2
     AND ($3::text IS NULL OR t.municipality_code = $3)
     AND ($4::text IS NULL OR t.category_code = $4)
   ORDER BY t.created_at, t.id
   LIMIT ${MAX_ROWS}`;

/**
 * The open-data export of the reports, as GeoJSON or CSV. One query per distinct question per five
 * minutes: the same files are served to everyone from memory meanwhile (with an ETag).
 */
@Injectable()
export class OpenDataExport {
  private readonly cache = new Map<string, { at: number; file: Promise<OpenDataFile> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  file(format: 'geojson' | 'csv', query: OpenDataQuery): Promise<OpenDataFile> {
    const key = JSON.stringify([format, query.from, query.to, query.municipality, query.category]);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.file;
    const file = this.build(format, query, new Date(now));
    this.cache.set(key, { at: now, file });
    file.catch(() => this.cache.delete(key));
    for (const [k, v] of this.cache) if (now - v.at >= CACHE_MS) this.cache.delete(k);
    return file;
  }

  private async build(format: 'geojson' | 'csv', query: OpenDataQuery, now: Date): Promise<OpenDataFile> {
    const rows = await this.dataSource.query<OpenReportRow[]>(EXPORT_SQL, [
      query.from,
      query.to,
      query.municipality,
      query.category,
    ]);
    const reports = rows.map(openReport);
    const body = format === 'csv' ? toCsv(reports) : JSON.stringify(toGeoJson(reports, now));
    return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, count: reports.length };
  }
}
