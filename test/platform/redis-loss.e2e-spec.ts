import { Queue } from 'bullmq';
import { NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { BACK_OFFICE_EVENTS_QUEUE } from '../../libs/adapters/src/sync/sync-queues';
import { type Intake, PUBLIC_BASE_URL, reporterEmail, staff } from '../notifications/notification-test-kit';
import { TestBackOffice } from '../support/back-office-sim';
import { SmtpCatcher } from '../support/smtp-catcher';
import { deleteRedisPrefix, startTestApp, type TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor, waitForDrain } from '../support/wait-for';

/**
 * Redis holds only jobs; PostgreSQL holds the work. Every Redis key of the installation is deleted
 * in the middle of an intake, while work of every durable kind waits in Redis: e-mails retrying
 * while the SMTP server is down, back-office creates retrying while the back-office is down, and
 * ticket events relayed to paused consumer queues. The reconcilers must bring all of it back:
 * every consenting reporter gets exactly one acknowledgement and every ticket of the connected
 * municipality exactly one case.
 */
describe('A Redis that loses every key mid-intake', () => {
  const smtp = new SmtpCatcher();
  let backOffice: TestBackOffice;
  let t: TestApp;
  let agent: ReturnType<typeof staff>;
  const queues: Queue[] = [];

  beforeAll(async () => {
    // A free port, left closed: the SMTP server is down when the first tickets arrive.
    await smtp.start(0);
    await smtp.stop();
    backOffice = await TestBackOffice.start(new TopdeskSimulator());
    t = await startTestApp({
      RUN_WORKER: 'true',
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL,
      OUTBOX_POLL_MS: '50',
      MAIL_RETRY_BASE_MS: '200',
      MAIL_ATTEMPTS: '30',
      SYNC_ATTEMPTS: '50',
      SYNC_BACKOFF_MS: '200',
      SYNC_BACKOFF_MAX_MS: '1000',
      SYNC_BREAKER_OPEN_MS: '200',
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_GRACE_MS: '1000',
    });
    await backOffice.connect(t, 'kortrijk', {
      categoryMap: {
        '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
      },
      pollSeconds: 3600,
    });
    backOffice.faults({ down: true });
    agent = staff(t, await t.token());
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    for (const name of [NOTIFICATION_EVENTS_QUEUE, BACK_OFFICE_EVENTS_QUEUE])
      queues.push(new Queue(name, { connection, prefix: t.redisPrefix }));
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await t?.close();
    await backOffice?.close();
    await smtp.stop();
  });

  const intake = async (n: number, offset: number): Promise<Intake[]> => {
    const created: Intake[] = [];
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const connected = (offset + i) % 2 === 0;
        const consent = (offset + i) % 5 !== 4;
        const email = reporterEmail();
        const ticket = await agent.createTicket(connected ? {} : { municipalityCode: 'menen' }, {
          email,
          consent,
        });
        created.push({ id: ticket.id, reference: ticket.reference, email, consent, connected });
      }),
    );
    return created;
  };
  const count = async (sql: string, params: unknown[]) =>
    Number((await t.sql<{ n: string }>(sql, params))[0].n);

  it('re-creates the lost jobs: one acknowledgement per consenting reporter, one case per connected ticket', async () => {
    // 1. Work retrying in Redis: the SMTP server and the back-office are down.
    const retrying = await intake(10, 0);
    const ids = (batch: Intake[]) => batch.map((r) => r.id);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM notification WHERE ticket_id = ANY($1::uuid[]) AND status = 'retrying'`,
          [ids(retrying)],
        )) === retrying.filter((r) => r.consent).length &&
        (await count(
          `SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = ANY($1::uuid[]) AND attempts > 0`,
          [ids(retrying)],
        )) === retrying.filter((r) => r.connected).length,
      15_000,
      'every e-mail and back-office create retrying',
    );

    // 2. Events relayed (marked published) to consumer queues that are paused: only their jobs
    //    know of them. A flush also forgets that the queues were paused.
    await Promise.all(queues.map((q) => q.pause()));
    const relayed = await intake(10, 10);
    await waitFor(
      async () =>
        (await count(
          'SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = ANY($1::uuid[]) AND published_at IS NULL',
          [ids(relayed)],
        )) === 0,
      10_000,
      'the second batch relayed',
    );

    // 3. Every key gone, twice, while tickets keep arriving; then the SMTP server and the
    //    back-office come back.
    const during = intake(10, 20);
    await deleteRedisPrefix(t.redisPrefix);
    const late = await during;
    await deleteRedisPrefix(t.redisPrefix);
    await smtp.start();
    backOffice.faults({ down: false });
    const all = [...retrying, ...relayed, ...late, ...(await intake(6, 30))];

    const consenting = all.filter((r) => r.consent);
    const connected = all.filter((r) => r.connected);
    await waitForDrain(
      async () => {
        return (
          consenting.filter((r) => smtp.to(r.email).length === 0).length +
          (await count(
            `SELECT count(*) AS n FROM notification WHERE ticket_id = ANY($1::uuid[]) AND status <> 'sent'`,
            [ids(all)],
          ))
        );
      },
      { stallMs: 15_000, timeoutMs: 40_000, what: 'acknowledgements to send' },
    );
    const uncreated = async () => {
      return (
        connected.length -
        (await count(
          `SELECT count(*) AS n FROM back_office_link WHERE ticket_id = ANY($1::uuid[]) AND external_id IS NOT NULL`,
          [ids(connected)],
        )) +
        (await count(
          `SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = ANY($1::uuid[]) AND state <> 'done'`,
          [ids(connected)],
        ))
      );
    };
    await waitForDrain(uncreated, {
      stallMs: 15_000,
      timeoutMs: 40_000,
      what: 'back-office cases to create',
    });
    // A few more reconciler runs: nothing may come twice.
    await new Promise((r) => setTimeout(r, 1500));

    for (const reporter of all) {
      expect({ ref: reporter.reference, mails: smtp.to(reporter.email).length }).toEqual({
        ref: reporter.reference,
        mails: reporter.consent ? 1 : 0,
      });
    }
    const cases = await backOffice.cases();
    for (const ticket of all) {
      expect({
        ref: ticket.reference,
        cases: cases.filter((c) => c.reference === ticket.reference).length,
      }).toEqual({ ref: ticket.reference, cases: ticket.connected ? 1 : 0 });
    }
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE status IN ('queued', 'retrying')`, []),
    ).toBe(0);
  });
});
