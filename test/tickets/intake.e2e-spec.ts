import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

describe('Ticket intake (POST /api/v1/tickets)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token();
  });
  afterAll(() => t.close());

  const create = (body: unknown, headers: Record<string, string> = {}) =>
    t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${token}`)
      .set(headers)
      .send(body as object);

  it.each(['phone', 'email', 'web', 'chat', 'counter', 'app', 'open311'])(
    'accepts a ticket from the %s channel',
    async (channel) => {
      const res = await create(ticketBody({ channel }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel,
        status: 'new',
        municipalityCode: 'kortrijk',
        priority: 'P3',
        version: 1,
      });
      expect(res.body.reference).toMatch(/^ZWVL-\d{4}-\d{6}$/);
      expect(res.body.reporter).toMatchObject({
        email: 'an.peeters@example.be',
        phone: '+32470123456',
        consent: true,
      });
      const [row] = await t.sql<{ events: string; outbox: string }>(
        `SELECT (SELECT count(*) FROM ticket_event WHERE ticket_id = $1) AS events,
              (SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'ticket.created') AS outbox`,
        [res.body.id],
      );
      expect(row).toEqual({ events: '1', outbox: '1' });
    },
  );

  it('gives every ticket a unique reference from the sequence', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => create(ticketBody())));
    const references = results.map((r) => r.body.reference);
    expect(new Set(references).size).toBe(20);
    const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Brussels' }).format(
      new Date(),
    );
    for (const ref of references) expect(ref.startsWith(`ZWVL-${year}-`)).toBe(true);
  });

  describe('routing', () => {
    it('takes the explicit municipality code first', async () => {
      const res = await create(ticketBody({ municipalityCode: 'menen', location: { postcode: '8500' } }));
      expect(res.status).toBe(201);
      expect(res.body.municipalityCode).toBe('menen');
    });

    it('routes by postcode of a sub-municipality (8587 -> spiere-helkijn)', async () => {
      const res = await create(ticketBody({ location: { postcode: '8587' } }));
      expect(res.body.municipalityCode).toBe('spiere-helkijn');
    });

    it('routes by coordinates (Waregem market square)', async () => {
      const res = await create(ticketBody({ location: { lat: 50.8876, lon: 3.4272 } }));
      expect(res.status).toBe(201);
      expect(res.body.municipalityCode).toBe('waregem');
    });

    it('routes by a place name or postcode in the address, as the console does', async () => {
      const heule = await create(ticketBody({ location: { address: 'Kerkstraat 3, Heule' } }));
      expect(heule.status).toBe(201);
      expect(heule.body.municipalityCode).toBe('kortrijk');
      const kuurne = await create(ticketBody({ location: { address: 'Kortrijksestraat 5, Kuurne' } }));
      expect(kuurne.body.municipalityCode).toBe('kuurne');
      const french = await create(ticketBody({ location: { address: 'Rue de la Gare 2, Menin' } }));
      expect(french.body.municipalityCode).toBe('menen');
      const digits = await create(ticketBody({ location: { address: 'Stationsstraat 1, 8790' } }));
      expect(digits.body.municipalityCode).toBe('waregem');
      const nowhere = await create(ticketBody({ location: { address: 'Kerkstraat 3, Gent' } }));
      expect(nowhere.status).toBe(422);
      expect(nowhere.body.message).toMatch(/names no place of the region/);
    });

    it('answers 422 naming the field when no municipality fits', async () => {
      const outside = await create(ticketBody({ location: { postcode: '1000' } }));
      expect(outside.status).toBe(422);
      expect(outside.body.errors[0]).toMatchObject({ field: 'location.postcode', rule: 'isRoutable' });
      const nothing = await create(ticketBody({ location: undefined }));
      expect(nothing.status).toBe(422);
      expect(nothing.body.message).toMatch(/no municipality can be determined/);
      const far = await create(ticketBody({ location: { lat: 51.05, lon: 3.72 } }));
      expect(far.status).toBe(422);
      const unknown = await create(ticketBody({ municipalityCode: 'gent' }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].field).toBe('municipalityCode');
    });
  });

  describe('priority', () => {
    it('takes the category default, raises urgent reports, and keeps an agent P1', async () => {
      expect((await create(ticketBody({ categoryCode: 'sewers-flooding' }))).body.priority).toBe('P2');
      expect((await create(ticketBody({ urgent: true }))).body.priority).toBe('P2');
      expect((await create(ticketBody({ priority: 'P1' }))).body.priority).toBe('P1');
    });
  });

  describe('validation', () => {
    it('names every failing field and rule', async () => {
      const res = await create({
        kind: 'wish',
        channel: 'pigeon',
        categoryCode: 'public-lighting',
        description: 'x'.repeat(10001),
        location: { postcode: '85', lat: 200 },
        reporter: { email: 'not-an-email', phone: '12', language: 'de', consent: 'yes' },
        extra: true,
      });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
      expect(fields).toEqual(
        expect.arrayContaining([
          'kind:isIn',
          'channel:isIn',
          'description:maxLength',
          'location.postcode:matches',
          'location.lat:isLatitude',
          'reporter.email:isEmail',
          'reporter.phone:isPhoneNumber',
          'reporter.language:isIn',
          'reporter.consent:isBoolean',
          'extra:whitelistValidation',
        ]),
      );
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('refuses a kind the category does not allow, and an unknown category', async () => {
      const kind = await create(ticketBody({ kind: 'complaint', categoryCode: 'public-lighting' }));
      expect(kind.status).toBe(400);
      expect(kind.body.errors[0]).toMatchObject({ field: 'kind', rule: 'isAllowedForCategory' });
      const category = await create(ticketBody({ categoryCode: 'unicorns' }));
      expect(category.status).toBe(400);
      expect(category.body.errors[0]).toMatchObject({ field: 'categoryCode', rule: 'isKnownCategory' });
    });

    it('accepts Belgian landlines and foreign numbers and stores them as E.164', async () => {
      const be = await create(ticketBody({ reporter: { phone: '056 27 72 00' } }));
      expect(be.body.reporter.phone).toBe('+3256277200');
      const fr = await create(ticketBody({ reporter: { phone: '+33 3 20 12 34 56' } }));
      expect(fr.body.reporter.phone).toBe('+33320123456');
    });

    it('answers malformed JSON with 400 and a body over 1 MB with 413', async () => {
      const bad = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send('{"kind":');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('body');
      const big = await create(ticketBody({ description: 'x'.repeat(1_100_000) }));
      expect(big.status).toBe(413);
    });

    it('does not write anything for a refused request', async () => {
      const [before] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM ticket');
      await create(ticketBody({ kind: 'nope' }));
      await create(ticketBody({ location: { postcode: '9000' } }));
      const [after] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM ticket');
      expect(after.n).toBe(before.n);
    });

    it('derives a subject from the description when none is given', async () => {
      const res = await create(ticketBody({ description: `Eerste regel van de melding\nTweede regel` }));
      expect(res.body.subject).toBe('Eerste regel van de melding');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the same ticket for the same key and body, and creates nothing', async () => {
      const body = ticketBody({ description: 'Dubbelklik van een agent' });
      const first = await create(body, { 'Idempotency-Key': 'call-4711' });
      const second = await create({ ...body }, { 'Idempotency-Key': 'call-4711' });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      const [{ n }] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM ticket WHERE description = 'Dubbelklik van een agent'`,
      );
      expect(n).toBe('1');
    });

    it('answers 409 for the same key with another body', async () => {
      await create(ticketBody({ description: 'Eerste' }), { 'Idempotency-Key': 'key-reuse' });
      const res = await create(ticketBody({ description: 'Andere inhoud' }), {
        'Idempotency-Key': 'key-reuse',
      });
      expect(res.status).toBe(409);
    });

    it('creates one ticket when ten requests with one key race', async () => {
      const body = ticketBody({ description: 'Race met dezelfde sleutel' });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => create(body, { 'Idempotency-Key': 'race-1' })),
      );
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [{ n }] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM ticket WHERE description = 'Race met dezelfde sleutel'`,
      );
      expect(n).toBe('1');
    });
  });
});
