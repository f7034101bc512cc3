import { randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;
const MIN = 60_000;

interface Row {
  id: string;
  kind: string;
  channel: string;
  category_code: string;
  municipality_code: string;
  status: string;
  created_at: Date;
  responded_at: Date | null;
  resolved_at: Date | null;
  response_due_at: Date | null;
  resolution_due_at: Date | null;
  response_breached: boolean;
  resolution_breached: boolean;
  has_sla: boolean;
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return Math.round((sorted[low] + (sorted[high] - sorted[low]) * (at - low)) * 10) / 10;
}

const countBy = (rows: Row[], key: (r: Row) => string) => {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return Object.fromEntries(counts);
};
const asObject = (list: { key: string; count: number }[]) =>
  Object.fromEntries(list.map((c) => [c.key, c.count]));

/**
 * The dashboard's figures against the tables: tickets with known times are written, then every
 * figure is computed here from the raw rows (a second implementation) and compared.
 */
describe('Supervisors’ dashboard and exports', () => {
  let t: TestApp;
  let admin: string;
  const now = Date.now();
  const from = new Date(now - 60 * DAY).toISOString();
  const to = new Date(now + 3600_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
    // Ages, response and resolution minutes, breaches: away from every bucket edge.
    const plan = [
      {
        m: 'kortrijk',
        channel: 'phone',
        kind: 'report',
        cat: 'public-lighting',
        age: 0.5,
        resp: 20,
        res: null,
        rb: false,
      },
      {
        m: 'kortrijk',
        channel: 'web',
        kind: 'report',
        cat: 'public-lighting',
        age: 2,
        resp: 45,
        res: 600,
        rb: false,
      },
      {
        m: 'kortrijk',
        channel: 'phone',
        kind: 'question',
        cat: 'general-question',
        age: 5,
        resp: 5,
        res: 30,
        rb: false,
      },
      {
        m: 'kortrijk',
        channel: 'email',
        kind: 'report',
        cat: 'roads-pavements',
        age: 10,
        resp: 3000,
        res: null,
        rb: true,
      },
      {
        m: 'kortrijk',
        channel: 'chat',
        kind: 'complaint',
        cat: 'service-complaint',
        age: 40,
        resp: null,
        res: null,
        rb: true,
      },
      {
        m: 'menen',
        channel: 'phone',
        kind: 'report',
        cat: 'public-lighting',
        age: 3.5,
        resp: 90,
        res: 2000,
        rb: false,
      },
      {
        m: 'menen',
        channel: 'web',
        kind: 'report',
        cat: 'sewers-flooding',
        age: 20,
        resp: 15,
        res: 100,
        rb: false,
      },
      {
        m: 'menen',
        channel: 'phone',
        kind: 'question',
        cat: 'general-question',
        age: 50,
        resp: null,
        res: null,
        rb: false,
      },
    ];
    for (const p of plan) {
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${admin}`)
        .send(
          ticketBody({
            municipalityCode: p.m,
            channel: p.channel,
            kind: p.kind,
            categoryCode: p.cat,
            location: {},
          }),
        );
      expect(res.status).toBe(201);
      const created = new Date(now - p.age * DAY);
      const at = (minutes: number | null) =>
        minutes === null ? null : new Date(created.getTime() + minutes * MIN);
      await t.sql(
        `UPDATE ticket SET created_at = $2, responded_at = $3, resolved_at = $4,
           status = CASE WHEN $4::timestamptz IS NULL THEN 'in_progress' ELSE 'resolved' END,
           response_due_at = $2::timestamptz + interval '1 day', resolution_due_at = $2::timestamptz + interval '10 days',
           response_breached = $5
         WHERE id = $1`,
        [res.body.id, created, at(p.resp), at(p.res), p.rb],
      );
    }
    // One ticket outside the period must count nowhere but the backlog.
    await t.sql(`UPDATE ticket SET created_at = now() - interval '90 days' WHERE id = (
      SELECT id FROM ticket WHERE municipality_code = 'menen' ORDER BY created_at LIMIT 1)`);
    const first = await t.sql<{ id: string; municipality_code: string }>(
      'SELECT id, municipality_code FROM ticket ORDER BY created_at LIMIT 3',
    );
    for (const [i, score] of [4, 5, 2].entries()) {
      await t.sql(
        `INSERT INTO feedback (event_id, ticket_id, municipality_code, score, given_at) VALUES ($1, $2, $3, $4, now() - interval '1 day')`,
        [1000 + i, first[i].id, first[i].municipality_code, score],
      );
    }
    await t.sql(
      `INSERT INTO feedback (event_id, ticket_id, municipality_code, score, given_at) VALUES (2000, $1, 'kortrijk', 1, now() - interval '100 days')`,
      [randomUUID()],
    );
  });
  afterAll(() => t.close());

  const get = (path: string, token = admin) => t.http().get(path).set('Authorization', `Bearer ${token}`);

  async function rows(municipality?: string): Promise<Row[]> {
    return t.sql<Row>(
      `SELECT id, kind, channel, category_code, municipality_code, status, created_at, responded_at, resolved_at,
              response_due_at, resolution_due_at, response_breached, resolution_breached, sla_policy IS NOT NULL AS has_sla
         FROM ticket WHERE ($1::text IS NULL OR municipality_code = $1)`,
      [municipality ?? null],
    );
  }

  async function expectFigures(municipality: string | undefined, token: string) {
    const res = await get(
      `/api/v1/reports/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${municipality ? `&municipality=${municipality}` : ''}`,
      token,
    );
    expect(res.status).toBe(200);
    const d = res.body;
    const all = await rows(municipality);
    const inPeriod = all.filter((r) => r.created_at >= new Date(from) && r.created_at < new Date(to));
    expect(d.volumes.total).toBe(inPeriod.length);
    expect(asObject(d.volumes.byKind)).toEqual(countBy(inPeriod, (r) => r.kind));
    expect(asObject(d.volumes.byChannel)).toEqual(countBy(inPeriod, (r) => r.channel));
    expect(asObject(d.volumes.byCategory)).toEqual(countBy(inPeriod, (r) => r.category_code));
    expect(asObject(d.volumes.byMunicipality)).toEqual(countBy(inPeriod, (r) => r.municipality_code));

    const minutes = (r: Row, at: Date | null) => (at ? (at.getTime() - r.created_at.getTime()) / MIN : null);
    const responded = inPeriod.map((r) => minutes(r, r.responded_at)).filter((v): v is number => v !== null);
    const resolved = inPeriod.map((r) => minutes(r, r.resolved_at)).filter((v): v is number => v !== null);
    expect(d.firstResponse).toEqual({
      count: responded.length,
      medianMinutes: percentile(responded, 0.5),
      p90Minutes: percentile(responded, 0.9),
    });
    expect(d.resolution).toEqual({
      count: resolved.length,
      medianMinutes: percentile(resolved, 0.5),
      p90Minutes: percentile(resolved, 0.9),
    });

    const sla = inPeriod.filter((r) => r.has_sla);
    const met = sla.filter(
      (r) => r.responded_at && r.responded_at <= r.response_due_at! && !r.response_breached,
    );
    const breached = sla.filter(
      (r) => r.response_breached || (r.responded_at && r.responded_at > r.response_due_at!),
    );
    expect(d.sla.response).toEqual({
      met: met.length,
      breached: breached.length,
      open: sla.length - met.length - breached.length,
      rate:
        met.length + breached.length
          ? Math.round((met.length / (met.length + breached.length)) * 1e4) / 1e4
          : null,
    });
    expect(d.sla.trend.reduce((n: number, w: { tickets: number }) => n + w.tickets, 0)).toBe(inPeriod.length);

    const open = all.filter((r) => ['new', 'in_progress', 'waiting_for_citizen'].includes(r.status));
    expect(d.backlog.open).toBe(open.length);
    const ageOf = (r: Row) => (Date.now() - r.created_at.getTime()) / DAY;
    const bucket = (a: number) =>
      a < 1 ? '<1d' : a < 3 ? '1-3d' : a < 7 ? '3-7d' : a < 30 ? '7-30d' : '>=30d';
    expect(asObject(d.backlog.ageing)).toEqual({
      '<1d': 0,
      '1-3d': 0,
      '3-7d': 0,
      '7-30d': 0,
      '>=30d': 0,
      ...countBy(open, (r) => bucket(ageOf(r))),
    });
    expect(d.busiestHours.reduce((n: number, h: { count: number }) => n + h.count, 0)).toBe(inPeriod.length);
    return d;
  }

  it('gives the region’s figures equal to the tables, and one municipality’s for its supervisor', async () => {
    const region = await expectFigures(undefined, admin);
    expect(region.volumes.total).toBe(7);
    expect(region.volumes.byMunicipality).toEqual(
      expect.arrayContaining([
        { key: 'kortrijk', count: 5 },
        { key: 'menen', count: 2 },
      ]),
    );
    // Feedback given in the period only: 4, 5 and 2.
    expect(region.satisfaction).toMatchObject({ responses: 3, average: 3.67 });
    expect(asObject(region.satisfaction.byScore)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 });

    const supervisor = await t.token({ roles: ['supervisor'], municipalities: ['kortrijk'] });
    const kortrijk = await expectFigures('kortrijk', supervisor);
    expect(kortrijk.volumes.total).toBe(5);
    // Without a municipality a supervisor gets their own, not the region's.
    const own = await get(
      `/api/v1/reports/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      supervisor,
    );
    expect(own.body.volumes).toEqual(kortrijk.volumes);
    expect(
      (await get(`/api/v1/reports/dashboard?from=${from}&to=${to}&municipality=menen`, supervisor)).status,
    ).toBe(403);
    const agent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect((await get(`/api/v1/reports/dashboard?from=${from}&to=${to}`, agent)).status).toBe(403);
    const bad = await get(`/api/v1/reports/dashboard?from=yesterday&to=${to}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'from', rule: 'isIso8601' });
  });

  it('exports the same figures, and the tickets without personal data, as CSV', async () => {
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const json = (await get(`/api/v1/reports/dashboard?${query}`)).body;
    const csv = await get(`/api/v1/reports/dashboard.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('section,key,value');
    const value = (section: string, key: string) =>
      lines.find((l) => l.startsWith(`${section},${key},`))?.split(',')[2];
    expect(value('volumes', 'total')).toBe(String(json.volumes.total));
    expect(value('volumes.channel', 'phone')).toBe(String(asObject(json.volumes.byChannel).phone));
    expect(value('firstResponse', 'medianMinutes')).toBe(String(json.firstResponse.medianMinutes));
    expect(value('backlog.age', '>=30d')).toBe(String(asObject(json.backlog.ageing)['>=30d']));

    const tickets = await get(`/api/v1/reports/tickets.csv?${query}`);
    expect(tickets.status).toBe(200);
    const rowsOut = tickets.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rowsOut[0].split(',')).toEqual(
      expect.arrayContaining(['reference', 'municipality', 'responded_at']),
    );
    expect(rowsOut.length - 1).toBe(json.volumes.total);
    // The factory's reporter and description are nowhere in it.
    for (const personal of ['An Peeters', 'an.peeters@example.be', '0470', 'straatlamp', 'Kerkstraat']) {
      expect(tickets.text.toLowerCase()).not.toContain(personal.toLowerCase());
    }

    // The same tables as XLSX, read back with a spreadsheet reader: numbers stay numbers.
    const workbook = async (path: string) => {
      const res = await get(path).responseType('blob');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return readSheet(res.body as Buffer);
    };
    const sheet = await workbook(`/api/v1/reports/dashboard.xlsx?${query}`);
    expect(sheet[0]).toEqual(['section', 'key', 'value']);
    const cell = (section: string, key: string) => sheet.find((r) => r[0] === section && r[1] === key)?.[2];
    expect(cell('volumes', 'total')).toBe(json.volumes.total);
    expect(cell('volumes.channel', 'phone')).toBe(asObject(json.volumes.byChannel).phone);
    const ticketSheet = await workbook(`/api/v1/reports/tickets.xlsx?${query}`);
    expect(ticketSheet.length - 1).toBe(json.volumes.total);
    expect(ticketSheet[0]).toEqual(rowsOut[0].split(','));
    expect(ticketSheet[1][1]).toBeInstanceOf(Date);
  });
});
