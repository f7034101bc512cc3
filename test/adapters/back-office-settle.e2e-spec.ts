import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { SIM_CREDENTIALS } from '../factories/back-office.factory';
import { useConnectedApp } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';

/**
 * TOPdesk has no idempotency key: a retried create first looks the incident up by our reference.
 * A create that got no answer may still land in the tool a while later (a slow server, a queue in
 * front of it), so that look-up must not run before then, whichever job comes to run it: here a
 * later task's job (a message added meanwhile), which used to run it at once and make a second
 * incident.
 */
describe('Back-office sync: an unanswered create settles before its look-up', () => {
  const app = useConnectedApp(() => new TopdeskSimulator(), {
    // An unanswered create settles for max(2 x timeout, 1 s, SYNC_CREATE_SETTLE_MS) = 1 s.
    env: { SYNC_TIMEOUT_MS: '250', SYNC_BACKOFF_MS: '20', SYNC_CREATE_SETTLE_MS: '1000' },
    settings: { pollSeconds: 3600 },
  });

  it('finds the incident the unanswered create made instead of making a second one', async () => {
    app.backOffice.faults({ timeoutRate: 1 });
    const ticket = await app.createTicket();
    await waitFor(
      async () => (await createTask(ticket.id))?.settle_until != null,
      10_000,
      'the create went unanswered',
    );
    app.backOffice.faults({ timeoutRate: 0 });
    const message = await app.t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/messages`)
      .set('Authorization', `Bearer ${app.admin}`)
      .send({ visibility: 'internal', body: 'Ladder nodig' });
    expect(message.status).toBe(201);
    // The unanswered create lands now, well inside its settling time (the message's job, filed
    // through the outbox every 50 ms, is ready to run well before this).
    await new Promise((resolve) => setTimeout(resolve, 400));
    const landed = await landLateIncident(ticket.reference);

    await waitFor(
      async () => {
        const [row] = await app.t.sql<{ n: string }>(
          "SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = $1 AND state <> 'done'",
          [ticket.id],
        );
        return Number(row.n) === 0;
      },
      15_000,
      'every task of the ticket done',
    );
    const incidents = await app.backOffice.cases(ticket.reference);
    expect(incidents.map((i) => i.id)).toEqual([landed]);
    expect(incidents[0].notes.map((n) => n.text)).toEqual([expect.stringContaining('Ladder nodig')]);
    const res = await app.t
      .http()
      .get(`/api/v1/tickets/${ticket.id}`)
      .set('Authorization', `Bearer ${app.admin}`);
    expect(res.body.externalRefs).toEqual([expect.objectContaining({ system: 'topdesk', id: landed })]);
  });

  async function createTask(ticketId: string) {
    const [task] = await app.t.sql<{ settle_until: Date | null }>(
      "SELECT settle_until FROM back_office_sync_task WHERE ticket_id = $1 AND operation = 'create'",
      [ticketId],
    );
    return task;
  }

  /** What the tool does with the create it never answered: the incident appears, late. */
  async function landLateIncident(reference: string): Promise<string> {
    const { username, password } = SIM_CREDENTIALS.topdesk;
    const res = await fetch(`${app.backOffice.baseUrl}/incidents`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        caller: { dynamicName: 'An Peeters' },
        briefDescription: 'Straatlamp stuk',
        externalNumber: reference,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
});
