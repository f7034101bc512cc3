import { webhookSignature } from '@meldpunt/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Signed webhooks of back-office tools', () => {
  let t: TestApp;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t
      .http()
      .post('/api/v1/integrations/menen/webhook-secret')
      .set('Authorization', `Bearer ${await t.token()}`);
    expect(created.status).toBe(201);
    secret = created.body.secret;
  });
  afterAll(() => t.close());

  const post = (municipality: string, body: string, signature?: string) => {
    const req = t
      .http()
      .post(`/api/v1/integrations/${municipality}/webhook`)
      .set('Content-Type', 'application/json');
    if (signature !== undefined) req.set('X-Signature', signature);
    return req.send(body);
  };

  it('accepts a call signed over its raw bytes and stores it (no back-office connected: nothing to apply)', async () => {
    const body = '{ "ticket": "TD-2027-001", "status": "closed" }';
    const res = await post('menen', body, webhookSignature(Buffer.from(body), secret));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      id: expect.any(String),
      receivedAt: expect.any(String),
      processed: true,
      outcome: 'ignored',
    });
    const [row] = await t.sql<{ municipality_code: string; payload: unknown; processed_at: Date | null }>(
      'SELECT municipality_code, payload, processed_at FROM webhook_delivery WHERE id = $1',
      [res.body.id],
    );
    expect(row).toEqual({
      municipality_code: 'menen',
      payload: { ticket: 'TD-2027-001', status: 'closed' },
      processed_at: expect.any(Date),
    });
  });

  it('refuses forged, missing and replayed-elsewhere signatures without storing anything', async () => {
    const body = '{"ticket":"TD-2027-002","status":"closed"}';
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM webhook_delivery');
    const forged = await post('menen', body, webhookSignature(Buffer.from(body), 'whsec_guessed'));
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect((await post('menen', body)).status).toBe(401);
    const tampered = webhookSignature(Buffer.from(body), secret);
    expect((await post('menen', body.replace('closed', 'open'), tampered)).status).toBe(401);
    // Valid for Menen, sent to a municipality without (or with another) secret.
    expect((await post('wervik', body, tampered)).status).toBe(401);
    expect((await post('nergens', body, tampered)).status).toBe(401);
    const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM webhook_delivery');
    expect(after[0].n).toBe(before[0].n);
  });

  it('stops accepting the old secret once it is rotated; only admins rotate', async () => {
    const body = '{"x":1}';
    const old = webhookSignature(Buffer.from(body), secret);
    const rotated = await t
      .http()
      .post('/api/v1/integrations/menen/webhook-secret')
      .set('Authorization', `Bearer ${await t.token()}`);
    expect((await post('menen', body, old)).status).toBe(401);
    expect((await post('menen', body, webhookSignature(Buffer.from(body), rotated.body.secret))).status).toBe(
      202,
    );
    secret = rotated.body.secret;
    const agent = await t.token({ roles: ['supervisor'] });
    const refused = await t
      .http()
      .post('/api/v1/integrations/menen/webhook-secret')
      .set('Authorization', `Bearer ${agent}`);
    expect(refused.status).toBe(403);
  });
});
