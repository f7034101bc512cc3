import { ticketBody } from '../factories/ticket.factory';
import { createApiKey } from '../factories/staff.factory';
import { startTestApp, TestApp } from '../support/test-app';

describe('API keys of integrations', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  it('shows the key once, lists keys without secrets, stores only a hash', async () => {
    const created = await t
      .http()
      .post('/api/v1/api-keys')
      .set(admin)
      .send({ name: 'Website Menen', municipalityCode: 'menen' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      prefix: expect.stringMatching(/^mpk_[0-9a-f]{8}$/),
      name: 'Website Menen',
      municipalityCode: 'menen',
      lastUsedAt: null,
      revokedAt: null,
    });
    const key: string = created.body.key;
    expect(key.startsWith(`${created.body.prefix}_`)).toBe(true);
    const list = await t.http().get('/api/v1/api-keys').set(admin);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(key.slice(13));
    expect(list.body.find((k: { id: string }) => k.id === created.body.id)).not.toHaveProperty('key');
    const rows = await t.sql('SELECT * FROM api_key WHERE id = $1', [created.body.id]);
    expect(JSON.stringify(rows)).not.toContain(key.slice(13));
  });

  it('refuses an unknown municipality and non-admins', async () => {
    const unknown = await t
      .http()
      .post('/api/v1/api-keys')
      .set(admin)
      .send({ name: 'X', municipalityCode: 'gent' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('municipalityCode');
    const agent = await t.token({ roles: ['regional_agent'] });
    expect((await t.http().get('/api/v1/api-keys').set('Authorization', `Bearer ${agent}`)).status).toBe(403);
  });

  it('acts as an integration for its one municipality', async () => {
    const { key } = await createApiKey(t, 'menen');
    const asKey = { 'X-Api-Key': key };
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set(asKey)
      .send(ticketBody({ municipalityCode: 'menen' }));
    expect(created.status).toBe(201);
    const foreign = await t
      .http()
      .post('/api/v1/tickets')
      .set(asKey)
      .send(ticketBody({ municipalityCode: 'kortrijk' }));
    expect(foreign.status).toBe(403);
    const kortrijk = await t
      .http()
      .post('/api/v1/tickets')
      .set(admin)
      .send(ticketBody({ municipalityCode: 'kortrijk' }));
    expect((await t.http().get(`/api/v1/tickets/${created.body.id}`).set(asKey)).status).toBe(200);
    expect((await t.http().get(`/api/v1/tickets/${kortrijk.body.id}`).set(asKey)).status).toBe(404);
    const list = await t.http().get('/api/v1/tickets?limit=200').set(asKey);
    expect(list.body.items.map((i: { municipalityCode: string }) => i.municipalityCode)).toEqual(
      list.body.items.map(() => 'menen'),
    );
    // Staff actions stay with staff.
    const message = await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/messages`)
      .set(asKey)
      .send({ visibility: 'internal', body: 'x' });
    expect(message.status).toBe(403);
    expect((await t.http().get('/api/v1/users').set(asKey)).status).toBe(403);
    // The history names the integration.
    const [event] = await t.sql<{ actor: { type: string; name: string } }>(
      `SELECT actor FROM ticket_event WHERE ticket_id = $1 AND type = 'created'`,
      [created.body.id],
    );
    expect(event.actor).toMatchObject({ type: 'integration', name: 'Test integratie' });
  });

  it('records the last use, at most once a minute', async () => {
    const { id, key } = await createApiKey(t, 'wervik');
    await t.http().get('/api/v1/tickets').set('X-Api-Key', key);
    const read = async () =>
      (await t.sql<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_key WHERE id = $1', [id]))[0]
        .last_used_at;
    for (let i = 0; i < 50 && !(await read()); i++) await new Promise((r) => setTimeout(r, 20));
    const first = await read();
    expect(first).toBeInstanceOf(Date);
    await t.http().get('/api/v1/tickets').set('X-Api-Key', key);
    await new Promise((r) => setTimeout(r, 100));
    expect((await read())?.getTime()).toBe(first?.getTime());
  });

  it('refuses a revoked key at once, and forged, malformed or doubled credentials', async () => {
    const { id, key } = await createApiKey(t, 'menen');
    expect((await t.http().get('/api/v1/tickets').set('X-Api-Key', key)).status).toBe(200);
    expect((await t.http().delete(`/api/v1/api-keys/${id}`).set(admin)).status).toBe(204);
    expect((await t.http().get('/api/v1/tickets').set('X-Api-Key', key)).status).toBe(401);
    const listed = (await t.http().get('/api/v1/api-keys').set(admin)).body.find(
      (k: { id: string }) => k.id === id,
    );
    expect(listed.revokedAt).toEqual(expect.any(String));

    const valid = (await createApiKey(t, 'menen')).key;
    const forged = `${valid.slice(0, 13)}${'A'.repeat(43)}`;
    expect((await t.http().get('/api/v1/tickets').set('X-Api-Key', forged)).status).toBe(401);
    expect((await t.http().get('/api/v1/tickets').set('X-Api-Key', 'mpk_nonsense')).status).toBe(401);
    const both = await t.http().get('/api/v1/tickets').set('X-Api-Key', valid).set(admin);
    expect(both.status).toBe(401);
    expect(
      (await t.http().delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000').set(admin)).status,
    ).toBe(404);
    const actions = await t.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE details->>'apiKeyId' = $1 ORDER BY id`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
  });
});
