import { createHash, randomBytes } from 'node:crypto';
import { webhookSignature } from '@meldpunt/identity';
import { ticketBody } from '../factories/ticket.factory';
import { routesOf, Route } from '../support/route-walk';
import { startTestApp, TestApp } from '../support/test-app';
import { hostileRequest, Rng } from './hostile-requests';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
// Logout revokes the session the fuzzer uses; it is walked by the role matrix instead.
const SKIPPED = ['POST /api/v1/auth/logout'];

/**
 * Seeded, bounded fuzzing of every route, public and webhook ones included: hostile paths,
 * queries and bodies (NUL, lone surrogates, deep nesting, wrong types, huge and odd values) with
 * and without valid credentials. Asserts what a client must be able to rely on: never a 5xx,
 * the process keeps serving, no half-written ticket, and no personal data of the requests in
 * the logs. Reproduce a failure with FUZZ_SEED=<seed printed below>.
 */
describe(`HTTP surface under hostile input (seed ${SEED})`, () => {
  const lines: string[] = [];
  const tag = randomBytes(4).toString('hex');
  const citizen = {
    name: `Fuzzy Reporter${tag}`,
    email: `fuzzy.${tag}@fuzz.example`,
    phone: '+32 470 55 19 83',
    phoneE164: '+32470551983',
  };
  const reporter = { name: citizen.name, email: citizen.email, phone: citizen.phone, consent: true };
  let t: TestApp;
  let admin: string;
  let webhookSecret: string;
  let citizenToken: string;
  let ticket: { id: string; reference: string };

  beforeAll(async () => {
    // Libraries that bypass our logger (TypeORM's default one did) write to the console: catch that too.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    }
    t = await startTestApp(
      { LOG_LEVEL: 'info', RUN_WORKER: 'true' },
      { logDestination: { write: (line: string) => lines.push(line) } },
    );
    t.app.flushLogs();
    admin = await t.token();
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(ticketBody({ municipalityCode: 'menen', reporter }));
    expect(created.status).toBe(201);
    ticket = created.body;
    const secret = await t
      .http()
      .post('/api/v1/integrations/menen/webhook-secret')
      .set('Authorization', `Bearer ${admin}`);
    webhookSecret = secret.body.secret;
    // A citizen link of our own, stored the way the mails store it (hash only).
    citizenToken = randomBytes(32).toString('base64url');
    await t.sql(
      `INSERT INTO citizen_access_token (token_hash, ticket_id, municipality_code, expires_at)
       VALUES ($1, $2, 'menen', now() + interval '1 day')`,
      [createHash('sha256').update(citizenToken).digest('hex'), ticket.id],
    );
  });
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  it('answers every request below 500, keeps serving, writes nothing half and logs no personal data', async () => {
    const routes = routesOf(t.app).filter((r) => !SKIPPED.includes(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(40);
    const rng = new Rng(SEED);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      // A fuzzed PATCH of users or a GDPR erasure may end the admin's session: log in anew now and then.
      if (i % 250 === 249) admin = await t.token();
      const route: Route = rng.pick(routes);
      const hostile = hostileRequest(rng, route, {
        ids: { id: ticket.id, token: citizenToken, municipalityCode: 'menen', code: 'menen' },
        validBody: ticketBody({ reporter, description: `Lamp ${tag} stuk` }),
        personal: citizen,
      });
      const req = t.http()[hostile.method](hostile.url);
      const auth = rng.int(10);
      if (auth < 7) req.set('Authorization', `Bearer ${admin}`);
      else if (auth === 7) req.set('Authorization', `Bearer ${rng.pick(['x', admin.slice(0, -3) + 'abc'])}`);
      if (route.access && 'webhook' in route.access && rng.int(2) === 0) {
        req.set('X-Signature', webhookSignature(Buffer.from(hostile.body ?? ''), webhookSecret));
      }
      if (hostile.body !== undefined) req.set('Content-Type', hostile.contentType).send(hostile.body);
      const res = await req;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 && failures.length < 20) {
        failures.push(
          `${hostile.method.toUpperCase()} ${hostile.url} -> ${res.status} ${res.text.slice(0, 200)}`,
        );
      }
      if (res.status === 400 && res.body?.errors) {
        // A 400 names the field and the rule (the contract's error body).
        for (const e of res.body.errors as { field?: unknown; rule?: unknown }[]) {
          if (typeof e.field !== 'string' || typeof e.rule !== 'string')
            failures.push(`400 without field/rule: ${res.text}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The fuzzer reached past validation too, not only the front door.
    expect(statuses.get(400)).toBeGreaterThan(REQUESTS / 10);
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);

    expect((await t.http().get('/health')).status).toBe(200);
    const orphans = await t.sql(`
      SELECT t.id FROM ticket t
      WHERE NOT EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'created')
         OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.aggregate_id = t.id AND o.type = 'ticket.created')`);
    expect(orphans).toEqual([]);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const personal of [`Lamp ${tag}`, citizen.name, citizen.email, citizen.phone, citizen.phoneE164]) {
      expect({ personal, found: log.includes(personal) }).toEqual({ personal, found: false });
    }
  }, 300_000);
});
