import { createHmac, randomBytes } from 'node:crypto';
import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = randomBytes(24).toString('hex');

/** An HS256 JWT, signed as an attacker who knows the secret (or a buggy issuer) would. */
function signed(claims: Record<string, unknown>, secret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The repros of the hardening issue: each answered 500 (or was let through) before. */
describe('Hardened edges: text PostgreSQL cannot store, deep bodies, metrics, proxies, tokens', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN, LOGIN_RATE_LIMIT: '3' });
    admin = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  const fieldOf = (res: { status: number; body: { errors?: { field: string; rule: string }[] } }) => ({
    status: res.status,
    errors: res.body.errors?.map((e) => `${e.field}:${e.rule}`),
  });

  it('refuses NUL in path, query and body with a 400 naming the field', async () => {
    expect(fieldOf(await t.http().get('/api/v1/tickets/%00').set(admin))).toEqual({
      status: 400,
      errors: ['path:noNullCharacter'],
    });
    expect(fieldOf(await t.http().get('/api/v1/tickets?q=%00').set(admin))).toEqual({
      status: 400,
      errors: ['q:noNullCharacter'],
    });
    const body = ticketBody({ description: 'x\u0000y', reporter: { name: 'A\u0000', consent: false } });
    expect(fieldOf(await t.http().post('/api/v1/tickets').set(admin).send(body))).toEqual({
      status: 400,
      errors: ['description:noNullCharacter'],
    });
    expect(fieldOf(await t.http().get('/api/v1/tickets/%ED%A0%80').set(admin))).toEqual({
      status: 400,
      errors: ['path:isUrlEncoded'],
    });
  });

  it('refuses lone surrogates in logins, reporters and messages', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"a\\ud800@example.be","password":"x"}');
    expect(fieldOf(login)).toEqual({ status: 400, errors: ['email:isWellFormedUnicode'] });
    const created = await t.http().post('/api/v1/tickets').set(admin).send(ticketBody());
    expect(created.status).toBe(201);
    const message = await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/messages`)
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"visibility":"internal","body":"ok \\udc00 then"}');
    expect(fieldOf(message)).toEqual({ status: 400, errors: ['body:isWellFormedUnicode'] });
    // A valid pair (an emoji) is text like any other.
    const emoji = await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/messages`)
      .set(admin)
      .send({ visibility: 'internal', body: 'Opgelost 👍' });
    expect(emoji.status).toBe(201);
    const tickets = await t.sql(`SELECT count(*)::int AS n FROM ticket`);
    expect(tickets[0].n).toBe(1);
  });

  it('refuses a body nested deeper than 32 levels before validation (5,000 levels used to overflow the stack)', async () => {
    const deep = `${'{"location":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ rule: 'maxDepth' });
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('serves /metrics only with the metrics token', async () => {
    expect((await t.http().get('/metrics')).status).toBe(401);
    expect((await t.http().get('/metrics').set(admin)).status).toBe(401);
    const scraped = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('# TYPE');
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    const attempt = (i: number) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: 'rotating@test.meldpunt.local', password: 'wrong-password-1' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(i)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('refuses an access token without exp, even when signed with the secret', async () => {
    const me = (token: string) => t.http().get('/api/v1/tickets').set('Authorization', `Bearer ${token}`);
    const valid = admin.Authorization.slice('Bearer '.length);
    expect((await me(valid)).status).toBe(200);
    const claims = JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const { exp, ...withoutExp } = claims;
    expect(typeof exp).toBe('number');
    // Sanity check of the signer: the same claims with their exp are accepted.
    expect((await me(signed(claims, t.config.jwtSecret!))).status).toBe(200);
    expect((await me(signed(withoutExp, t.config.jwtSecret!))).status).toBe(401);
    const tenYears = { ...claims, exp: Number(claims.iat) + 10 * 365 * 86_400 };
    expect((await me(signed(tenYears, t.config.jwtSecret!))).status).toBe(401);
  });
});

describe('Behind a configured proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: 'loopback', LOGIN_RATE_LIMIT: '2' });
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For, and /metrics is closed to proxied requests without a token', async () => {
    const attempt = (ip: string) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'proxied@test.meldpunt.local', password: 'wrong-password-1' });
    expect([(await attempt('203.0.113.1')).status, (await attempt('203.0.113.1')).status]).toEqual([
      401, 401,
    ]);
    expect((await attempt('203.0.113.1')).status).toBe(429);
    // The limit is per client address and account: another client behind the proxy is not blocked.
    expect((await attempt('203.0.113.2')).status).toBe(401);
    expect((await t.http().get('/metrics')).status).toBe(200);
    expect((await t.http().get('/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(401);
  });
});
