import { ticketBody } from '../factories/ticket.factory';
import { reporterEmail, staff } from '../notifications/notification-test-kit';
import { startInstallation, type Installation } from '../support/installation';
import { terminate } from '../support/processes';
import { waitFor, waitForDrain } from '../support/wait-for';

// The default SHUTDOWN_TIMEOUT_MS (9 s) leaves a second for the container runtime's 10 s.
const STOP_LIMIT_MS = 10_000;

/**
 * SIGTERM is how every container stop, deploy and scale-in begins; SIGKILL follows 10 s later.
 * Both processes must be gone within that, and whatever they were doing must be finished, or
 * handed to the next process, without losing or doubling any of it.
 */
describe('Stopping on SIGTERM', () => {
  let i: Installation;

  beforeAll(async () => {
    i = await startInstallation();
  });
  afterAll(() => i?.close());

  it('worker: exits in time with back-office calls hanging; the next worker finishes each ticket once', async () => {
    const { t, smtp, backOffice, count } = i;
    const agent = staff(t, await t.token());
    const tickets = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const email = reporterEmail();
        return { email, ...(await agent.createTicket({}, { email, consent: true })) };
      }),
    );
    const ids = tickets.map((x) => x.id);

    // Every call to the back-office hangs far past the stop's deadline.
    backOffice.faults({ timeoutRate: 1 });
    const first = i.worker({ SYNC_TIMEOUT_MS: '120000' });
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM back_office_link WHERE ticket_id = ANY($1::uuid[]) AND lease_until > now()`,
          [ids],
        )) === tickets.length && tickets.every((x) => smtp.to(x.email).length === 1),
      30_000,
      'every ticket acknowledged and its back-office create under way',
    );

    const stopped = await terminate(first);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);
    expect(first.output()).toMatch(/\b[1-9]\d* handed back at once/);
    // Its leases were given back: the next worker need not wait minutes for them to expire.
    expect(await count(`SELECT count(*) AS n FROM back_office_link WHERE lease_until > now()`)).toBe(0);

    backOffice.faults({ timeoutRate: 0 });
    const second = i.worker();
    await waitForDrain(
      async () =>
        count(
          `SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = ANY($1::uuid[]) AND state <> 'done'`,
          [ids],
        ),
      { stallMs: 15_000, timeoutMs: 30_000, what: 'back-office creates to finish' },
    );
    const cases = await backOffice.cases();
    for (const ticket of tickets) {
      expect({
        ref: ticket.reference,
        cases: cases.filter((c) => c.reference === ticket.reference).length,
        mails: smtp.to(ticket.email).length,
      }).toEqual({ ref: ticket.reference, cases: 1, mails: 1 });
    }

    // An idle worker stops at once.
    const idle = await terminate(second);
    expect(idle.code).toBe(0);
    expect(idle.ms).toBeLessThan(3000);
  });

  it('api: exits in time under intake; every ticket answered 201 is committed', async () => {
    const { t, count } = i;
    const api = await i.api();
    const base = api.url;
    const token = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });

    const accepted: string[] = [];
    const refused: number[] = [];
    let stopping = false;
    const client = async () => {
      // Each client keeps sending until the api no longer takes connections.
      for (;;) {
        const res = await fetch(`${base}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(
            ticketBody({ reporter: { name: 'An Peeters', email: reporterEmail(), consent: true } }),
          ),
        }).catch(() => null);
        if (!res) {
          if (stopping) return;
          continue;
        }
        if (res.status === 201) accepted.push(((await res.json()) as { id: string }).id);
        else refused.push(res.status);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await waitFor(() => accepted.length >= 50, 20_000, '50 tickets taken in');
    stopping = true;
    const stopped = await terminate(api);
    await Promise.all(clients);

    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);
    // Answers during the drain are real answers, never a 5xx.
    expect(refused.filter((s) => s >= 500)).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM ticket WHERE id = ANY($1::uuid[])`, [accepted])).toBe(
      accepted.length,
    );
  });
});
