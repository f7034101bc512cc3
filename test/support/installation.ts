import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { findFreePort } from '@meldpunt/database';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { PUBLIC_BASE_URL } from '../notifications/notification-test-kit';
import { TestBackOffice } from './back-office-sim';
import { API, run, type Running, WORKER } from './processes';
import { SmtpCatcher } from './smtp-catcher';
import { startTestApp, type TestApp } from './test-app';
import { TEST_REDIS_URL } from './test-env';
import { waitFor } from './wait-for';

/**
 * One installation run as a deployment runs it: compiled api and worker processes on one
 * database, Redis prefix and set of keys, with an SMTP server and a TOPdesk (connected to Kortrijk)
 * started by the test. `t` is an in-test api on the same database, for tokens and SQL.
 */
export interface Installation {
  t: TestApp;
  smtp: SmtpCatcher;
  backOffice: TestBackOffice;
  /** Starts a compiled worker; `env` adds to or overrides the installation's settings. */
  worker(env?: Record<string, string>): Running;
  /** Starts a compiled api (RUN_WORKER=false) and resolves with it and its base URL once healthy. */
  api(env?: Record<string, string>): Promise<Running & { url: string }>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function startInstallation(): Promise<Installation> {
  for (const main of [WORKER, API])
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (npm test does)`);
  const smtp = await new SmtpCatcher().start(0);
  const backOffice = await TestBackOffice.start(new TopdeskSimulator());
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
  };
  const t = await startTestApp({ ...secrets, SMTP_URL: smtp.url, PUBLIC_BASE_URL });
  await backOffice.connect(t, 'kortrijk', {
    categoryMap: {
      '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
    },
    pollSeconds: 3600,
  });
  const shared = {
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
  const running: Running[] = [];
  const start = (main: string, env: Record<string, string>) => {
    const p = run(main, { ...shared, ...env });
    running.push(p);
    return p;
  };
  return {
    t,
    smtp,
    backOffice,
    worker: (env = {}) => start(WORKER, env),
    api: async (env = {}) => {
      const port = await findFreePort();
      const p = start(API, { RUN_WORKER: 'false', PORT: String(port), ...env });
      const url = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => (await fetch(`${url}/health`).catch(() => null))?.status === 200,
        30_000,
        'the api to answer /health',
      );
      return { ...p, url };
    },
    count: async (sql, params = []) => Number((await t.sql<{ n: string }>(sql, params))[0].n),
    close: async () => {
      for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await Promise.all(running.map((p) => p.exited));
      await t.close();
      await backOffice.close();
      await smtp.stop();
    },
  };
}
