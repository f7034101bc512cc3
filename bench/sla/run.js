#!/usr/bin/env node
/**
 * SLA timer benchmark (issue: SLA engine). Seeds N open tickets whose response warnings and
 * breaches fall due over the next minutes, starts the worker (apps/worker) on them, flushes its
 * timer jobs from Redis mid-run, and reports:
 *   - how long the reconciler takes to plan all timers (at start, Redis empty) and to re-create
 *     them after the flush;
 *   - how late warnings and breaches fire (p50/p99/max), how many were missed or duplicated.
 * Same-run reference: bare BullMQ delayed jobs (no PostgreSQL work) on the same machine.
 *
 *   npm run bench:sla                 # N=100000, due over 240 s from +90 s
 *   SLA_BENCH_TICKETS=20000 SLA_BENCH_SPREAD_S=60 npm run bench:sla
 *
 * Only loopback traffic; every phase is bounded in time; the database and Redis keys are removed.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Queue, Worker } = require('bullmq');
const { ROOT, ADMIN_URL, REDIS_URL, sleep, dbUrl, sql, removeKeys, appendReport, runBounded, dropBenchData } = require('../bench-support');

const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
const MIGRATE_MAIN = path.join(ROOT, 'dist/apps/api/src/cli/migrate.js');
const N = Number(process.env.SLA_BENCH_TICKETS || 100000);
const LEAD_S = Number(process.env.SLA_BENCH_LEAD_S || 90);
const SPREAD_S = Number(process.env.SLA_BENCH_SPREAD_S || 240);
const WARN_BEFORE_S = 15;
const FLUSH_AFTER_S = 10;
const RUN = randomBytes(4).toString('hex');
const DB = `mp_bench_sla_${RUN}`;
const PREFIX = `mp_bench_sla_${RUN}`;
const MUNICIPALITIES = ['anzegem', 'avelgem', 'deerlijk', 'harelbeke', 'kortrijk', 'kuurne', 'lendelede', 'menen', 'spiere-helkijn', 'waregem', 'wervik', 'wevelgem', 'zwevegem'];

const log = (line) => process.stdout.write(`[bench:sla] ${line}\n`);
let worker = null;

function env() {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'development', // the built-in mail sink takes any escalation mail; production requires SMTP_URL
    DATABASE_URL: dbUrl(DB),
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    DATABASE_POOL_SIZE: '20',
  };
}

async function seedTickets(t0) {
  // Response warnings and breaches spread evenly; resolution deadlines days away (beyond the
  // planning horizon, so they stay in PostgreSQL only, as in production).
  await sql(
    dbUrl(DB),
    `INSERT INTO ticket (id, number, reference, kind, channel, category_code, subject, description, municipality_code,
       priority, status, sla_policy, response_due_at, response_warn_at, resolution_due_at, resolution_warn_at, created_at, updated_at)
     SELECT gen_random_uuid(), 1000000000 + n, 'BENCH-' || n, 'report', 'web', 'public-lighting', 'Bench', 'Bench ticket',
       ($4::text[])[1 + n % 13], 'P3', 'new', '{"id":"bench"}'::jsonb,
       due, due - make_interval(secs => $5), due + interval '3 days', due + interval '2 days', now(), now()
     FROM (SELECT n, $1::timestamptz + make_interval(secs => $2 + random() * $3) AS due FROM generate_series(1, $6) n) s`,
    [new Date(t0).toISOString(), LEAD_S, SPREAD_S, MUNICIPALITIES, WARN_BEFORE_S, N],
  );
}

function startWorker(lines) {
  const child = spawn(process.execPath, [WORKER_MAIN], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return child;
}

async function waitForLine(lines, pattern, fromIndex, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (let i = fromIndex; i < lines.length; i++) {
      const match = pattern.exec(lines[i]);
      if (match) return { match, index: i };
    }
    await sleep(100);
  }
  throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms`);
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] ?? NaN };
}

/** Reference: bare BullMQ delayed jobs, no database work, same spread density. */
async function bullmqReference() {
  const count = Math.min(20000, N);
  const spreadMs = 30000;
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  const prefix = `${PREFIX}_ref`;
  const queue = new Queue('reference', { connection, prefix });
  const late = [];
  const bare = new Worker('reference', async (job) => void late.push(Date.now() - job.data.due), { connection, prefix, concurrency: 20 });
  const start = Date.now() + 5000;
  const jobs = Array.from({ length: count }, (_, i) => {
    const due = start + Math.random() * spreadMs;
    return { name: 'ref', data: { due }, opts: { jobId: `ref-${i}`, delay: due - Date.now(), removeOnComplete: true } };
  });
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
  const until = start + spreadMs + 20000;
  while (late.length < count && Date.now() < until) await sleep(200);
  await bare.close();
  await queue.close();
  await removeKeys(`${prefix}:*`);
  return percentiles(late);
}

function machine() {
  const pg = sql(ADMIN_URL, "SELECT current_setting('server_version') AS v");
  let redis = '?';
  try {
    redis = execFileSync('redis-server', ['--version']).toString().match(/v=(\S+)/)[1];
  } catch {}
  return pg.then(([{ v }]) => `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${v}, Redis ${redis}`);
}

async function main() {
  if (!fs.existsSync(WORKER_MAIN)) throw new Error('dist missing: run `npm run build` (npm run bench:sla does)');
  log(`database ${DB}, Redis prefix ${PREFIX}, ${N} tickets, due from +${LEAD_S} s over ${SPREAD_S} s`);
  await sql(ADMIN_URL, `CREATE DATABASE ${DB}`);
  execFileSync(process.execPath, [MIGRATE_MAIN], { env: env(), stdio: 'ignore' });
  const t0 = Date.now();
  await seedTickets(t0);
  log(`seeded ${N} tickets in ${Date.now() - t0} ms`);

  const lines = [];
  worker = startWorker(lines);
  const reconcilePattern = /SLA reconciler re-created (\d+) timer jobs in (\d+) ms/;
  const first = await waitForLine(lines, reconcilePattern, 0, 120000);
  const initial = { jobs: Number(first.match[1]), ms: Number(first.match[2]) };
  log(`start-up reconcile: ${initial.jobs} jobs in ${initial.ms} ms`);

  await sleep(Math.max(0, t0 + FLUSH_AFTER_S * 1000 - Date.now()));
  const flushed = await removeKeys(`${PREFIX}:sla-timers:*`);
  log(`flushed ${flushed} timer keys from Redis`);
  const second = await waitForLine(lines, reconcilePattern, first.index + 1, 90000);
  const recovery = { jobs: Number(second.match[1]), ms: Number(second.match[2]) };
  log(`reconcile after the flush: ${recovery.jobs} jobs in ${recovery.ms} ms`);

  const endAt = t0 + (LEAD_S + SPREAD_S) * 1000 + 15000;
  let fired = 0;
  while (Date.now() < endAt || (fired < 2 * N && Date.now() < endAt + 60000)) {
    [{ fired }] = await sql(dbUrl(DB), "SELECT count(*)::int AS fired FROM ticket_event WHERE type IN ('sla_warning', 'sla_breached')");
    if (fired >= 2 * N && Date.now() >= endAt - 10000) break;
    await sleep(2000);
  }
  const rows = await sql(
    dbUrl(DB),
    `SELECT type, extract(epoch FROM (at - (data->>'dueAt')::timestamptz)) * 1000 AS late_ms FROM ticket_event
      WHERE type IN ('sla_warning', 'sla_breached')`,
  );
  const [{ distinct }] = await sql(dbUrl(DB), "SELECT count(DISTINCT (ticket_id, type))::int AS distinct FROM ticket_event WHERE type IN ('sla_warning', 'sla_breached')");
  const warnings = percentiles(rows.filter((r) => r.type === 'sla_warning').map((r) => Number(r.late_ms)));
  const breaches = percentiles(rows.filter((r) => r.type === 'sla_breached').map((r) => Number(r.late_ms)));
  const missed = 2 * N - distinct;
  const duplicated = rows.length - distinct;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  worker = null;

  log('reference: bare BullMQ delayed jobs');
  const reference = await bullmqReference();
  const fmt = (p) => `${p.count} | ${p.p50.toFixed(0)} | ${p.p99.toFixed(0)} | ${p.max.toFixed(0)}`;
  const report = [
    `## SLA timers (bench/sla) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`SLA_BENCH_TICKETS=${N} SLA_BENCH_SPREAD_S=${SPREAD_S} npm run bench:sla\`. Machine: ${await machine()}.`,
    `${N} open tickets; response warnings and breaches due between +${LEAD_S - WARN_BEFORE_S} s and +${LEAD_S + SPREAD_S} s; worker process alone (apps/worker); its timer keys flushed from Redis ${FLUSH_AFTER_S} s after the start.`,
    '',
    '| what | jobs | time |',
    '|---|---|---|',
    `| reconcile at start (Redis empty) | ${initial.jobs} | ${initial.ms} ms |`,
    `| reconcile after the flush | ${recovery.jobs} | ${recovery.ms} ms |`,
    '',
    '| lateness (ms) | fired | p50 | p99 | max |',
    '|---|---|---|---|---|',
    `| warnings | ${fmt(warnings)} |`,
    `| breaches | ${fmt(breaches)} |`,
    `| reference: bare BullMQ delayed jobs (same machine, same run) | ${fmt(reference)} |`,
    '',
    `Missed: ${missed}. Duplicated: ${duplicated}. Goal: p99 < 1000 ms, none missed or duplicated, reconcile of 100,000 tickets < 10 s.`,
    '',
  ].join('\n');
  appendReport(report);
}

async function cleanup() {
  if (worker) worker.kill('SIGKILL');
  await dropBenchData(DB, PREFIX);
}

runBounded({ main, cleanup, limitMs: (LEAD_S + SPREAD_S + 300) * 1000, log });
