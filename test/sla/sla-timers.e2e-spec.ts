import { TicketSlaReconciler } from '@meldpunt/tickets';
import { deleteRedisPrefix, startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';
import { waitFor } from '../support/wait-for';
import { createShortSlaPolicy } from '../factories/sla-policy.factory';

/** With a real worker and Redis: warnings and breaches fire, and a flushed Redis recovers. */
describe('SLA timers', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50' });
    admin = await t.token();
  });
  afterAll(() => t.close());

  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const events = (id: string) =>
    t.sql<{ type: string; data: { clock: string; dueAt: string }; at: Date }>(
      `SELECT type, data, at FROM ticket_event WHERE ticket_id = $1 AND type LIKE 'sla_%' ORDER BY id`,
      [id],
    );

  it('fires warnings and breaches on time, once, with console events', async () => {
    await createShortSlaPolicy(t, admin, 'lendelede', { response: 1.2, resolution: 2.4 });
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'lendelede' }));
    const id = res.body.id;
    await waitFor(async () => (await events(id)).length === 4, 15000);
    const fired = await events(id);
    expect(fired.map((e) => `${e.data.clock}.${e.type}`).sort()).toEqual([
      'resolution.sla_breached',
      'resolution.sla_warning',
      'response.sla_breached',
      'response.sla_warning',
    ]);
    for (const e of fired) {
      const late = e.at.getTime() - new Date(e.data.dueAt).getTime();
      expect(late).toBeGreaterThanOrEqual(-50);
      expect(late).toBeLessThan(3000);
    }
    const ticket = await t.http().get(`/api/v1/tickets/${id}`).set(auth());
    expect(ticket.body.sla.breached).toEqual({ response: true, resolution: true });
    const outbox = await t.sql<{ type: string }>(
      `SELECT type FROM outbox_event WHERE aggregate_id = $1 AND type LIKE 'ticket.sla.%' ORDER BY id`,
      [id],
    );
    expect(outbox.map((o) => o.type).sort()).toEqual([
      'ticket.sla.breached',
      'ticket.sla.breached',
      'ticket.sla.warning',
      'ticket.sla.warning',
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await events(id)).toHaveLength(4);
  });

  it('fires nothing for a clock that stopped in time, or for a deadline that moved', async () => {
    await createShortSlaPolicy(t, admin, 'spiere-helkijn', { response: 1.5, resolution: 3 });
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'spiere-helkijn' }));
    const id = res.body.id;
    // A person answers at once (response clock stops) and asks the citizen (resolution clock pauses).
    await t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth()).send({ to: 'in_progress' });
    await t
      .http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(auth())
      .send({ to: 'waiting_for_citizen', message: 'Waar precies?' });
    await new Promise((r) => setTimeout(r, 3500));
    expect(await events(id)).toEqual([]);
  });

  it('recovers every timer from PostgreSQL after Redis lost them', async () => {
    await createShortSlaPolicy(t, admin, 'wervik', { response: 2, resolution: 60 * 3600 });
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'wervik' }));
    const id = res.body.id;
    await waitFor(
      async () =>
        (await t.sql(`SELECT 1 FROM outbox_event WHERE aggregate_id = $1 AND published_at IS NOT NULL`, [id]))
          .length > 0,
      5000,
    );
    await new Promise((r) => setTimeout(r, 300));
    await deleteRedisPrefix(`${t.redisPrefix}:sla-timers`);
    const added = await t.app.get(TicketSlaReconciler).reconcile();
    // The response warning (its breach follows when it fires); the resolution deadline (60 h) is
    // beyond the planning horizon.
    expect(added).toBe(1);
    expect(await t.app.get(TicketSlaReconciler).reconcile()).toBe(0);
    await waitFor(async () => (await events(id)).some((e) => e.type === 'sla_breached'), 10000);
    expect((await events(id)).map((e) => `${e.data.clock}.${e.type}`)).toEqual([
      'response.sla_warning',
      'response.sla_breached',
    ]);
  });
});
