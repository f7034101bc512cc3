import { ticketBody } from '../factories/ticket.factory';
import { createApiKey, createStaff, logIn } from '../factories/staff.factory';
import { startTestApp, TestApp } from '../support/test-app';

interface AuditItem {
  id: string;
  at: string;
  actor: { type: string; id: string | null; name: string };
  action: string;
  ticketIds: string[];
  municipalityCodes: string[];
  details: Record<string, unknown>;
  requestId: string | null;
}

describe('Audit log', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  const audit = async (query: string): Promise<AuditItem[]> => {
    const res = await t.http().get(`/api/v1/audit?${query}`).set(admin);
    expect(res.status).toBe(200);
    return res.body.items as AuditItem[];
  };

  it('records who read and who changed a ticket, and when', async () => {
    const agent = await createStaff(t, {
      roles: ['municipal_agent'],
      municipalities: ['menen'],
      name: 'Els Agent',
    });
    const token = (await logIn(t, agent)).accessToken;
    const asAgent = { Authorization: `Bearer ${token}` };
    const ticket = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(asAgent)
        .send(ticketBody({ municipalityCode: 'menen' }))
    ).body;
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(asAgent).set('X-Request-Id', 'req-read-1');
    await t.http().get(`/api/v1/tickets/${ticket.reference}/history`).set(asAgent);
    await t.http().get('/api/v1/tickets?municipality=menen&q=straatlamp').set(asAgent);
    await t.http().post(`/api/v1/tickets/${ticket.id}/transitions`).set(asAgent).send({ to: 'in_progress' });
    const { key } = await createApiKey(t, 'menen', 'Website Menen');
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set('X-Api-Key', key);

    const items = await audit(`ticketId=${ticket.id}`);
    expect(items.map((i) => [i.action, i.actor.type]).reverse()).toEqual([
      ['ticket.created', 'user'],
      ['ticket.read', 'user'],
      ['ticket.history', 'user'],
      ['ticket.list', 'user'],
      ['ticket.status_changed', 'user'],
      ['ticket.read', 'integration'],
    ]);
    const read = items.find((i) => i.action === 'ticket.read' && i.actor.type === 'user')!;
    expect(read).toMatchObject({
      actor: { type: 'user', id: agent.id, name: 'Els Agent' },
      ticketIds: [ticket.id],
      municipalityCodes: ['menen'],
      requestId: 'req-read-1',
    });
    const list = items.find((i) => i.action === 'ticket.list')!;
    // The filters used are recorded, not the search text (it may be a name).
    expect(list.details).toEqual({ filters: ['municipality', 'q'] });
    expect(JSON.stringify(items)).not.toContain('straatlamp');
    expect(items[0].actor).toMatchObject({ type: 'integration', name: 'Website Menen' });
    expect(JSON.stringify(items)).not.toContain('an.peeters@example.be');
  });

  it('filters by actor, action and period, pages with a cursor, and is for admins only', async () => {
    const agent = await createStaff(t, { roles: ['regional_agent'] });
    const token = (await logIn(t, agent)).accessToken;
    const ticket = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(admin)
        .send(ticketBody({ municipalityCode: 'wervik' }))
    ).body;
    for (let i = 0; i < 5; i++) {
      await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${token}`);
    }
    const reads = await audit(`actorId=${agent.id}&action=ticket.read`);
    expect(reads).toHaveLength(5);
    const first = await t
      .http()
      .get(`/api/v1/audit?actorId=${agent.id}&action=ticket.read&limit=3`)
      .set(admin);
    const second = await t
      .http()
      .get(`/api/v1/audit?actorId=${agent.id}&action=ticket.read&limit=3&cursor=${first.body.nextCursor}`)
      .set(admin);
    expect([...first.body.items, ...second.body.items].map((i: AuditItem) => i.id)).toEqual(
      reads.map((i) => i.id),
    );
    expect(second.body.nextCursor).toBeNull();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await audit(`actorId=${agent.id}&from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await t.http().get('/api/v1/audit').set('Authorization', `Bearer ${token}`)).status).toBe(403);
    const bad = await t.http().get('/api/v1/audit?ticketId=nope&from=yesterday&limit=0').set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'from',
      'limit',
      'ticketId',
    ]);
  });

  it('records account, key and login events', async () => {
    const account = await createStaff(t, { roles: ['supervisor'], municipalities: ['menen'] });
    await t
      .http()
      .patch(`/api/v1/users/${account.id}`)
      .set(admin)
      .send({ roles: ['supervisor', 'municipal_agent'] });
    await logIn(t, account);
    const items = await audit('');
    const about = items.filter((i) => i.details.userId === account.id || i.actor.id === account.id);
    expect(about.map((i) => i.action).reverse()).toEqual(['user.create', 'user.update', 'auth.login']);
    expect(about[1].details).toMatchObject({ changed: ['roles'] });
    expect(JSON.stringify(about)).not.toContain('correct-horse');
  });

  it('is append-only, enforced by PostgreSQL', async () => {
    const [{ id }] = await t.sql<{ id: string }>('SELECT id FROM audit_event ORDER BY id LIMIT 1');
    await expect(t.sql(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql('DELETE FROM audit_event WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });
});
