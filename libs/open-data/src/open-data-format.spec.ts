import { openReport, toCsv, toGeoJson, type OpenReportRow } from './open-data-format';

const row: OpenReportRow = {
  public_id: 'a1b2c3d4e5f6a7b8',
  category_code: 'public-lighting',
  category_name: 'Openbare verlichting',
  kind: 'report',
  channel: 'web',
  municipality_code: 'kortrijk',
  nis_code: '34022',
  status: 'resolved',
  reported_on: '2026-12-01',
  resolved_on: '2026-12-03',
  location_lat: 50.8279,
  location_lon: 3.2649,
};

describe('open data formats', () => {
  it('publishes a report on the grid as a GeoJSON point (longitude first)', () => {
    const geo = toGeoJson([openReport(row)], new Date('2026-12-07T10:00:00Z')) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(geo.features[0].geometry.coordinates).toEqual([3.2655, 50.827]);
    expect(geo.features[0].properties).toMatchObject({ id: 'a1b2c3d4e5f6a7b8', status: 'resolved' });
    expect(Object.keys(geo.features[0].properties)).not.toContain('lat');
  });

  it('writes CSV with quoting and no formulas, a report without a point with empty cells', () => {
    const csv = toCsv([
      openReport({ ...row, category_name: 'Wegen, voetpaden' }),
      openReport({ ...row, category_name: '=HYPERLINK("x")', location_lat: null, location_lon: null }),
    ]);
    const [header, first, second] = csv.trim().split('\r\n');
    expect(header).toBe(
      'id,category,categoryName,kind,channel,municipality,nisCode,status,reportedOn,resolvedOn,lat,lon',
    );
    expect(first).toContain('"Wegen, voetpaden"');
    expect(second).toContain(`"'=HYPERLINK(""x"")"`);
    expect(second.endsWith(',,')).toBe(true);
  });
});
