import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { MAIL_DELIVERY_QUEUE, NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import { OutboxRelay, outboxEvents } from '@meldpunt/outbox';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { reporterEmail, staff, startMailTestApp } from './notification-test-kit';

const TICKETS = 20;
// The SQL budget of one acknowledgement after intake, per stage: deciding (the events processor)
// and delivering. Counted on the TypeORM logger, which sees every statement of the process.
const EVENT_BUDGET = 3;
const DELIVERY_BUDGET = 4;
// Written on a timer, not per mail: the api's revocation poll (every 2 s), the outbox consumers'
// log of handled events (one batch every 500 ms).
const PERIODIC = [/FROM staff_session/, /INTO consumed_event/];

/**
 * Every ticket costs the background pipeline these statements, so they are counted: the events
 * processor and the delivery run one after the other (their queues paused and resumed), with the
 * statements of each stage grouped by their first words in the failure message.
 */
describe('SQL statements per e-mail', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let queues: Queue[];
  const seen: string[] = [];
  let counting = false;

  beforeAll(async () => {
    await smtp.start(0);
    // No fallback polling while counting: the relay still wakes on NOTIFY.
    t = await startMailTestApp(smtp.url, { OUTBOX_POLL_MS: '60000' });
    const logger = t.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (counting && !PERIODIC.some((p) => p.test(query))) seen.push(query);
      return logQuery(query, parameters, runner);
    };
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    queues = [NOTIFICATION_EVENTS_QUEUE, MAIL_DELIVERY_QUEUE].map(
      (name) => new Queue(name, { connection, prefix: t.redisPrefix }),
    );
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await t.close();
    await smtp.stop();
  });

  /** Runs `stage` with counting on and returns its statements, once nothing was logged for 500 ms. */
  async function count(stage: () => Promise<void>): Promise<string[]> {
    seen.length = 0;
    counting = true;
    await stage();
    let last = -1;
    await waitFor(
      async () => {
        const quiet = seen.length === last;
        last = seen.length;
        if (!quiet) await new Promise((r) => setTimeout(r, 500));
        return quiet;
      },
      20_000,
      'no more statements',
    );
    counting = false;
    return [...seen];
  }

  /** Jobs held in a paused queue (BullMQ 6 keeps them waiting). */
  const held = async (queue: Queue) => (await queue.getJobCounts('waiting')).waiting;
  /** Events held in a paused queue of outbox batches. */
  const heldEvents = async (queue: Queue) =>
    (await queue.getJobs(['waiting'])).reduce((n, job) => n + outboxEvents(job).length, 0);
  const busy = async (queue: Queue) => {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return c.waiting + c.active + c.delayed + c.prioritized;
  };
  const grouped = (statements: string[]) => {
    const groups = new Map<string, number>();
    for (const s of statements) {
      const head = s.replace(/\s+/g, ' ').trim().slice(0, 90);
      groups.set(head, (groups.get(head) ?? 0) + 1);
    }
    return [...groups].map(([head, n]) => `${(n / TICKETS).toFixed(2)} × ${head}`).join('\n');
  };

  it(`stays within ${EVENT_BUDGET} statements to decide and ${DELIVERY_BUDGET} to deliver an acknowledgement`, async () => {
    const agent = staff(t, await t.token());
    // One mail first, so the caches of both processes are warm (a cold cache is one read a TTL).
    const warm = reporterEmail();
    await agent.createTicket({}, { email: warm });
    await smtp.waitFor(warm);
    const [events, delivery] = queues;
    await Promise.all(queues.map((q) => q.pause()));

    const emails = Array.from({ length: TICKETS }, () => reporterEmail());
    for (const email of emails) await agent.createTicket({}, { email });
    await waitFor(
      async () => {
        await t.app.get(OutboxRelay).idle();
        const [{ n }] = await t.sql<{ n: string }>(
          'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
        );
        return n === '0' && (await heldEvents(events)) >= TICKETS;
      },
      15_000,
      'every created event in the paused events queue',
    );
    // The other subscribers (SLA timers, console, back-office sync) finish their share first.
    await new Promise((r) => setTimeout(r, 1000));

    const decided = await count(async () => {
      await events.resume();
      await waitFor(
        async () => (await busy(events)) === 0 && (await held(delivery)) >= TICKETS,
        15_000,
        'events handled',
      );
    });
    const delivered = await count(async () => {
      await delivery.resume();
      await waitFor(() => emails.every((e) => smtp.to(e).length === 1), 20_000, 'every mail delivered');
      await waitFor(async () => (await busy(delivery)) === 0, 10_000, 'deliveries done');
    });

    const report =
      `events processor: ${(decided.length / TICKETS).toFixed(2)} statements per mail\n${grouped(decided)}\n` +
      `delivery: ${(delivered.length / TICKETS).toFixed(2)} statements per mail\n${grouped(delivered)}`;
    process.stdout.write(`${report}\n`);
    // The statements in the failure, so a regression shows which one came back.
    expect({
      decide: decided.length / TICKETS <= EVENT_BUDGET,
      deliver: delivered.length / TICKETS <= DELIVERY_BUDGET,
      report,
    }).toEqual({ decide: true, deliver: true, report });
  });
});
