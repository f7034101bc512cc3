import { toCsv as toCsvTable } from '@meldpunt/reports';
import { onGrid } from './safe-grid';

/** One published report: no text anyone wrote, no person, no address; the place on the safe grid. */
export interface OpenReport {
  id: string;
  category: string;
  categoryName: string;
  kind: string;
  channel: string;
  municipality: string;
  nisCode: string;
  status: string;
  /** Day it was reported and resolved (dates, not times: a time narrows down who it was). */
  reportedOn: string;
  resolvedOn: string | null;
  lat: number | null;
  lon: number | null;
}

export interface OpenReportRow {
  public_id: string;
  category_code: string;
  category_name: string;
  kind: string;
  channel: string;
  municipality_code: string;
  nis_code: string;
  status: string;
  reported_on: string;
  resolved_on: string | null;
  location_lat: number | null;
  location_lon: number | null;
}

export function openReport(row: OpenReportRow): OpenReport {
  const point =
    row.location_lat !== null && row.location_lon !== null
      ? onGrid(row.location_lat, row.location_lon)
      : null;
  return {
    id: row.public_id,
    category: row.category_code,
    categoryName: row.category_name,
    kind: row.kind,
    channel: row.channel,
    municipality: row.municipality_code,
    nisCode: row.nis_code,
    status: row.status,
    reportedOn: row.reported_on,
    resolvedOn: row.resolved_on,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
  };
}

/** The OSLO terms our properties stand for, where one fits (see docs/open-data.md). */
export const OSLO_CONTEXT: Record<string, string> = {
  id: 'dcterms:identifier',
  category: 'dcterms:type',
  status: 'adms:status',
  reportedOn: 'dcterms:created',
  resolvedOn: 'dcterms:modified',
  municipality: 'locn:adminUnitL2',
  nisCode: 'locn:adminUnitL2',
  geometry: 'locn:geometry',
};

export function toGeoJson(reports: OpenReport[], generatedAt: Date): object {
  return {
    type: 'FeatureCollection',
    name: 'meldingen-zuid-west-vlaanderen',
    generatedAt: generatedAt.toISOString(),
    licence: 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
    features: reports.map(({ lat, lon, ...properties }) => ({
      type: 'Feature',
      id: properties.id,
      geometry: lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null,
      properties,
    })),
  };
}

const CSV_COLUMNS: (keyof OpenReport)[] = [
  'id',
  'category',
  'categoryName',
  'kind',
  'channel',
  'municipality',
  'nisCode',
  'status',
  'reportedOn',
  'resolvedOn',
  'lat',
  'lon',
];

/** RFC 4180 with a header row (formula-like cells neutralised: see @meldpunt/reports). */
export function toCsv(reports: OpenReport[]): string {
  return toCsvTable({ header: CSV_COLUMNS, rows: reports.map((r) => CSV_COLUMNS.map((c) => r[c])) });
}
