/**
 * Where the tests find PostgreSQL and Redis. Defaults are the machine's services; each run gets
 * its own databases (cloned from a migrated template) and its own Redis key prefix.
 */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function runId(): string {
  const id = process.env.MELDPUNT_TEST_RUN;
  if (!id) throw new Error('MELDPUNT_TEST_RUN is not set: run the e2e tests through jest (global setup)');
  return id;
}

export function templateDatabase(): string {
  return `mp_test_${runId()}_template`;
}
