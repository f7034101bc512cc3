import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { markConsumed, OutboxBatch, outboxEvents, OutboxRelay, OutboxSubscriptions } from '@meldpunt/outbox';
import { TEST_REDIS_URL } from '../support/test-env';
import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';
import { waitFor } from '../support/wait-for';

/** A queue whose first `failures` addBulk calls throw, as if Redis died mid-batch. */
class FlakyQueue extends Queue {
  failures = 0;
  calls = 0;
  override async addBulk(...args: Parameters<Queue['addBulk']>) {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('simulated Redis failure');
    }
    return super.addBulk(...args);
  }
}

describe('Outbox relay', () => {
  let t: TestApp;
  let token: string;
  const queues: Queue[] = [];
  const workers: Worker[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50' });
    token = await t.token();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await t.close();
  });

  const connection = () => ({ url: TEST_REDIS_URL, maxRetriesPerRequest: null });

  it('delivers every event once to each subscriber, in event order, even when a batch fails after publishing', async () => {
    const relay = t.app.get(OutboxRelay);
    const subscriptions = t.app.get(OutboxSubscriptions);
    const dataSource = t.app.get(DataSource);
    const good = new Queue('test-good', { connection: connection(), prefix: t.redisPrefix });
    const flaky = new FlakyQueue('test-flaky', { connection: connection(), prefix: t.redisPrefix });
    queues.push(good, flaky);
    await relay.idle();
    // Small batches, so that this test's events travel in several jobs.
    subscriptions.add(good, '*', { batchSize: 4 });
    subscriptions.add(flaky, ['ticket.created'], { batchSize: 4 });
    flaky.failures = 2;

    const effects: string[] = [];
    // The consumer dedupes with markConsumed in its own transaction, as real consumers do.
    workers.push(
      new Worker<OutboxBatch>(
        'test-good',
        async (job) => {
          await dataSource.transaction(async (manager) => {
            for (const { eventId } of outboxEvents(job))
              if (await markConsumed(manager, 'test-good', eventId)) effects.push(eventId);
          });
        },
        { connection: connection(), prefix: t.redisPrefix, concurrency: 1 },
      ),
    );

    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${token}`)
        .send(ticketBody());
      ids.push(res.body.id);
    }
    await t
      .http()
      .post(`/api/v1/tickets/${ids[0]}/transitions`)
      .set('Authorization', `Bearer ${token}`)
      .send({ to: 'in_progress' });

    const [{ n: total }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM outbox_event');
    await waitFor(async () => {
      const [{ n }] = await t.sql<{ n: string }>(
        'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
      );
      return n === '0' && effects.length === Number(total);
    }, 15000);

    expect(flaky.calls).toBeGreaterThan(2);
    expect(effects).toHaveLength(Number(total));
    expect(new Set(effects).size).toBe(effects.length);
    // Event ids reach the consumer in increasing order.
    expect([...effects].sort((a, b) => Number(a) - Number(b))).toEqual(effects);
    // The flaky queue holds every created event once, in jobs of at most four.
    const flakyJobs = await flaky.getJobs(['waiting']);
    expect(flakyJobs.every((job) => job.data.events.length <= 4)).toBe(true);
    const flakyEvents = flakyJobs.flatMap((job) => outboxEvents(job));
    expect(flakyEvents.filter((e) => e.type === 'ticket.created')).toHaveLength(15);
    expect(new Set(flakyEvents.map((e) => e.eventId)).size).toBe(flakyEvents.length);
  });

  it('re-publishes a batch whose transaction did not commit, and the consumer applies it once', async () => {
    const relay = t.app.get(OutboxRelay);
    const dataSource = t.app.get(DataSource);
    await relay.idle();
    const [last] = await t.sql<{ id: string }>('SELECT max(id)::text AS id FROM outbox_event');
    // Pretend the relay crashed after publishing: the rows are published again on the next run.
    await t.sql('UPDATE outbox_event SET published_at = NULL WHERE id > $1::bigint - 5', [last.id]);
    const applied: string[] = [];
    await dataSource.transaction(async (manager) => {
      for (const id of [last.id, last.id])
        if (await markConsumed(manager, 'replay-check', id)) applied.push(id);
    });
    expect(applied).toEqual([last.id]);
    relay.kick();
    await waitFor(async () => {
      const [{ n }] = await t.sql<{ n: string }>(
        'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
      );
      return n === '0';
    }, 10000);
  });
});

describe('Waking the outbox relay', () => {
  let t: TestApp;

  // The fallback poll is a minute away: only the wake-up after commit can deliver in time.
  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '60000' });
  });
  afterAll(() => t.close());

  it('relays an intake and a change within a second of their commit, with no trigger on outbox_event', async () => {
    const relay = t.app.get(OutboxRelay);
    await relay.idle();
    const [{ n: triggers }] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM pg_trigger WHERE tgrelid = 'outbox_event'::regclass AND NOT tgisinternal`,
    );
    expect(triggers).toBe('0');
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const unpublished = async () =>
      (await t.sql<{ n: string }>('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'))[0]
        .n === '0';

    const created = await t.http().post('/api/v1/tickets').set(auth).send(ticketBody());
    expect(created.status).toBe(201);
    await waitFor(unpublished, 1000, 'the created event relayed');

    const moved = await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/transitions`)
      .set(auth)
      .send({ to: 'in_progress' });
    expect(moved.status).toBe(200);
    await waitFor(unpublished, 1000, 'the status change relayed');
  });
});
