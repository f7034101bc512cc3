import { onGrid } from '@meldpunt/open-data';
import { startTestApp, type TestApp } from '../support/test-app';

const PERSONAL = {
  name: 'Zeynep Uniekenaam',
  email: 'zeynep.uniekenaam@example.be',
  phone: '+32 470 99 88 77',
  address: 'Geheimstraat 77, Kortrijk',
  subject: 'Privé onderwerp 4711',
  description: 'Mijn buurman Jef Geheimnaam laat zijn lamp branden 4711',
};

describe('Open data: reports without personal data, as GeoJSON and CSV', () => {
  let t: TestApp;
  let ids: { report: string; question: string; cancelled: string };

  beforeAll(async () => {
    t = await startTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const create = async (body: Record<string, unknown>) => {
      const res = await t.http().post('/api/v1/tickets').set(auth).send(body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const reporter = { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone, consent: true };
    ids = {
      report: await create({
        kind: 'report',
        channel: 'web',
        categoryCode: 'public-lighting',
        subject: PERSONAL.subject,
        description: PERSONAL.description,
        location: { address: PERSONAL.address, lat: 50.82791, lon: 3.26493 },
        reporter,
      }),
      question: await create({
        kind: 'question',
        channel: 'phone',
        categoryCode: 'general-question',
        description: PERSONAL.description,
        municipalityCode: 'kortrijk',
        reporter,
      }),
      cancelled: await create({
        kind: 'report',
        channel: 'phone',
        categoryCode: 'litter-dumping',
        description: 'Dubbel',
        location: { postcode: '8930' },
      }),
    };
    const cancel = await t
      .http()
      .post(`/api/v1/tickets/${ids.cancelled}/transitions`)
      .set(auth)
      .send({ to: 'cancelled', reason: 'duplicate' });
    expect(cancel.status).toBe(200);
  });
  afterAll(() => t.close());

  const leaks = (body: string) =>
    [...Object.values(PERSONAL), 'Geheimnaam', '470', 'uniekenaam', '4711', ...Object.values(ids)].filter(
      (s) => body.includes(s),
    );

  it('publishes the reports with their category, municipality, status and dates, the place on the grid', async () => {
    const res = await t.http().get('/api/v1/public/open-data/reports.geojson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = JSON.parse(res.text) as {
      type: string;
      features: {
        id: string;
        geometry: { type: string; coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
    };
    expect(body.type).toBe('FeatureCollection');
    // The report only: the question and the cancelled report stay out.
    expect(body.features).toHaveLength(1);
    const [feature] = body.features;
    const cell = onGrid(50.82791, 3.26493);
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [cell.lon, cell.lat] });
    expect(Object.keys(feature.properties).sort()).toEqual(
      [
        'category',
        'categoryName',
        'channel',
        'id',
        'kind',
        'municipality',
        'nisCode',
        'reportedOn',
        'resolvedOn',
        'status',
      ].sort(),
    );
    expect(feature.properties).toMatchObject({
      category: 'public-lighting',
      municipality: 'kortrijk',
      nisCode: '34022',
      status: 'new',
    });
    expect(feature.properties.reportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(leaks(res.text)).toEqual([]);
  });

  it('publishes the same as CSV, and nothing personal there either', async () => {
    const res = await t.http().get('/api/v1/public/open-data/reports.csv?municipality=kortrijk');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = res.text.trim().split('\r\n');
    expect(header).toBe(
      'id,category,categoryName,kind,channel,municipality,nisCode,status,reportedOn,resolvedOn,lat,lon',
    );
    expect(rows).toHaveLength(1);
    expect(leaks(res.text)).toEqual([]);
    expect(
      (await t.http().get('/api/v1/public/open-data/reports.csv?municipality=menen')).text
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('answers 304 to a client that has it, and names what is wrong in a bad question', async () => {
    const first = await t.http().get('/api/v1/public/open-data/reports.geojson');
    const again = await t
      .http()
      .get('/api/v1/public/open-data/reports.geojson')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    const bad = await t.http().get('/api/v1/public/open-data/reports.geojson?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'from', rule: 'isDate' });
    const long = await t.http().get('/api/v1/public/open-data/reports.csv?from=2020-01-01&to=2026-01-01');
    expect(long.body.errors[0]).toMatchObject({ field: 'to', rule: 'isSpan' });
    expect((await t.http().get('/api/v1/public/open-data/reports.xlsx')).status).toBe(404);
  });
});
