import { UltimoSimulator } from '../../apps/backoffice-sim/src/ultimo';
import { useConnectedApp } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';

/**
 * Our own request budget (Ultimo's quota) holds sync jobs back without failing them: a job that
 * would have to wait is deferred to its slot, and that costs no attempt. With two attempts per
 * task and a budget of two requests a second, eight tickets at once all reach Ultimo, each once,
 * without one 429 and without a look-up before the create.
 */
describe('Back-office sync within a request budget', () => {
  const sim = new UltimoSimulator();
  const app = useConnectedApp(() => sim, {
    env: { SYNC_ATTEMPTS: '2', SYNC_BACKOFF_MS: '50' },
    settings: { pollSeconds: 3600, options: { rateLimit: { requests: 2, windowMs: 1000, maxWaitMs: 0 } } },
  });

  beforeAll(async () => {
    await waitFor(
      async () => (await app.t.sql('SELECT 1 FROM back_office_cursor')).length > 0,
      5000,
      'first poll',
    );
    // Count from here: connecting checks the tool and starts the poll, which took its own requests.
    await new Promise((r) => setTimeout(r, 1100));
    sim.reset();
  });

  it('defers jobs to free slots instead of spending their attempts', async () => {
    const started = Date.now();
    const created = await Promise.all(Array.from({ length: 8 }, () => app.createTicket()));
    await waitFor(
      async () =>
        (await app.t.sql("SELECT 1 FROM back_office_sync_task WHERE state = 'pending'")).length === 0 &&
        (await app.t.sql('SELECT 1 FROM back_office_sync_task')).length === 8,
      30_000,
      'every create synced',
    );
    const tasks = await app.t.sql<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM back_office_sync_task',
    );
    expect(tasks).toEqual(Array(8).fill({ state: 'done', attempts: 1 }));
    const references = created.map((ticket) => ticket.reference).sort();
    expect((await app.backOffice.cases()).map((c) => c.reference).sort()).toEqual(references);
    // Two a second: the eighth create cannot have gone before the fourth second began.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(sim.stats).toEqual({ requests: 8, rateLimited: 0 });
  });
});
