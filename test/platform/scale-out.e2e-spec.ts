import { Queue } from 'bullmq';
import { MAIL_DELIVERY_QUEUE, NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import { BACK_OFFICE_EVENTS_QUEUE, BACK_OFFICE_SYNC_QUEUE } from '../../libs/adapters/src/sync/sync-queues';
import { ticketBody } from '../factories/ticket.factory';
import { type Intake, reporterEmail } from '../notifications/notification-test-kit';
import { startInstallation, type Installation } from '../support/installation';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor, waitForDrain } from '../support/wait-for';

/**
 * Two api and two worker processes on one PostgreSQL and Redis, as a scaled deployment runs:
 * the intake is spread over both apis, both workers take jobs of every queue, and still every
 * consenting reporter gets exactly one acknowledgement and every ticket of the connected
 * municipality exactly one back-office case.
 */
describe('Two apis and two workers on one database and Redis', () => {
  let i: Installation;
  const queues: Queue[] = [];

  beforeAll(async () => {
    i = await startInstallation();
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await i?.close();
  });

  it('share the work without doing any of it twice', async () => {
    const { t, smtp, backOffice, count } = i;
    i.worker();
    i.worker();
    const apis = await Promise.all([i.api(), i.api()]);
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    for (const name of [
      NOTIFICATION_EVENTS_QUEUE,
      MAIL_DELIVERY_QUEUE,
      BACK_OFFICE_EVENTS_QUEUE,
      BACK_OFFICE_SYNC_QUEUE,
    ])
      queues.push(new Queue(name, { connection, prefix: t.redisPrefix }));
    // Both workers are attached to every queue (the in-test api runs none).
    await waitFor(
      async () => (await Promise.all(queues.map((q) => q.getWorkersCount()))).every((n) => n === 2),
      30_000,
      'both workers on every queue',
    );

    const token = await t.token();
    const tickets: Intake[] = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const connected = n % 2 === 0;
        const consent = n % 5 !== 4;
        const email = reporterEmail();
        const body = ticketBody({
          location: { address: 'Kerkstraat 12', postcode: connected ? '8500' : '8930' },
          reporter: { name: 'An Peeters', email, language: 'nl', consent },
        });
        const res = await fetch(`${apis[n % 2].url}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
        const created = (await res.json()) as { id: string; reference: string; municipalityCode: string };
        expect(created.municipalityCode).toBe(connected ? 'kortrijk' : 'menen');
        return { id: created.id, reference: created.reference, email, consent, connected };
      }),
    );
    const ids = tickets.map((x) => x.id);

    await waitForDrain(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM notification WHERE ticket_id = ANY($1::uuid[]) AND status IN ('queued', 'retrying')`,
          [ids],
        )) +
        (await count(
          `SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = ANY($1::uuid[]) AND state <> 'done'`,
          [ids],
        )) +
        tickets.filter((x) => x.consent && smtp.to(x.email).length === 0).length +
        tickets.filter((x) => x.connected).length -
        (await count(
          `SELECT count(*) AS n FROM back_office_link WHERE ticket_id = ANY($1::uuid[]) AND external_id IS NOT NULL`,
          [ids],
        )),
      { stallMs: 15_000, timeoutMs: 45_000, what: 'acknowledgements and cases' },
    );
    // Time for a late duplicate to show.
    await new Promise((r) => setTimeout(r, 1000));

    const cases = await backOffice.cases();
    for (const x of tickets) {
      expect({
        ref: x.reference,
        mails: smtp.to(x.email).length,
        cases: cases.filter((c) => c.reference === x.reference).length,
      }).toEqual({ ref: x.reference, mails: x.consent ? 1 : 0, cases: x.connected ? 1 : 0 });
    }
  });
});
