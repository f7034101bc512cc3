import { ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { findFreePort } from '@meldpunt/database';
import { deleteRedisPrefix } from '../support/test-app';
import { API, run } from '../support/processes';
import { TEST_REDIS_URL } from '../support/test-env';

/** The compiled api, run as a user would. */
const runApi = (env: Record<string, string>) => run(API, env);

describe('Starting the service', () => {
  beforeAll(() => {
    if (!existsSync(API)) throw new Error(`${API} is missing: run npm run build first (npm test does)`);
  });

  it.each([
    [
      { DATABASE_URL: 'nonsense' },
      /^api: configuration error: DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\/ \(got 'nonsense'\)$/,
    ],
    [{ PORT: 'eighty' }, /^api: configuration error: PORT must be a whole number from 1 to 65535/],
    [
      { REDIS_URL: 'http://x' },
      /^api: configuration error: REDIS_URL must be a URL starting with redis:\/\//,
    ],
    [{ JWT_SECRET: 'short' }, /^api: configuration error: JWT_SECRET must be at least 32 characters long/],
    [
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      /^api: cannot start: the database does not answer/,
    ],
  ])('stops with one line and exit code 1 on bad configuration %j', async (env, expected) => {
    const { output, exited } = runApi(env);
    expect(await exited).toBe(1);
    // Only start-up choices (JSON log lines) may precede the one line that says what is wrong.
    const lines = output().trim().split('\n');
    // stdout (the JSON log) and stderr (the error) are separate pipes: their order may vary.
    const errorLines = lines.filter((l) => !l.startsWith('{'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(expected);
  });

  it('comes up on the embedded PostgreSQL, answers /health, and reuses its data on the second start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-embedded-'));
    chmodSync(dataDir, 0o755);
    const prefix = `mp_test_${randomBytes(4).toString('hex')}`;
    try {
      for (const round of ['new', 'reused']) {
        const port = await findFreePort();
        const { child, output, exited } = runApi({
          DATA_DIR: dataDir,
          PORT: String(port),
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: prefix,
        });
        try {
          await waitForHealth(port, child, output);
          expect(output()).toContain(`${round} data`);
          if (round === 'new')
            expect(output()).toContain('demo account: admin@meldpunt.local / meldpunt-demo');
        } finally {
          child.kill('SIGTERM');
          await exited;
        }
      }
    } finally {
      await deleteRedisPrefix(prefix);
      spawnSync('pkill', ['-f', `-D ${dataDir}`]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120000);
});

async function waitForHealth(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 90000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the api exited early:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok && ((await res.json()) as { status: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy api within 90 s:\n${output()}`);
}
