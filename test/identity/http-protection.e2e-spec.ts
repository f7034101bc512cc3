import Redis from 'ioredis';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';

async function redisKeys(pattern: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return await redis.keys(pattern);
  } finally {
    redis.disconnect();
  }
}

describe('Rate limits, CORS, security headers and request size', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_RATE_LIMIT: '3',
      PUBLIC_RATE_LIMIT: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      CORS_ORIGINS: 'https://console.meldpunt.example,https://www.menen.be',
    });
  });
  afterAll(() => t.close());

  it('limits login attempts per address and account with 429, Retry-After and the error body', async () => {
    const attempt = (email: string) =>
      t.http().post('/api/v1/auth/login').send({ email, password: 'wrong-password-1' });
    for (let i = 0; i < 3; i++) expect((await attempt('target@test.meldpunt.local')).status).toBe(401);
    const limited = await attempt('target@test.meldpunt.local');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.any(String),
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same address is still let through (up to the wider per-address limit).
    expect((await attempt('other@test.meldpunt.local')).status).toBe(401);
    // The counters live in Redis under the installation's prefix, without the e-mail address.
    const keys = await redisKeys(`${t.redisPrefix}:identity:rate:login:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain('target@');
  });

  it('limits the citizens endpoints per address, whether the link exists or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await t.http().get(`/api/v1/public/tickets/unknown-token-${i}`)).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const page = await t.http().get('/status/unknown-token');
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    // Staff endpoints are not counted in that bucket.
    expect((await t.http().get('/api/v1/municipalities')).status).toBe(200);
  });

  it('allows cross-origin calls from configured origins only', async () => {
    const preflight = (origin: string) =>
      t
        .http()
        .options('/api/v1/tickets')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
    const allowed = await preflight('https://console.meldpunt.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.meldpunt.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http().get('/api/v1/municipalities').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers and refuses bodies over 1 MB', async () => {
    const res = await t.http().get('/api/v1/municipalities');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const big = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${await t.token()}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(big.body.statusCode).toBe(413);
  });
});

describe('CORS without configured origins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('allows no cross-origin call at all', async () => {
    const res = await t
      .http()
      .options('/api/v1/tickets')
      .set('Origin', 'https://console.meldpunt.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('has no OpenID Connect login unless configured', async () => {
    expect((await t.http().get('/api/v1/auth/oidc/login')).status).toBe(404);
    expect((await t.http().get('/api/v1/auth/oidc/callback?code=a&state=b')).status).toBe(404);
  });
});
