'use strict';
/**
 * Intake benchmark: `npm run bench:intake` (builds first), or `node bench/intake/run.js` on a
 * fresh build.
 *
 *  1. creates a fresh database mp_bench_<random> on the local PostgreSQL and starts the api
 *     (dist/, as shipped: RUN_WORKER=true, LOG_LEVEL=warn) on a free port of 127.0.0.1;
 *  2. warm-up, then phase 1: autocannon, N connections for 30 s: tickets/s, p50/p99, non-2xx;
 *  3. phase 2: an open-loop generator offering 500 requests/s for 30 s: p50/p99 from the due time;
 *  4. checks that the database holds exactly one ticket, event and outbox row per 201;
 *  5. stops the api and runs pgbench for 30 s on intake.pgbench.sql (the same INSERT statement,
 *     as many clients as the api's pool) as the same-run reference, and prints the ratio;
 *  6. prints a markdown summary, appends it to docs/benchmarks.md, writes the raw figures to
 *     bench/results/ (git-ignored), stops everything and drops the database.
 *
 * Settings (environment): BENCH_DURATION (s, 30), BENCH_WARMUP (s, 5), BENCH_CONNECTIONS (50),
 * BENCH_RATE (500), DATABASE_POOL_SIZE (20), PGBENCH_CLIENTS (= pool size), BENCH_PG_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (redis://127.0.0.1:6379),
 * BENCH_QUIET_WAIT (s, 120: how long to wait for other work on the machine to stop first),
 * BENCH_NO_DOC=1 (do not touch docs/benchmarks.md), and for investigation only (the doc entry
 * says so): BENCH_LOG_LEVEL, BENCH_RUN_WORKER, BENCH_API_NODE_ARGS (e.g. "--cpu-prof"),
 * BENCH_API_MAIN (another build of apps/api/src/main.js, e.g. a patched copy).
 * All traffic goes to 127.0.0.1; every step has a time limit and a watchdog ends the run.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { makeBodies } = require('./bodies');
const { fixedRate } = require('./fixed-rate');

const ROOT = path.resolve(__dirname, '..', '..');
const API_MAIN = path.resolve(process.env.BENCH_API_MAIN || path.join(ROOT, 'dist/apps/api/src/main.js'));
// The source tree the api under test was built from (dist/apps/api/src/main.js → four levels up).
const API_ROOT = path.resolve(path.dirname(API_MAIN), '..', '..', '..', '..');
const PGBENCH_SCRIPT = path.join(__dirname, 'intake.pgbench.sql');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const HOST = '127.0.0.1';

const env = process.env;
const num = (name, fallback, min = Number.MIN_VALUE) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name} must be ${min === 0 ? 'a number ≥ 0' : 'a positive number'}, got '${raw}'`);
  }
  return value;
};
const CFG = {
  duration: num('BENCH_DURATION', 30),
  warmup: num('BENCH_WARMUP', 5),
  connections: num('BENCH_CONNECTIONS', 50),
  rate: num('BENCH_RATE', 500),
  poolSize: num('DATABASE_POOL_SIZE', 20),
  bodies: 1000,
  quietWait: num('BENCH_QUIET_WAIT', 120, 0),
  adminUrl: env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  logLevel: env.BENCH_LOG_LEVEL || 'warn',
  runWorker: env.BENCH_RUN_WORKER || 'true',
  apiNodeArgs: (env.BENCH_API_NODE_ARGS || '').split(/\s+/).filter(Boolean),
  writeDoc: !['1', 'true', 'yes'].includes((env.BENCH_NO_DOC || '').toLowerCase()),
};
CFG.pgbenchClients = num('PGBENCH_CLIENTS', CFG.poolSize);
const STAMP = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const RUN_ID = randomBytes(4).toString('hex');
const DB_NAME = `mp_bench_${RUN_ID}`;
const REDIS_PREFIX = `mp_bench_${RUN_ID}`;
const API_LOG = path.join(RESULTS_DIR, `intake-${STAMP}-api.log`);

const log = (line) => process.stdout.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Clean-up: whatever happens, the api is stopped, the database dropped, the Redis keys removed.

let api = null; // the api child process
let dbCreated = false;
let cleaning = null;

async function cleanup() {
  cleaning ??= (async () => {
    await ownerPoller?.stop();
    await stopApi().catch((e) => log(`stopping the api failed: ${e.message}`));
    if (dbCreated) {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`))
        .then(() => log(`dropped database ${DB_NAME}`))
        .catch((e) => log(`could not drop database ${DB_NAME}: ${e.message}`));
    }
    await removeRedisKeys().catch((e) => log(`could not clean Redis keys ${REDIS_PREFIX}:*: ${e.message}`));
  })();
  return cleaning;
}

function stopApi() {
  const child = api;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function removeRedisKeys() {
  const Redis = require('ioredis');
  const redis = new Redis(CFG.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  try {
    await redis.connect();
    let cursor = '0';
    let removed = 0;
    const deadline = Date.now() + 30_000;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0' && Date.now() < deadline);
    if (removed) log(`removed ${removed} Redis keys ${REDIS_PREFIX}:*`);
  } finally {
    redis.disconnect();
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

async function withAdmin(fn, database) {
  const url = new URL(CFG.adminUrl);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
const benchDb = (fn) => withAdmin(fn, DB_NAME);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

// CPU accounting from /proc: who used the two cores during a phase.
const CLK_TCK = Number(run('getconf', ['CLK_TCK'])) || 100;
function procCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
  } catch {
    return 0;
  }
}
/** The main thread (the event loop): ns on a CPU and ns runnable but waiting for one. */
function schedstat(pid) {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return { run, wait };
  } catch {
    return { run: 0, wait: 0 };
  }
}
function pidsNamed(name) {
  return fs.readdirSync('/proc').filter((p) => {
    if (!/^\d+$/.test(p)) return false;
    try {
      return fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}
function machineBusySeconds() {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const v = f.map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - v[3] - v[4]) / CLK_TCK; // minus idle and iowait
}
// Which database each PostgreSQL backend serves, polled from pg_stat_activity: on a shared
// server the backends of other databases (someone else's tests or benchmarks) are "other" work.
const pgOwners = new Map();
let ownerPoller = null;
async function startOwnerPoller() {
  const client = new Client({ connectionString: CFG.adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  const self = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const poll = async () => {
    const { rows } = await client.query('SELECT pid, datname FROM pg_stat_activity');
    for (const r of rows) pgOwners.set(String(r.pid), r.pid === self ? DB_NAME : (r.datname ?? ''));
  };
  await poll();
  const timer = setInterval(() => void poll().catch(() => undefined), 1000);
  ownerPoller = {
    stop: async () => {
      clearInterval(timer);
      await client.end().catch(() => undefined);
    },
  };
}
/** Ours: our database, the server's own processes (no database), or not seen yet. */
function pgOwner(pid) {
  const db = pgOwners.get(pid);
  return db === undefined || db === '' || db === DB_NAME || db === 'postgres' ? null : db;
}

/** Every process: pid → [name, CPU seconds]. */
function allProcesses() {
  const out = {};
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[pid] = [name, (Number(fields[11]) + Number(fields[12])) / CLK_TCK];
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
function cpuSnapshot(extraPid) {
  const procs = allProcesses();
  const pg = {};
  const redis = {};
  for (const [pid, [name, seconds]] of Object.entries(procs)) {
    if (name === 'postgres' && !pgOwner(pid)) pg[pid] = seconds;
    if (name === 'redis-server') redis[pid] = seconds;
  }
  return {
    procs,
    extraPid,
    at: Date.now(),
    api: api ? procCpuSeconds(api.pid) : 0,
    apiLoop: api ? schedstat(api.pid) : { run: 0, wait: 0 },
    extra: extraPid ? procCpuSeconds(extraPid) : 0,
    self: process.cpuUsage(),
    pg,
    redis,
    machine: machineBusySeconds(),
  };
}
/** Per cent of one core, per consumer, between two snapshots (200 % = both cores). */
function cpuShare(a, b) {
  const wall = (b.at - a.at) / 1000;
  let pg = 0;
  for (const [pid, s] of Object.entries(b.pg)) pg += s - (a.pg[pid] ?? 0);
  let redis = 0;
  for (const [pid, s] of Object.entries(b.redis)) redis += s - (a.redis[pid] ?? 0);
  const self = (b.self.user + b.self.system - a.self.user - a.self.system) / 1e6;
  const pct = (s) => Math.round((s / wall) * 100);
  const share = {
    api: pct(b.api - a.api),
    postgres: pct(pg),
    redis: pct(redis),
    loadGenerator: pct(self),
    pgbench: pct(b.extra - a.extra),
    machine: pct(b.machine - a.machine),
  };
  // The api's event loop: busy on a CPU, and runnable but waiting for one (the cores are shared).
  share.apiLoopRun = Math.round((b.apiLoop.run - a.apiLoop.run) / 1e7 / wall);
  share.apiLoopWait = Math.round((b.apiLoop.wait - a.apiLoop.wait) / 1e7 / wall);
  // Whatever else ran on the machine meanwhile (kernel work for the loopback traffic included).
  share.other = Math.max(
    0,
    share.machine - share.api - share.postgres - share.redis - share.loadGenerator - share.pgbench,
  );
  // Who the others were (processes alive at the end; ones that came and went only show in `other`).
  const ours = new Set([String(process.pid), String(api?.pid), String(b.extraPid)]);
  const byName = {};
  for (const [pid, [name, seconds]] of Object.entries(b.procs)) {
    if (ours.has(pid) || name === 'redis-server') continue;
    if (name === 'postgres' && !pgOwner(pid)) continue;
    const label = name === 'postgres' ? `postgres (database ${pgOwner(pid)})` : name;
    // A process started meanwhile counts from zero.
    byName[label] = (byName[label] ?? 0) + seconds - (a.procs[pid]?.[1] ?? 0);
  }
  share.otherTop = Object.entries(byName)
    .map(([name, seconds]) => [name, pct(seconds)])
    .filter(([, p]) => p >= 2)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4);
  return share;
}

// ---------------------------------------------------------------------------------------------
// The api.

async function startApi(port) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = fs.openSync(API_LOG, 'a');
  const dbUrl = new URL(CFG.adminUrl);
  dbUrl.pathname = `/${DB_NAME}`;
  const child = spawn(process.execPath, [...CFG.apiNodeArgs, API_MAIN], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: {
      PATH: env.PATH,
      HOME: env.HOME,
      // development: citizens' mails go to the built-in sink (production requires SMTP_URL).
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl.toString(),
      DATABASE_POOL_SIZE: String(CFG.poolSize),
      REDIS_URL: CFG.redisUrl,
      REDIS_PREFIX,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      SEED_DEMO: 'true',
      PORT: String(port),
      LOG_LEVEL: CFG.logLevel,
      RUN_WORKER: CFG.runWorker,
      DATA_DIR: path.join(os.tmpdir(), `mp_bench_${RUN_ID}`),
    },
  });
  fs.closeSync(out);
  api = child;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the api exited during start-up (${JSON.stringify(exited)}); see ${API_LOG}`);
    try {
      const res = await fetch(`http://${HOST}:${port}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && (await res.json()).status === 'ok') return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the api did not become healthy within 90 s; see ${API_LOG}`);
}

async function login(port) {
  const res = await fetch(`http://${HOST}:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@meldpunt.local', password: 'meldpunt-demo' }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

function closedLoop({ port, token, bodies, connections, duration }) {
  let next = 0;
  const promise = new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://${HOST}:${port}`,
        connections,
        duration,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/tickets',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            // Called once per request written to a socket (autocannon builds each just before sending).
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(Object.assign(result, { built: next }))),
    );
  });
  return withTimeout(promise, (duration + 60) * 1000, 'autocannon');
}

function summariseAutocannon(r) {
  const created = r.statusCodeStats?.['201']?.count ?? 0;
  return {
    seconds: r.duration,
    connections: r.connections,
    requests: r.requests.total,
    created,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    ticketsPerSecond: r['2xx'] / r.duration,
    // Requests sent but not answered when autocannon stopped at the deadline and closed its sockets:
    // the api still handles them, so they are tickets without a 201 on our side.
    abandoned: r.built - r.requests.total - r.errors,
    latency: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.mean,
    },
  };
}

async function waitForOutboxDrain(maxMs) {
  const started = Date.now();
  let backlog = null;
  while (Date.now() - started < maxMs) {
    backlog = Number(
      (await benchDb((c) => c.query('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')))
        .rows[0].n,
    );
    if (backlog === 0) break;
    await sleep(250);
  }
  return { backlog, waitedMs: Date.now() - started };
}

/** What one intake writes: the ticket, its `created` event and its `ticket.created` outbox row. */
async function tableCounts() {
  const { rows } = await benchDb((c) =>
    c.query(`SELECT (SELECT count(*) FROM ticket) AS tickets,
                    (SELECT count(*) FROM ticket_event WHERE type = 'created') AS events,
                    (SELECT count(*) FROM outbox_event WHERE type = 'ticket.created') AS outbox`),
  );
  return { tickets: Number(rows[0].tickets), events: Number(rows[0].events), outbox: Number(rows[0].outbox) };
}

/** Rows the in-process workers added besides the intake's (history and outbox types), for the record. */
async function backgroundRows() {
  const { rows } = await benchDb((c) =>
    c.query(`SELECT 'ticket_event ' || type AS what, count(*)::int AS n FROM ticket_event WHERE type <> 'created' GROUP BY type
             UNION ALL
             SELECT 'outbox_event ' || type, count(*)::int FROM outbox_event WHERE type <> 'ticket.created' GROUP BY type
             ORDER BY 1`),
  );
  return Object.fromEntries(rows.map((r) => [r.what, r.n]));
}

/** The BullMQ queues under our prefix: jobs still to do (waiting, active) and delayed ones. */
async function queueBacklog() {
  const Redis = require('ioredis');
  const redis = new Redis(CFG.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  try {
    await redis.connect();
    const queues = new Set();
    let cursor = '0';
    const deadline = Date.now() + 10_000;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_PREFIX}:*:meta`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) queues.add(key.slice(REDIS_PREFIX.length + 1, -':meta'.length));
    } while (cursor !== '0' && Date.now() < deadline);
    const out = {};
    for (const q of [...queues].sort()) {
      const k = (suffix) => `${REDIS_PREFIX}:${q}:${suffix}`;
      const [wait, active, prioritized, delayed, completed, failed] = await Promise.all([
        redis.llen(k('wait')),
        redis.llen(k('active')),
        redis.zcard(k('prioritized')),
        redis.zcard(k('delayed')),
        redis.zcard(k('completed')),
        redis.zcard(k('failed')),
      ]);
      out[q] = { todo: wait + active + prioritized, delayed, completed, failed };
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// pgbench.

/**
 * The pgbench script must write what the api writes: compare its column lists with the
 * repository's intake statement and TICKET_COLUMNS in the source of the api under test.
 */
function checkPgbenchScriptInStep() {
  const repoFile = path.join(API_ROOT, 'libs/tickets/src/ticket.repository.ts');
  const recordFile = path.join(API_ROOT, 'libs/tickets/src/ticket-record.ts');
  if (!fs.existsSync(repoFile) || !fs.existsSync(recordFile)) {
    throw new Error(`cannot find the intake SQL of the api under test in ${API_ROOT}`);
  }
  const repo = fs.readFileSync(repoFile, 'utf8');
  const record = fs.readFileSync(recordFile, 'utf8');
  const script = fs.readFileSync(PGBENCH_SCRIPT, 'utf8');
  const list = (text, re) => {
    const m = re.exec(text);
    return m
      ? m[1]
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
          .join(', ')
      : null;
  };
  const pairs = ['ticket', 'ticket_event', 'outbox_event'].map((table) => {
    const re = new RegExp(`INSERT INTO ${table} \\(([^)]*)\\)`);
    return [`INSERT INTO ${table}`, list(repo, re), list(script, re)];
  });
  pairs.push([
    'RETURNING (TICKET_COLUMNS)',
    list(record, /TICKET_COLUMNS = `([^`]*)`/),
    list(script, /RETURNING ([^)]*)\),\s*e AS/),
  ]);
  const differ = pairs.filter(([, api, bench]) => !api || api !== bench);
  if (differ.length) {
    throw new Error(
      `bench/intake/intake.pgbench.sql is out of step with the api's intake SQL (${differ
        .map(([what, api, bench]) => `${what}:\n  api:   ${api}\n  bench: ${bench}`)
        .join('\n')}); update the script so pgbench writes the same rows`,
    );
  }
}

async function runPgbench() {
  // The rows pgbench writes are the rows the api wrote: same descriptions, same derived fields.
  await benchDb(async (c) => {
    await c.query(`CREATE TABLE bench_intake_body AS
      SELECT (row_number() OVER (ORDER BY t.number))::int AS i, t.kind, t.channel, t.category_code, t.subject,
        t.description, t.municipality_code, t.location_address, t.location_postcode, t.location_lat,
        t.location_lon, t.reporter_name, t.reporter_email, t.reporter_phone, t.reporter_language,
        t.reporter_consent, t.priority, t.sla_policy, t.response_due_at, t.resolution_due_at, t.response_warn_at,
        t.resolution_warn_at, e.actor
      FROM (SELECT * FROM ticket ORDER BY number LIMIT ${CFG.bodies}) t
      JOIN ticket_event e ON e.ticket_id = t.id AND e.type = 'created'`);
    await c.query('ALTER TABLE bench_intake_body ADD PRIMARY KEY (i)');
    await c.query('ANALYZE bench_intake_body');
    await c.query('CHECKPOINT');
  });
  const nbodies = Number(
    (await benchDb((c) => c.query('SELECT count(*) AS n FROM bench_intake_body'))).rows[0].n,
  );
  const before = await tableCounts();
  const url = new URL(CFG.adminUrl);
  const threads = Math.min(os.availableParallelism?.() ?? os.cpus().length, CFG.pgbenchClients);
  const args = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    '-n',
    '-M',
    'extended',
    '-c',
    String(CFG.pgbenchClients),
    '-j',
    String(threads),
    '-T',
    String(CFG.duration),
    '-D',
    `nbodies=${nbodies}`,
    '-f',
    PGBENCH_SCRIPT,
    DB_NAME,
  ];
  const command = `pgbench ${args.join(' ').replace(PGBENCH_SCRIPT, path.relative(ROOT, PGBENCH_SCRIPT))}`;
  log(`pgbench: ${command}`);
  const pgEnv = { ...env, PGAPPNAME: 'meldpunt-bench' };
  if (url.password) pgEnv.PGPASSWORD = decodeURIComponent(url.password);
  const child = spawn('pgbench', args, { env: pgEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const cpuStart = cpuSnapshot(child.pid);
  let cpuEnd = null;
  // Sample just before the end: the postgres backends of pgbench are gone once it exits.
  const sampler = setTimeout(() => (cpuEnd = cpuSnapshot(child.pid)), (CFG.duration - 0.5) * 1000);
  const code = await withTimeout(
    new Promise((resolve) => child.once('exit', (c) => resolve(c))),
    (CFG.duration + 60) * 1000,
    'pgbench',
  ).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  clearTimeout(sampler);
  if (code !== 0) throw new Error(`pgbench exited with ${code}: ${stderr.trim() || stdout.trim()}`);
  const grab = (re) => {
    const m = re.exec(stdout);
    return m ? Number(m[1]) : null;
  };
  const after = await tableCounts();
  return {
    command,
    clients: CFG.pgbenchClients,
    threads,
    nbodies,
    tps: grab(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAverageMs: grab(/latency average = ([\d.]+) ms/),
    transactions: grab(/number of transactions actually processed: (\d+)/),
    failed: grab(/number of failed transactions: (\d+)/) ?? 0,
    rowsWritten: {
      tickets: after.tickets - before.tickets,
      events: after.events - before.events,
      outbox: after.outbox - before.outbox,
    },
    cpu: cpuEnd ? cpuShare(cpuStart, cpuEnd) : null,
    output: stdout.trim(),
  };
}

// ---------------------------------------------------------------------------------------------
// Machine, report and doc.

async function machineInfo() {
  const cpus = os.cpus();
  let cgroupCpu = null;
  try {
    cgroupCpu = fs.readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim();
  } catch {
    // no cgroup v2 limit file
  }
  const pgVersion = await withAdmin(
    async (c) => (await c.query('SHOW server_version')).rows[0].server_version,
  );
  const settings = await withAdmin(async (c) => {
    const out = {};
    for (const name of ['shared_buffers', 'synchronous_commit', 'fsync', 'max_connections']) {
      out[name] = (await c.query(`SHOW ${name}`)).rows[0][name];
    }
    return out;
  });
  // The commit the api was built from: git, or a .commit file next to an exported tree.
  let gitHead = run('git', ['-C', API_ROOT, 'rev-parse', '--short', 'HEAD']);
  // Changes outside bench/ and docs/ (what the api is built from) make the tree dirty.
  let gitDirty = gitHead
    ? run('git', [
        '-C',
        API_ROOT,
        'status',
        '--porcelain',
        '--untracked-files=all',
        '--',
        '.',
        ':!bench',
        ':!docs',
      ])
    : null;
  if (!gitHead && fs.existsSync(path.join(API_ROOT, '.commit'))) {
    gitHead = `${fs.readFileSync(path.join(API_ROOT, '.commit'), 'utf8').trim()} (clean export in ${API_ROOT})`;
  }
  return {
    nproc: Number(run('nproc', [])) || cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cgroupCpu,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
    pgSettings: settings,
    pgbench: run('pgbench', ['--version']),
    autocannon: require('autocannon/package.json').version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: gitHead ? `${gitHead}${gitDirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
  };
}

const f0 = (n) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US');
const f1 = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const f2 = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const verdict = (ok) => (ok ? 'met' : '**not met**');

function describeBackground(bg) {
  const rows = Object.entries(bg.rows)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
  const queues = bg.queues.error
    ? `queues unreadable (${bg.queues.error})`
    : Object.entries(bg.queues)
        .map(
          ([q, c]) =>
            `${q} ${c.todo} to do / ${c.delayed} delayed / ${c.completed} done${c.failed ? ` / ${c.failed} failed` : ''}`,
        )
        .join('; ');
  return `${rows || "no rows besides the intake's"}; BullMQ jobs: ${queues || 'none'}`;
}

function report(r) {
  const { machine: m, phase1: p1, phase2: p2, pgbench: pb } = r;
  const deviations = [];
  if (CFG.logLevel !== 'warn') deviations.push(`LOG_LEVEL=${CFG.logLevel}`);
  if (CFG.runWorker !== 'true') deviations.push(`RUN_WORKER=${CFG.runWorker}`);
  if (CFG.apiNodeArgs.length) deviations.push(`api node args ${CFG.apiNodeArgs.join(' ')}`);
  const settings = [
    `BENCH_DURATION=${CFG.duration}`,
    `BENCH_CONNECTIONS=${CFG.connections}`,
    `BENCH_RATE=${CFG.rate}`,
    `DATABASE_POOL_SIZE=${CFG.poolSize}`,
    `PGBENCH_CLIENTS=${CFG.pgbenchClients}`,
  ].join(' ');
  // The command as it was given: the settings that were set in the environment, then the script.
  const given = ['BENCH_API_MAIN', ...Object.keys(env).filter((k) => /^(BENCH_|PGBENCH_)/.test(k))]
    .concat(env.DATABASE_POOL_SIZE ? ['DATABASE_POOL_SIZE'] : [])
    .filter((k, i, all) => env[k] !== undefined && all.indexOf(k) === i)
    .map((k) => `${k}=${/\s/.test(env[k]) ? `'${env[k]}'` : env[k]}`);
  const command = [
    ...given,
    env.npm_lifecycle_event === 'bench:intake' ? 'npm run bench:intake' : 'node bench/intake/run.js',
  ].join(' ');
  const noisy = [
    ['phase 1', p1.cpu],
    ['phase 2', p2.cpu],
    ['pgbench', pb.cpu],
  ].filter(([, cpu]) => (cpu?.other ?? 0) > 20);
  const who = (cpu) =>
    cpu.otherTop.length ? ` (${cpu.otherTop.map(([name, p]) => `${name} ${p} %`).join(', ')})` : '';
  const lines = [
    `### Run of ${r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`,
    '',
    `- Command: \`${command}\` (${settings}${deviations.length ? `; **not as shipped: ${deviations.join(', ')}**` : ''})`,
    `- Code: commit ${m.commit}; api from ${env.BENCH_API_MAIN ? API_MAIN : 'dist/'} with NODE_ENV=development (built-in mail sink), ` +
      `LOG_LEVEL=${CFG.logLevel}, RUN_WORKER=${CFG.runWorker}`,
    `- Machine: ${m.nproc} cores (${m.cpuModel}${m.cgroupCpu ? `, cgroup cpu.max ${m.cgroupCpu}` : ''}), ` +
      `${m.memoryGiB} GiB RAM, ${m.kernel}; before the run: load average ${m.loadAverage.join(' / ')}, ` +
      `${m.busyBeforeRun} % CPU busy over 3 s`,
    `- Software: Node ${m.node}, PostgreSQL ${m.postgres} (local, shared_buffers ${m.pgSettings.shared_buffers}, ` +
      `synchronous_commit ${m.pgSettings.synchronous_commit}, fsync ${m.pgSettings.fsync}), ${m.pgbench}, autocannon ${m.autocannon}`,
    `- The api (one Node process${CFG.runWorker === 'true' ? ', outbox relay and queue workers in-process' : ', no workers in it'}), ` +
      'PostgreSQL, Redis and the load generator ' +
      '(autocannon or the fixed-rate generator, one Node process) all share these cores: the figures are ' +
      'for the whole stack on one small machine, not for the api alone.',
    `- Bodies: ${CFG.bodies} distinct realistic bodies in rotation (6 categories, 14 postcodes, Dutch descriptions ` +
      '100-600 characters, reporter with name, e-mail, phone, consent); no Idempotency-Key.',
    ...(noisy.length
      ? [
          `- **Noisy run**: other processes used ${noisy.map(([phase, cpu]) => `${cpu.other} % of a core during ${phase}${who(cpu)}`).join(', ')}; ` +
            'these figures understate the stack and the ratio compares unequal conditions.',
        ]
      : []),
    '',
    '| Measure | Result | Goal |',
    '| --- | --- | --- |',
    `| Max throughput: autocannon, ${p1.connections} connections, ${f0(p1.seconds)} s | ` +
      `**${f0(p1.ticketsPerSecond)} tickets/s** (${f0(p1.created)} created) | ≥ 1,000/s: ${verdict(p1.ticketsPerSecond >= 1000)} |`,
    `| Latency at max throughput, p50 / p99 (closed loop, at saturation) | ${f1(p1.latency.p50)} / ${f1(p1.latency.p99)} ms | |`,
    `| Non-2xx / errors / timeouts at max throughput | ${p1.non2xx} / ${p1.errors} / ${p1.timeouts} | 0 |`,
    `| Fixed rate: ${p2.offeredRate} req/s offered for ${CFG.duration} s (open loop) | ${f1(p2.achievedRate)} req/s answered, ` +
      `${p2.ok} 2xx, ${p2.non2xx} non-2xx, ${p2.errors} errors | |`,
    `| Latency at ${p2.offeredRate} req/s, p50 / p99 (from the due time) | ${f1(p2.latency.p50)} / **${f1(p2.latency.p99)} ms** | ` +
      `p99 < 50 ms: ${verdict(p2.latency.p99 < 50)} |`,
    `| pgbench reference: the intake INSERT, ${pb.clients} clients, ${CFG.duration} s, api stopped | ` +
      `**${f0(pb.tps)} tps** (latency average ${f2(pb.latencyAverageMs)} ms, ${pb.failed} failed) | |`,
    `| Ratio api tickets/s ÷ pgbench tps | **${f2(r.ratio)}** | ≥ 0.5: ${verdict(r.ratio >= 0.5)} |`,
    `| Rows in the database vs 201 responses (warm-up included) | ${r.check.tickets} tickets, ${r.check.events} \`created\` events, ` +
      `${r.check.outbox} outbox rows / ${r.check.created201} × 201 + ${r.check.abandoned} requests the client gave up on ` +
      `(autocannon deadline, timeouts) | one of each per 201 (+ given-up ones): ${verdict(r.check.ok)} |`,
    `| CPU during max throughput (% of one core, ${m.nproc * 100} % = all) | api ${p1.cpu.api} %, PostgreSQL ${p1.cpu.postgres} %, Redis ${p1.cpu.redis} %, ` +
      `autocannon ${p1.cpu.loadGenerator} %, other ${p1.cpu.other} % (machine ${p1.cpu.machine} %); the api's event loop ` +
      `ran ${p1.cpu.apiLoopRun} % of the time and waited for a core ${p1.cpu.apiLoopWait} % | |`,
    `| CPU at ${p2.offeredRate} req/s | api ${p2.cpu.api} %, PostgreSQL ${p2.cpu.postgres} %, Redis ${p2.cpu.redis} %, ` +
      `generator ${p2.cpu.loadGenerator} %, other ${p2.cpu.other} % (machine ${p2.cpu.machine} %) | |`,
    `| CPU during pgbench | PostgreSQL ${pb.cpu?.postgres ?? 'n/a'} %, pgbench ${pb.cpu?.pgbench ?? 'n/a'} %, ` +
      `other ${pb.cpu?.other ?? 'n/a'} % (machine ${pb.cpu?.machine ?? 'n/a'} %) | |`,
    '',
    (CFG.runWorker === 'true'
      ? `Outbox relay: ${r.outboxAfterPhase1.backlog === 0 ? 'no' : r.outboxAfterPhase1.backlog} unpublished rows ` +
        `${r.outboxAfterPhase1.backlog === 0 ? `(drained ${f1(r.outboxAfterPhase1.waitedMs / 1000)} s after phase 1)` : 'left 30 s after phase 1'}. `
      : `Outbox relay: not in the api (RUN_WORKER=${CFG.runWorker}); ${r.outboxAfterPhase1.backlog} rows unpublished after phase 1. `) +
      `Fixed-rate phase: service time (from the actual send) p50 / p99 ${f1(p2.serviceTime.p50)} / ${f1(p2.serviceTime.p99)} ms, ` +
      `at most ${p2.maxInFlight} requests in flight, ${p2.lateSends} sends more than 5 ms late.`,
    '',
    `Background work of the in-process workers at the end of phase 2: ${describeBackground(r.background)}.`,
    '',
  ];
  return lines.join('\n');
}

const SECTION_INTRO = `What it measures: \`bench/intake/run.js\` starts the api from dist/ against a fresh database on the
local PostgreSQL, creates tickets over HTTP with realistic bodies (phase 1: autocannon, as many as
it can for 30 s; phase 2: an open-loop generator offering 500 requests/s for 30 s, latencies from
the due time), checks that the database holds one ticket, event and outbox row per 201, then stops
the api and runs pgbench for 30 s on \`bench/intake/intake.pgbench.sql\`: the same single INSERT
statement the api runs per intake, with as many clients as the api's pool. The ratio api ÷ pgbench
says how much of what the database can do on this machine the HTTP path delivers; it is measured in
the same run because the machine is noisy. Each run appends an entry below.
`;

function appendToDoc(entry) {
  const heading = '## Intake (bench/intake)';
  let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  if (!text.includes(heading)) text = `${text.trimEnd()}\n\n${heading}\n\n${SECTION_INTRO}\n`;
  const start = text.indexOf(heading) + heading.length;
  const next = text.slice(start).search(/\n## /);
  const at = next === -1 ? text.length : start + next + 1;
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at);
  text = `${before}\n\n${entry.trimEnd()}\n${after ? `\n${after}` : ''}`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, text);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const adminHost = new URL(CFG.adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(adminHost)) {
    throw new Error(`BENCH_PG_URL must point at the local PostgreSQL, not ${adminHost}`);
  }
  if (!fs.existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npm run build first`);
  checkPgbenchScriptInStep();
  if (!run('pgbench', ['--version']))
    throw new Error('pgbench is not installed (Debian 12: apt-get install postgresql-client-15)');

  const startedAt = new Date().toISOString();
  const machine = await machineInfo();
  // On a shared machine, wait (bounded) for a quiet moment: below 20 % of one core over 3 s.
  const quietDeadline = Date.now() + CFG.quietWait * 1000;
  for (;;) {
    const idle0 = cpuSnapshot();
    await sleep(3000);
    machine.busyBeforeRun = cpuShare(idle0, cpuSnapshot()).machine;
    if (machine.busyBeforeRun < 20 || Date.now() >= quietDeadline) break;
    log(
      `the machine is ${machine.busyBeforeRun} % busy; waiting for it to quieten (until BENCH_QUIET_WAIT runs out)`,
    );
  }
  if (machine.busyBeforeRun >= 20) {
    log(`warning: the machine was ${machine.busyBeforeRun} % busy before the run; the figures will be noisy`);
  }
  log(
    `machine: ${machine.nproc} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );

  await withAdmin((c) => c.query(`CREATE DATABASE ${DB_NAME}`));
  dbCreated = true;
  await startOwnerPoller();
  const port = await freePort();
  log(`database ${DB_NAME}; starting the api on ${HOST}:${port} (log: ${path.relative(ROOT, API_LOG)})`);
  await startApi(port);
  const bodies = makeBodies(CFG.bodies);

  log(`warm-up: ${CFG.warmup} s, 10 connections`);
  let token = await login(port);
  const warmup = summariseAutocannon(
    await closedLoop({ port, token, bodies, connections: 10, duration: CFG.warmup }),
  );
  await waitForOutboxDrain(30_000);
  await benchDb((c) => c.query('CHECKPOINT'));

  log(`phase 1: max throughput, ${CFG.connections} connections, ${CFG.duration} s`);
  token = await login(port);
  const cpu1 = cpuSnapshot();
  const phase1 = summariseAutocannon(
    await closedLoop({ port, token, bodies, connections: CFG.connections, duration: CFG.duration }),
  );
  phase1.cpu = cpuShare(cpu1, cpuSnapshot());
  log(
    `phase 1: ${f0(phase1.ticketsPerSecond)} tickets/s, p50 ${f1(phase1.latency.p50)} ms, ` +
      `p99 ${f1(phase1.latency.p99)} ms, non-2xx ${phase1.non2xx}, errors ${phase1.errors}; ` +
      `CPU api ${phase1.cpu.api} % (event loop ${phase1.cpu.apiLoopRun} % running, ${phase1.cpu.apiLoopWait} % waiting for a core), ` +
      `postgres ${phase1.cpu.postgres} %, redis ${phase1.cpu.redis} %, autocannon ${phase1.cpu.loadGenerator} %, other ${phase1.cpu.other} % ${JSON.stringify(phase1.cpu.otherTop)}`,
  );
  const outboxAfterPhase1 = await waitForOutboxDrain(30_000);
  await benchDb((c) => c.query('CHECKPOINT'));

  log(`phase 2: ${CFG.rate} requests/s offered for ${CFG.duration} s`);
  token = await login(port);
  const cpu2 = cpuSnapshot();
  const phase2 = await withTimeout(
    fixedRate({
      host: HOST,
      port,
      path: '/api/v1/tickets',
      headers: { authorization: `Bearer ${token}` },
      bodies: bodies.slice(500).concat(bodies.slice(0, 500)),
      rate: CFG.rate,
      duration: CFG.duration,
    }),
    (CFG.duration + 60) * 1000,
    'the fixed-rate phase',
  );
  phase2.cpu = cpuShare(cpu2, cpuSnapshot());
  log(
    `phase 2: ${f1(phase2.achievedRate)} req/s answered, p50 ${f1(phase2.latency.p50)} ms, ` +
      `p99 ${f1(phase2.latency.p99)} ms, non-2xx ${phase2.non2xx}, errors ${phase2.errors}`,
  );

  const outboxAfterPhase2 = await waitForOutboxDrain(30_000);
  const counts = await tableCounts();
  const background = {
    rows: await backgroundRows(),
    queues: await queueBacklog().catch((e) => ({ error: e.message })),
  };
  const created201 = warmup.created + phase1.created + (phase2.statusCodes['201'] ?? 0);
  // Timed-out requests of phase 2 were given up too, and may still have been handled.
  const abandoned = warmup.abandoned + phase1.abandoned + phase2.errors;
  const check = {
    ...counts,
    created201,
    abandoned,
    // Every 201 is a ticket; a request cut off at autocannon's deadline may be one too, nothing else.
    ok:
      counts.tickets >= created201 &&
      counts.tickets <= created201 + abandoned &&
      counts.events === counts.tickets &&
      counts.outbox === counts.tickets,
  };
  log(
    `check: ${counts.tickets} tickets, ${counts.events} events, ${counts.outbox} outbox rows in the database; ` +
      `${created201} responses 201 + ${abandoned} requests given up unanswered (autocannon's deadline, timeouts) → ` +
      `${check.ok ? 'consistent' : 'NOT CONSISTENT'}`,
  );

  log('stopping the api; pgbench reference');
  await stopApi();
  const pgbench = await runPgbench();
  const ratio = pgbench.tps ? phase1.ticketsPerSecond / pgbench.tps : NaN;
  log(`pgbench: ${f0(pgbench.tps)} tps; ratio ${f2(ratio)}`);
  const pgbenchShapeOk =
    pgbench.rowsWritten.tickets === pgbench.transactions &&
    pgbench.rowsWritten.events === pgbench.transactions &&
    pgbench.rowsWritten.outbox === pgbench.transactions;
  if (!pgbenchShapeOk) {
    throw new Error(
      `pgbench did not write one ticket, event and outbox row per transaction: ${JSON.stringify(pgbench.rowsWritten)} ` +
        `for ${pgbench.transactions} transactions; fix intake.pgbench.sql`,
    );
  }

  const result = {
    startedAt,
    config: CFG,
    machine,
    warmup,
    phase1,
    outboxAfterPhase1,
    phase2,
    outboxAfterPhase2,
    background,
    check,
    pgbench,
    ratio,
  };
  const entry = report(result);
  process.stdout.write(`\n${entry}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `intake-${STAMP}.json`);
  fs.writeFileSync(json, JSON.stringify(result, null, 2));
  log(`raw figures: ${path.relative(ROOT, json)}`);
  if (CFG.writeDoc) {
    appendToDoc(entry);
    log(`appended to ${path.relative(ROOT, DOC)}`);
  }
  return check.ok;
}

const watchdog = setTimeout(
  () => {
    log('watchdog: the run took too long; stopping');
    void cleanup().finally(() => process.exit(1));
  },
  (CFG.quietWait + CFG.warmup + 3 * CFG.duration + 300) * 1000,
);

main()
  .then(async (ok) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error) => {
    process.stderr.write(`[bench] failed: ${error.stack || error.message}\n`);
    await cleanup();
    clearTimeout(watchdog);
    process.exit(1);
  });
