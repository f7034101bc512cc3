import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

describe('Ticket lifecycle, messages and assignment', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token();
  });
  afterAll(() => t.close());

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const newTicket = async (): Promise<{ id: string; reference: string }> =>
    (await t.http().post('/api/v1/tickets').set(auth()).send(ticketBody())).body;
  const move = (id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth()).send(body);
  const history = async (id: string) =>
    (await t.http().get(`/api/v1/tickets/${id}/history`).set(auth())).body;

  it('walks new -> in_progress -> waiting -> in_progress -> resolved -> reopened -> resolved -> closed', async () => {
    const { id } = await newTicket();
    const steps: [string, Record<string, unknown>][] = [
      ['in_progress', {}],
      ['waiting_for_citizen', { message: 'Aan welke kant van de straat staat de lamp?' }],
      ['in_progress', {}],
      ['resolved', { message: 'De lamp is vervangen.' }],
      ['in_progress', {}],
      ['resolved', {}],
      ['closed', {}],
    ];
    for (const [to, extra] of steps) {
      const res = await move(id, { to, ...extra });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
    }
    const events = await history(id);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      ...steps.map(() => 'status_changed'),
    ]);
    expect(events[2].data).toMatchObject({
      from: 'in_progress',
      to: 'waiting_for_citizen',
      message: expect.stringContaining('lamp'),
    });
    expect(events[5].data).toMatchObject({ from: 'resolved', to: 'in_progress', reopened: true });
    expect(events[1].actor).toMatchObject({ type: 'user', name: 'Demo beheerder' });
    const [{ n }] = await t.sql<{ n: string }>(
      'SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = $1',
      [id],
    );
    expect(Number(n)).toBe(events.length);
  });

  it('cancels from new with a reason, and refuses without one', async () => {
    const { id } = await newTicket();
    const missing = await move(id, { to: 'cancelled' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('reason');
    const res = await move(id, { to: 'cancelled', reason: 'duplicate' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate' });
  });

  it('answers 409 with the allowed transitions for a forbidden one', async () => {
    const { id } = await newTicket();
    const res = await move(id, { to: 'resolved' });
    expect(res.status).toBe(409);
    expect(res.body.allowed).toEqual(['in_progress', 'cancelled']);
    const after = await t.http().get(`/api/v1/tickets/${id}`).set(auth());
    expect(after.body.status).toBe('new');
    expect(await history(id)).toHaveLength(1);
  });

  it('requires the question when waiting for the citizen', async () => {
    const { id } = await newTicket();
    await move(id, { to: 'in_progress' });
    const res = await move(id, { to: 'waiting_for_citizen' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'message', rule: 'isNotEmpty' });
  });

  it('records the first response time at the first public message of a person', async () => {
    const { id } = await newTicket();
    const internal = await t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'internal', body: 'Dienst gebeld' });
    expect(internal.status).toBe(201);
    expect(internal.body.ticket.sla.respondedAt).toBeNull();
    const pub = await t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'public', body: 'We bekijken het.' });
    expect(pub.status).toBe(201);
    const respondedAt = pub.body.ticket.sla.respondedAt;
    expect(respondedAt).not.toBeNull();
    const again = await t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'public', body: 'Nog even.' });
    expect(again.body.ticket.sla.respondedAt).toBe(respondedAt);
    expect((await history(id)).map((e: { type: string }) => e.type)).toEqual([
      'created',
      'message_internal',
      'message_public',
      'message_public',
    ]);
  });

  it('refuses public messages on a closed ticket but keeps internal notes possible', async () => {
    const { id } = await newTicket();
    await move(id, { to: 'cancelled', reason: 'spam' });
    const pub = await t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'public', body: 'Hallo' });
    expect(pub.status).toBe(409);
    const note = await t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'internal', body: 'Spam van bot' });
    expect(note.status).toBe(201);
  });

  it('loses no write when twenty changes hit one ticket at once', async () => {
    const { id } = await newTicket();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/tickets/${id}/messages`)
          .set(auth())
          .send({ visibility: 'internal', body: `notitie ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const ticket = await t.http().get(`/api/v1/tickets/${id}`).set(auth());
    expect(ticket.body.version).toBe(21);
    expect(await history(id)).toHaveLength(21);
  });

  it('serialises concurrent transitions: each is applied in full or refused with 409', async () => {
    const { id } = await newTicket();
    const results = await Promise.all([
      move(id, { to: 'in_progress' }),
      move(id, { to: 'cancelled', reason: 'not_for_us' }),
      move(id, { to: 'in_progress' }),
      move(id, { to: 'cancelled', reason: 'duplicate' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // Whatever wins first, the history holds exactly the changes that were answered 200.
    const ok = results.filter((r) => r.status === 200).length;
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(await history(id)).toHaveLength(1 + ok);
  });

  it('assigns, re-prioritises and re-categorises with history', async () => {
    const { id } = await newTicket();
    const users = await t.http().get('/api/v1/users').set(auth());
    const admin = users.body.find((u: { email: string }) => u.email === 'admin@meldpunt.local');
    const res = await t
      .http()
      .patch(`/api/v1/tickets/${id}`)
      .set(auth())
      .send({ assigneeId: admin.id, priority: 'P1', categoryCode: 'roads-pavements' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      assignee: { id: admin.id, name: 'Demo beheerder' },
      priority: 'P1',
      categoryCode: 'roads-pavements',
    });
    const types = (await history(id)).map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'assigned', 'updated', 'updated']);
    const unknown = await t
      .http()
      .patch(`/api/v1/tickets/${id}`)
      .set(auth())
      .send({ assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('assigneeId');
  });

  it('finds a ticket by its reference and answers 404 for an unknown one', async () => {
    const { id, reference } = await newTicket();
    const res = await t.http().get(`/api/v1/tickets/${reference.toLowerCase()}`).set(auth());
    expect(res.body.id).toBe(id);
    expect((await t.http().get('/api/v1/tickets/ZWVL-2020-999999').set(auth())).status).toBe(404);
    expect(
      (await t.http().get('/api/v1/tickets/00000000-0000-4000-8000-000000000000').set(auth())).status,
    ).toBe(404);
  });
});
