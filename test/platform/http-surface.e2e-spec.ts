import { routesOf } from '../support/route-walk';
import { startTestApp, TestApp } from '../support/test-app';

describe('HTTP surface', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const routes = () => routesOf(t.app);

  it('declares who may call every route (@Public or @Roles)', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses every non-public route without a token', async () => {
    // /metrics answers a local, unproxied scrape without a token by design: test/platform/hardening covers it.
    const guarded = routes().filter(
      (r) => !('public' in (r.access as object)) && !('scrape' in (r.access as object)),
    );
    for (const route of guarded) {
      const path = route.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http()[route.method.toLowerCase() as 'get'](path).send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('answers /health with database and redis up', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const json = await t.http().get('/api/docs-json');
    expect(json.status).toBe(200);
    for (const path of [
      '/api/v1/tickets',
      '/api/v1/tickets/{id}/transitions',
      '/api/v1/tickets/{id}/messages',
      '/api/v1/tickets/{id}/history',
      '/api/v1/auth/login',
      '/api/v1/municipalities',
      '/api/v1/categories',
      '/api/v1/users',
    ]) {
      expect(Object.keys(json.body.paths)).toContain(path);
    }
    expect(json.body.components.schemas.CreateTicketDto.required).toEqual(
      expect.arrayContaining(['kind', 'channel', 'categoryCode', 'description']),
    );
    const ui = await t.http().get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves Prometheus metrics and request ids', async () => {
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    const withId = await t.http().get('/api/v1/categories').set('X-Request-Id', 'abc-123');
    expect(withId.headers['x-request-id']).toBe('abc-123');
    expect((await t.http().get('/api/v1/categories')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the thirteen municipalities and the category taxonomy in three languages', async () => {
    const municipalities = await t.http().get('/api/v1/municipalities');
    expect(municipalities.body).toHaveLength(13);
    const spiere = municipalities.body.find((m: { code: string }) => m.code === 'spiere-helkijn');
    expect(spiere).toMatchObject({
      postcodes: ['8587'],
      languages: ['nl', 'fr'],
      timezone: 'Europe/Brussels',
      backOffice: { type: expect.any(String) },
    });
    expect(
      new Set(municipalities.body.map((m: { backOffice: { type: string } }) => m.backOffice.type)),
    ).toEqual(new Set(['topdesk', 'ultimo', '3p']));
    const categories = await t.http().get('/api/v1/categories');
    expect(categories.body).toHaveLength(12);
    for (const c of categories.body) expect(Object.keys(c.name).sort()).toEqual(['en', 'fr', 'nl']);
  });

  it('locks an account after five wrong passwords', async () => {
    const token = await t.token({ roles: ['regional_agent'] });
    const users = await t
      .http()
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${await t.token()}`);
    const agent = users.body.find((u: { email: string }) => u.email.startsWith('u'));
    expect(token).toBeTruthy();
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.http().post('/api/v1/auth/login').send({ email: agent.email, password: 'wrong-password-1' }))
          .status,
      ).toBe(401);
    }
    const locked = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: agent.email, password: 'correct-horse-battery-1' });
    expect(locked.status).toBe(401);
  });
});
