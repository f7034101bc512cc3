import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { CitizenTicketService } from '@meldpunt/tickets';
import { RequestContext } from '@meldpunt/identity';
import { PersonalDataRetention, PRIVACY_QUEUE, RETENTION_SCHEDULER } from '@meldpunt/privacy';
import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';

/** A reporter nobody else in the database shares. */
function reporter() {
  const tag = randomBytes(4).toString('hex');
  return {
    name: `Griet Vanhoutte${tag}`,
    email: `griet.${tag}@example.be`,
    phone: `+3247${String(parseInt(tag, 16) % 10_000_000).padStart(7, '0')}`,
    address: `Vanhouttestraat${tag} 12`,
  };
}

describe('GDPR: export, erasure and the retention job', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ GDPR_RETENTION_MONTHS: '24' });
    admin = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  async function ticketOf(who: ReturnType<typeof reporter>, municipalityCode: string): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(admin)
      .send(
        ticketBody({
          municipalityCode,
          description: `Losliggende stoeptegel. Bel mij op ${who.phone} of mail ${who.email}. Groeten, ${who.name}`,
          location: { address: who.address, postcode: '8930', lat: 50.796123, lon: 3.121987 },
          reporter: { name: who.name, email: who.email, phone: who.phone, consent: true },
        }),
      );
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const move = (id: string, to: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(admin)
      .send({ to, ...extra });

  /** Every table row (as text) that mentions this value. */
  async function mentions(value: string): Promise<string[]> {
    const tables = await t.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { table_name } of tables) {
      const [{ n }] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM "${table_name}" x WHERE x::text ILIKE $1`,
        [`%${value}%`],
      );
      if (n !== '0') found.push(table_name);
    }
    return found;
  }

  it('exports everything held about an e-mail address or phone number, for admins only', async () => {
    const who = reporter();
    const first = await ticketOf(who, 'menen');
    const second = await ticketOf(who, 'kortrijk');
    await ticketOf(reporter(), 'menen');
    await t
      .http()
      .post(`/api/v1/tickets/${first}/messages`)
      .set(admin)
      .send({ visibility: 'internal', body: 'Melder belde terug' });

    const byEmail = await t
      .http()
      .get(`/api/v1/gdpr/export?email=${encodeURIComponent(who.email.toUpperCase())}`)
      .set(admin);
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({
      subject: { email: who.email },
      generatedAt: expect.any(String),
      related: {},
    });
    expect(byEmail.body.tickets.map((x: { ticket: { id: string } }) => x.ticket.id)).toEqual([first, second]);
    expect(byEmail.body.tickets[0].ticket.reporter).toMatchObject({
      name: who.name,
      email: who.email,
      phone: who.phone,
    });
    expect(byEmail.body.tickets[0].history.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'message_internal',
    ]);

    // Another notation of the same number finds the same tickets.
    const national = `0${who.phone.slice(3, 6)} ${who.phone.slice(6, 8)} ${who.phone.slice(8, 10)} ${who.phone.slice(10)}`;
    const byPhone = await t
      .http()
      .get(`/api/v1/gdpr/export?phone=${encodeURIComponent(national)}`)
      .set(admin);
    expect(byPhone.body.tickets).toHaveLength(2);

    const [entry] = await t.sql<{ ticket_ids: string[]; details: Record<string, unknown> }>(
      `SELECT ticket_ids, details FROM audit_event WHERE action = 'gdpr.export' ORDER BY id LIMIT 1`,
    );
    expect(entry.ticket_ids.sort()).toEqual([first, second].sort());
    expect(JSON.stringify(entry)).not.toContain(who.email);

    const supervisor = await t.token({ roles: ['supervisor'] });
    expect(
      (
        await t
          .http()
          .get(`/api/v1/gdpr/export?email=${who.email}`)
          .set('Authorization', `Bearer ${supervisor}`)
      ).status,
    ).toBe(403);
    expect((await t.http().get('/api/v1/gdpr/export').set(admin)).status).toBe(400);
    expect(
      (await t.http().get(`/api/v1/gdpr/export?email=${who.email}&phone=0470123456`).set(admin)).status,
    ).toBe(400);
    expect((await t.http().get('/api/v1/gdpr/export?phone=123456').set(admin)).status).toBe(400);
  });

  it('erases on request: every ticket of the reporter anonymised, nothing of them left anywhere', async () => {
    const who = reporter();
    const open = await ticketOf(who, 'wevelgem');
    const done = await ticketOf(who, 'wevelgem');
    await move(done, 'in_progress');
    const res = await t.http().post('/api/v1/gdpr/erasure').set(admin).send({ email: who.email });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ anonymised: 2, ticketIds: [open, done] });
    for (const value of [who.email, who.phone, who.name, who.address, who.phone.slice(3)]) {
      expect({ value, tables: await mentions(value) }).toEqual({ value, tables: [] });
    }
    const again = await t.http().get(`/api/v1/gdpr/export?email=${who.email}`).set(admin);
    expect(again.body.tickets).toEqual([]);
    const ticket = (await t.http().get(`/api/v1/tickets/${open}`).set(admin)).body;
    expect(ticket).toMatchObject({ reporter: null, status: 'new', municipalityCode: 'wevelgem' });
    expect(ticket.location).toEqual({ address: null, postcode: '8930', lat: 50.796, lon: 3.122 });
    expect(ticket.description).toBe(
      'Losliggende stoeptegel. Bel mij op [verwijderd] of mail [verwijderd]. Groeten, [verwijderd]',
    );
    // A second erasure finds nothing more to do.
    expect((await t.http().post('/api/v1/gdpr/erasure').set(admin).send({ email: who.email })).body).toEqual({
      anonymised: 0,
      ticketIds: [],
    });
  });

  it('anonymises tickets finished longer ago than the retention period, keeping the statistics', async () => {
    const who = reporter();
    const closed = await ticketOf(who, 'avelgem');
    await move(closed, 'in_progress');
    await t
      .http()
      .post(`/api/v1/tickets/${closed}/messages`)
      .set(admin)
      .send({ visibility: 'public', body: `Dag ${who.name}, we herstellen de tegel.` });
    await move(closed, 'resolved');
    const citizen = new RequestContext({ type: 'citizen', id: null, name: who.name }, [], ['avelgem']);
    await t.app
      .get(CitizenTicketService)
      .giveFeedback(citizen, closed, { score: 4, comment: `Dank! ${who.email}` });
    await move(closed, 'closed');
    const cancelled = await ticketOf(who, 'avelgem');
    await move(cancelled, 'cancelled', { reason: 'duplicate' });
    const recent = await ticketOf(who, 'avelgem');
    await move(recent, 'cancelled', { reason: 'duplicate' });
    const stillOpen = await ticketOf(who, 'avelgem');
    const old = [closed, cancelled, stillOpen];
    // Received 26 months ago and finished 25 months ago (the open one was never finished).
    await t.sql(
      `UPDATE ticket SET created_at = created_at - interval '26 months' WHERE id = ANY($1::uuid[])`,
      [old],
    );
    await t.sql(`UPDATE ticket_event SET at = at - interval '25 months' WHERE ticket_id = ANY($1::uuid[])`, [
      old,
    ]);

    const statistics = async () => ({
      report: (
        await t
          .http()
          .get(
            `/api/v1/reports/sla?from=${encodeURIComponent(new Date(Date.now() - 30 * 31 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}&municipality=avelgem`,
          )
          .set(admin)
      ).body,
      columns: await t.sql(
        `SELECT id, kind, channel, category_code, municipality_code, location_postcode, priority, status,
                cancel_reason, reporter_language, created_at, response_due_at, resolution_due_at, responded_at,
                resolved_at, response_breached, resolution_breached
           FROM ticket WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [[...old, recent]],
      ),
      history: await t.sql(
        `SELECT id, type, at, data->'score' AS score, data->'from' AS "from", data->'to' AS "to"
           FROM ticket_event WHERE ticket_id = ANY($1::uuid[]) ORDER BY id`,
        [[...old, recent]],
      ),
    });
    const before = await statistics();
    expect(before.report.length).toBeGreaterThan(0);

    const retention = t.app.get(PersonalDataRetention);
    expect(await retention.anonymiseExpired()).toBe(2);
    expect(await retention.anonymiseExpired()).toBe(0);

    const after = await statistics();
    expect(after.report).toEqual(before.report);
    expect(after.columns).toEqual(before.columns);
    expect(after.history.filter((e) => e.type !== 'anonymised')).toEqual(before.history);

    const rows = await t.sql<Record<string, unknown>>(
      `SELECT id, reporter_name, reporter_email, reporter_phone, location_address, anonymised_at, description
         FROM ticket WHERE id = ANY($1::uuid[])`,
      [[...old, recent]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [closed, cancelled]) {
      expect(byId.get(id)).toMatchObject({
        reporter_name: null,
        reporter_email: null,
        reporter_phone: null,
        location_address: null,
        anonymised_at: expect.any(Date),
      });
    }
    for (const id of [recent, stillOpen])
      expect(byId.get(id)).toMatchObject({ reporter_email: who.email, anonymised_at: null });

    const history = await t.sql<{ type: string; actor: { type: string; name: string }; data: unknown }>(
      'SELECT type, actor, data FROM ticket_event WHERE ticket_id = $1 ORDER BY id',
      [closed],
    );
    const text = JSON.stringify(history);
    for (const value of [who.email, who.name, who.phone]) expect(text).not.toContain(value);
    expect(history.find((e) => e.type === 'feedback')).toMatchObject({
      actor: { type: 'citizen', name: 'Melder' },
      data: { score: 4, comment: 'Dank! [verwijderd]' },
    });
    expect(history[history.length - 1]).toMatchObject({
      type: 'anonymised',
      actor: { type: 'system', name: 'retention' },
      data: { reason: 'retention' },
    });
    const audited = await t.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE ticket_ids @> ARRAY[$1::uuid] ORDER BY id DESC LIMIT 1`,
      [closed],
    );
    expect(audited[0].action).toBe('ticket.anonymised');
  });
});

describe('GDPR retention schedule', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true' });
  });
  afterAll(() => t.close());

  it('registers one nightly job scheduler in the worker', async () => {
    const queue = new Queue(PRIVACY_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: RETENTION_SCHEDULER, pattern: '15 3 * * *', tz: 'Europe/Brussels' }),
      ]);
    } finally {
      await queue.close();
    }
  });
});
