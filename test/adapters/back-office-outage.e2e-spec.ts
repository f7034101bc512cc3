import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { useConnectedApp } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';

interface Failure {
  id: string;
  ticketId: string;
  reference: string;
  operation: string;
  error: string;
  municipalityCode: string;
}

/**
 * A back-office that is down for the whole test: tickets are still accepted, every sync ends as a
 * failure record agents see, and a manual retry after recovery brings everything across in order.
 */
describe('A back-office that is down', () => {
  const app = useConnectedApp(() => new TopdeskSimulator(), {
    beforeApp: (backOffice) => backOffice.faults({ down: true }),
    env: {
      SYNC_ATTEMPTS: '3',
      SYNC_BACKOFF_MS: '20',
      SYNC_BREAKER_THRESHOLD: '2',
      SYNC_BREAKER_OPEN_MS: '100',
    },
  });

  const auth = () => ({ Authorization: `Bearer ${app.admin}` });
  const failures = async (token = app.admin): Promise<Failure[]> =>
    (await app.t.http().get('/api/v1/integrations/failures').set('Authorization', `Bearer ${token}`)).body
      .items;

  it('accepts tickets, lists the failed syncs, and a manual retry after recovery syncs them in order', async () => {
    const tickets: { id: string; reference: string }[] = [];
    for (let i = 0; i < 5; i++) tickets.push(await app.createTicket());
    // A note on a ticket whose create failed waits behind it (and fails with it).
    await app.t
      .http()
      .post(`/api/v1/tickets/${tickets[0].id}/messages`)
      .set(auth())
      .send({ visibility: 'internal', body: 'Na de aanmaak' })
      .expect(201);
    await waitFor(async () => (await failures()).length === 6, 20_000, 'six failure records');
    const listed = await failures();
    expect(
      listed
        .filter((f) => f.operation === 'create')
        .map((f) => f.reference)
        .sort(),
    ).toEqual(tickets.map((x) => x.reference).sort());
    expect(listed.find((f) => f.operation === 'create')?.error).toMatch(/503|circuit open/);
    expect(listed.find((f) => f.operation === 'note')?.ticketId).toBe(tickets[0].id);

    // Scope: an agent of another municipality sees none of them, and cannot retry them.
    const menen = await app.t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    expect(await failures(menen)).toEqual([]);
    const foreign = await app.t
      .http()
      .post(`/api/v1/integrations/failures/${listed[0].id}/retry`)
      .set('Authorization', `Bearer ${menen}`);
    expect(foreign.status).toBe(404);

    // Recovery, then a retry per failed create (the note comes along with its ticket's create).
    app.backOffice.faults({ down: false });
    for (const f of listed.filter((x) => x.operation === 'create')) {
      const res = await app.t.http().post(`/api/v1/integrations/failures/${f.id}/retry`).set(auth());
      expect(res.status).toBe(202);
    }
    await waitFor(async () => (await app.backOffice.cases()).length === 5, 20_000, 'five incidents');
    await waitFor(async () => (await failures()).length === 0, 20_000, 'no failures left');
    for (const ticket of tickets) expect(await app.backOffice.cases(ticket.reference)).toHaveLength(1);
    await waitFor(
      async () =>
        (await app.backOffice.cases(tickets[0].reference))[0].notes.some((n) =>
          n.text.includes('Na de aanmaak'),
        ),
      10_000,
      'the note after its create',
    );
    // The note is in TOPdesk a moment before its task is marked done.
    await waitFor(
      async () => (await app.t.sql("SELECT 1 FROM back_office_sync_task WHERE state = 'done'")).length === 6,
      10_000,
      'six tasks done',
    );
    expect(await app.t.sql("SELECT 1 FROM back_office_sync_task WHERE state <> 'done'")).toEqual([]);

    const again = await app.t.http().post(`/api/v1/integrations/failures/${listed[0].id}/retry`).set(auth());
    expect(again.status).toBe(409);
  });
});
