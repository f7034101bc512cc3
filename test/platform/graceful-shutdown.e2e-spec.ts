import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { findFreePort } from '@meldpunt/database';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { ticketBody } from '../factories/ticket.factory';
import { PUBLIC_BASE_URL, reporterEmail, staff } from '../notifications/notification-test-kit';
import { TestBackOffice } from '../support/back-office-sim';
import { SmtpCatcher } from '../support/smtp-catcher';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor, waitForDrain } from '../support/wait-for';

const DIST = join(__dirname, '../../dist/apps');
const WORKER = join(DIST, 'worker/src/main.js');
const API = join(DIST, 'api/src/main.js');
// The default SHUTDOWN_TIMEOUT_MS (9 s) leaves a second for the container runtime's 10 s.
const STOP_LIMIT_MS = 10_000;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a compiled entry point as a deployment would (npm test builds it first). */
function run(main: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Sends SIGTERM; resolves with the exit code and how long the process took to exit. */
async function terminate(p: Running): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    p.exited,
    new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 20_000))),
  ]);
  clearTimeout(timer);
  if (code === 'hung') {
    p.child.kill('SIGKILL');
    throw new Error(`still running 20 s after SIGTERM:\n${p.output().slice(-3000)}`);
  }
  return { code, ms: Date.now() - started };
}

/**
 * SIGTERM is how every container stop, deploy and scale-in begins; SIGKILL follows 10 s later.
 * Both processes must be gone within that, and whatever they were doing must be finished, or
 * handed to the next process, without losing or doubling any of it.
 */
describe('Stopping on SIGTERM', () => {
  const smtp = new SmtpCatcher();
  let backOffice: TestBackOffice;
  let t: TestApp;
  let shared: Record<string, string>;
  const running: Running[] = [];

  beforeAll(async () => {
    for (const main of [WORKER, API])
      if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (npm test does)`);
    await smtp.start(0);
    backOffice = await TestBackOffice.start(new TopdeskSimulator());
    // The processes started below share this database, Redis prefix and keys.
    const secrets = {
      JWT_SECRET: randomBytes(32).toString('hex'),
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    };
    t = await startTestApp({ ...secrets, SMTP_URL: smtp.url, PUBLIC_BASE_URL });
    await backOffice.connect(t, 'kortrijk', {
      categoryMap: {
        '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
      },
      pollSeconds: 3600,
    });
    shared = {
      ...secrets,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: t.redisPrefix,
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL,
      SEED_DEMO: 'false',
      BACKOFFICE_SIMULATOR: 'false',
      OUTBOX_POLL_MS: '50',
      DATABASE_POOL_SIZE: '10',
    };
  });
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await t?.close();
    await backOffice?.close();
    await smtp.stop();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.sql<{ n: string }>(sql, params))[0].n);

  it('worker: exits in time with back-office calls hanging; the next worker finishes each ticket once', async () => {
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
    const first = run(WORKER, { ...shared, SYNC_TIMEOUT_MS: '120000' });
    running.push(first);
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
    const second = run(WORKER, shared);
    running.push(second);
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
    const port = await findFreePort();
    const api = run(API, { ...shared, RUN_WORKER: 'false', PORT: String(port) });
    running.push(api);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/health`).catch(() => null))?.status === 200,
      30_000,
      'the api to answer /health',
    );
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
