import { createApiKey } from '../factories/staff.factory';
import { Format, Open311Client } from '../support/open311-client';
import { SmtpCatcher } from '../support/smtp-catcher';
import { TestApp } from '../support/test-app';
import { reporterEmail, startMailTestApp } from '../notifications/notification-test-kit';

describe('Open311 GeoReport v2 at /open311/v2', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let endpoint: string;
  let menenKey: string;
  let kortrijkKey: string;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url);
    await t.app.listen(0, '127.0.0.1');
    endpoint = `${(await t.app.getUrl()).replace('[::1]', '127.0.0.1')}/open311/v2`;
    menenKey = (await createApiKey(t, 'menen', 'Website Menen')).key;
    kortrijkKey = (await createApiKey(t, 'kortrijk', 'Website Kortrijk')).key;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  describe.each<Format>(['json', 'xml'])('in %s', (format) => {
    it('lists the categories as services and defines their attributes', async () => {
      const client = new Open311Client(endpoint, format);
      const services = await client.services({ locale: 'fr' });
      expect(services.status).toBe(200);
      expect(services.contentType).toContain(format === 'xml' ? 'application/xml' : 'application/json');
      const categories = await t.sql<{ code: string; name: { fr: string } }>(
        'SELECT code, name FROM category WHERE active ORDER BY sort_order, code',
      );
      expect(services.body.map((s) => s.service_code).sort()).toEqual(categories.map((c) => c.code).sort());
      const lighting = services.body.find((s) => s.service_code === 'public-lighting')!;
      expect(lighting.service_name).toBe('Éclairage public');
      expect(String(lighting.metadata)).toBe('true');
      expect(lighting.type).toBe('realtime');

      const definition = await client.serviceDefinition('public-lighting');
      expect(definition.status).toBe(200);
      expect(definition.body.service_code).toBe('public-lighting');
      const attributes = (definition.body.attributes as { attribute?: unknown[] } | unknown[]) ?? [];
      const list = Array.isArray(attributes) ? attributes : (attributes.attribute ?? []);
      expect(list).toEqual([
        expect.objectContaining({
          code: 'urgent',
          datatype: 'singlevaluelist',
          description: expect.any(String),
        }),
      ]);
      const unknown = await client.serviceDefinition('no-such-service');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual([
        { code: format === 'xml' ? '404' : 404, description: expect.any(String) },
      ]);
    });

    it('creates a ticket from a form-encoded request with an API key, then serves it back', async () => {
      const email = reporterEmail();
      const client = new Open311Client(endpoint, format, menenKey);
      const created = await client.postRequest(
        {
          service_code: 'public-lighting',
          address_string: 'Kerkstraat 3, Menen',
          description: `Straatlamp brandt niet meer (${format})`,
          email,
          first_name: 'An',
          last_name: 'Peeters',
          locale: 'nl_BE',
        },
        { urgent: 'false' },
      );
      expect(created.status).toBe(201);
      const [answer] = created.body;
      expect(answer.service_request_id).toMatch(/^ZWVL-\d{4}-\d{6}$/);
      expect(answer.service_notice).toContain(answer.service_request_id as string);

      const [row] = await t.sql<Record<string, unknown>>(
        'SELECT channel, category_code, municipality_code, reporter_email, reporter_name, reporter_consent, reporter_language, location_address, kind FROM ticket WHERE reference = $1',
        [answer.service_request_id],
      );
      expect(row).toEqual({
        channel: 'open311',
        category_code: 'public-lighting',
        municipality_code: 'menen',
        reporter_email: email,
        reporter_name: 'An Peeters',
        reporter_consent: true,
        reporter_language: 'nl',
        location_address: 'Kerkstraat 3, Menen',
        kind: 'report',
      });
      // The e-mail given through the website gets the acknowledgement, once.
      const [mail] = await smtp.waitFor(email);
      expect(mail.text).toContain(answer.service_request_id);

      // Read back: the key of its municipality sees what the citizen wrote; anyone else does not.
      const mine = await client.request(answer.service_request_id as string);
      expect(mine.status).toBe(200);
      expect(mine.body[0]).toMatchObject({
        service_request_id: answer.service_request_id,
        status: 'open',
        service_code: 'public-lighting',
        description: `Straatlamp brandt niet meer (${format})`,
        address: 'Kerkstraat 3, Menen',
        agency_responsible: 'Menen',
      });
      const anonymous = await new Open311Client(endpoint, format).request(
        answer.service_request_id as string,
      );
      expect(anonymous.status).toBe(200);
      expect(anonymous.body[0]).toMatchObject({
        service_request_id: answer.service_request_id,
        status: 'open',
      });
      expect(anonymous.raw).not.toContain('Straatlamp');
      expect(anonymous.raw).not.toContain('Kerkstraat');
      expect(anonymous.raw).not.toContain(email);
      const other = await new Open311Client(endpoint, format).request(answer.service_request_id as string, {
        api_key: kortrijkKey,
      });
      expect(other.raw).not.toContain('Straatlamp');

      // The ticket's id works as the token of the spec's asynchronous flow.
      const [{ id }] = await t.sql<{ id: string }>('SELECT id FROM ticket WHERE reference = $1', [
        answer.service_request_id,
      ]);
      const token = await client.token(id);
      expect(token.body).toEqual([{ token: id, service_request_id: answer.service_request_id }]);
    });

    it('answers bad requests with GeoReport errors naming the parameter, and a bad key with 403', async () => {
      const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM ticket');
      const client = new Open311Client(endpoint, format, menenKey);
      const valid = { service_code: 'public-lighting', address_string: 'Markt 1', description: 'x' };
      const cases: [Record<string, string>, Record<string, string>, string | RegExp][] = [
        [{ service_code: 'public-lighting', description: 'x' }, {}, 'lat'],
        [
          { service_code: 'public-lighting', lat: 'north', long: '3.1', description: 'x' },
          {},
          /lat: lat must be a decimal number/,
        ],
        [{ ...valid, service_code: 'parking-fines' }, {}, 'service_code'],
        [{ ...valid, email: 'not-an-address' }, {}, 'email'],
        [valid, { urgent: 'perhaps' }, 'attribute[urgent]'],
      ];
      for (const [params, attributes, named] of cases) {
        const answer = await client.postRequest(params, attributes);
        expect({ params, status: answer.status }).toEqual({ params, status: 400 });
        if (typeof named === 'string') expect(JSON.stringify(answer.body)).toContain(named);
        else expect(JSON.stringify(answer.body)).toMatch(named);
      }

      const wrongKey = await new Open311Client(
        endpoint,
        format,
        'mpk_00000000_' + 'A'.repeat(43),
      ).postRequest(valid);
      expect(wrongKey.status).toBe(403);
      expect(wrongKey.body).toEqual([
        { code: format === 'xml' ? '403' : 403, description: expect.any(String) },
      ]);
      expect((await new Open311Client(endpoint, format).postRequest(valid)).status).toBe(403);
      const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM ticket');
      expect(after[0].n).toBe(before[0].n);
    });
  });

  it('routes by coordinates, refuses a point outside the key municipality, and marks urgent reports', async () => {
    const client = new Open311Client(endpoint, 'json', kortrijkKey);
    const created = await client.postRequest(
      { service_code: 'roads-pavements', lat: '50.8279', long: '3.2649', description: 'Diep gat in de weg' },
      { urgent: 'true' },
    );
    expect(created.status).toBe(201);
    const [row] = await t.sql<{ municipality_code: string; location_lat: number; priority: string }>(
      'SELECT municipality_code, location_lat, priority FROM ticket WHERE reference = $1',
      [created.body[0].service_request_id],
    );
    expect(row.municipality_code).toBe('kortrijk');
    expect(Number(row.location_lat)).toBeCloseTo(50.8279, 4);
    const normal = await client.postRequest({
      service_code: 'roads-pavements',
      lat: '50.8279',
      long: '3.2649',
      description: 'Nog een gat',
    });
    const [normalRow] = await t.sql<{ priority: string }>(
      'SELECT priority FROM ticket WHERE reference = $1',
      [normal.body[0].service_request_id],
    );
    expect(row.priority < normalRow.priority).toBe(true); // urgent raises the priority one step
    // Anonymous readers get coordinates rounded to about 100 m.
    const anonymous = await new Open311Client(endpoint, 'json').request(
      created.body[0].service_request_id as string,
    );
    expect(anonymous.body[0].lat).toBe(50.828);
    expect(anonymous.body[0].long).toBe(3.265);

    // A place name in address_string routes as on our API: Heule is Kortrijk, not Menen's default.
    const heule = await client.postRequest({
      service_code: 'roads-pavements',
      address_string: 'Kerkstraat 3, Heule',
      description: 'Losliggende tegel',
    });
    const [heuleRow] = await t.sql<{ municipality_code: string }>(
      'SELECT municipality_code FROM ticket WHERE reference = $1',
      [heule.body[0].service_request_id],
    );
    expect(heuleRow.municipality_code).toBe('kortrijk');
    const heuleViaMenen = await new Open311Client(endpoint, 'json', menenKey).postRequest({
      service_code: 'roads-pavements',
      address_string: 'Kerkstraat 3, Heule',
      description: 'Losliggende tegel',
    });
    expect(heuleViaMenen.status).toBe(403);

    const foreign = await new Open311Client(endpoint, 'json', menenKey).postRequest({
      service_code: 'roads-pavements',
      lat: '50.8279',
      long: '3.2649',
      description: 'Gat in Kortrijk, gemeld via Menen',
    });
    expect(foreign.status).toBe(403);
  });

  it('filters GET requests by id list, service, status and dates, within 90 days', async () => {
    const client = new Open311Client(endpoint, 'json', menenKey);
    const refs: string[] = [];
    for (const service of ['green-maintenance', 'green-maintenance', 'litter-dumping']) {
      const res = await client.postRequest({
        service_code: service,
        address_string: 'Lisblomme 1',
        description: 'Filtertest',
      });
      expect(res.status).toBe(201);
      refs.push(res.body[0].service_request_id as string);
    }
    await t.sql("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE reference = $1", [refs[1]]);
    const anonymous = new Open311Client(endpoint, 'json');
    const byIds = await anonymous.requests({ service_request_id: refs.join(',') });
    expect(byIds.body.map((r) => r.service_request_id).sort()).toEqual([...refs].sort());
    const green = await anonymous.requests({ service_code: 'green-maintenance', jurisdiction_id: 'menen' });
    expect(green.body.map((r) => r.service_request_id).sort()).toEqual([refs[0], refs[1]].sort());
    const openGreen = await anonymous.requests({ service_code: 'green-maintenance', status: 'open' });
    expect(openGreen.body.map((r) => r.service_request_id)).toEqual([refs[0]]);
    const closedGreen = await anonymous.requests({ service_code: 'green-maintenance', status: 'closed' });
    expect(closedGreen.body).toEqual([
      expect.objectContaining({ service_request_id: refs[1], status: 'closed' }),
    ]);
    const past = await anonymous.requests({
      start_date: '2020-01-01T00:00:00Z',
      end_date: '2020-02-01T00:00:00Z',
    });
    expect(past.body).toEqual([]);
    const tooLong = await anonymous.requests({
      start_date: '2020-01-01T00:00:00Z',
      end_date: '2020-12-01T00:00:00Z',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body[0].description).toContain('end_date');
    const badStatus = await anonymous.requests({ status: 'pending' });
    expect(badStatus.status).toBe(400);
    const badJurisdiction = await anonymous.requests({ jurisdiction_id: 'gent' });
    expect(badJurisdiction.status).toBe(400);
    const wrongKey = await anonymous.requests({ api_key: 'nonsense' });
    expect(wrongKey.status).toBe(403);
  });

  it('makes one ticket of a retried request with the same Idempotency-Key', async () => {
    const client = new Open311Client(endpoint, 'json', menenKey);
    const params = {
      service_code: 'litter-dumping',
      address_string: 'Rijselstraat 10',
      description: 'Sluikstort',
    };
    const key = { 'Idempotency-Key': `website-menen-${Date.now()}` };
    const first = await client.postRequest(params, {}, key);
    const retry = await client.postRequest(params, {}, key);
    expect(first.status).toBe(201);
    expect(retry.body[0].service_request_id).toBe(first.body[0].service_request_id);
    const other = await client.postRequest({ ...params, description: 'Iets anders' }, {}, key);
    expect(other.status).toBe(409);
    const badKey = await client.postRequest(params, {}, { 'Idempotency-Key': 'met spaties' });
    expect(badKey.status).toBe(400);
    expect(badKey.body[0].description).toContain('Idempotency-Key');
  });

  it('serves the discovery document and 404s an unknown format or request', async () => {
    const discovery = await fetch(`${endpoint}/discovery.json`);
    expect(discovery.status).toBe(200);
    const document = (await discovery.json()) as { endpoints: { specification: string }[] };
    expect(document.endpoints[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect((await fetch(`${endpoint}/services.yaml`)).status).toBe(404);
    const missing = await new Open311Client(endpoint, 'xml').request('ZWVL-1999-000001');
    expect(missing.status).toBe(404);
    expect(missing.raw.startsWith('<?xml')).toBe(true);
  });
});
