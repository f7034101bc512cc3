#!/usr/bin/env node
/**
 * Mail delivery benchmark (issue: e-mail throughput of the background pipeline). Starts a real SMTP
 * server (smtp-server, loopback, in this process), migrates and seeds a database, starts the worker
 * (apps/worker) with SMTP_URL pointing at that server, and reports:
 *   1. delivery: MAILS tickets with a queued acknowledgement (notification row + delivery job, as
 *      the events processor leaves them) drained by the worker: mails/s arriving at the server, and
 *      p50/p99 of one delivery job (BullMQ processedOn → finishedOn: read, compose, send, record);
 *   2. pipeline: MAILS more tickets committed at once with their `created` event and outbox row,
 *      as the intake writes them: mails/s from the commit to the last arrival (outbox relay, events
 *      processor, delivery);
 *   3. same-run reference: plain nodemailer, pooled (same maxConnections and maxMessages, as many
 *      mails in flight as the worker's delivery concurrency), sending the same message to the same
 *      server: mails/s and p50/p99 of one sendMail.
 *
 *   npm run bench:mail                          # 2,000 mails per phase; about 1-3 minutes
 *   MAIL_BENCH_MAILS=5000 npm run bench:mail
 *   MAIL_BENCH_WORKER_MAIN=/tmp/old/dist/apps/worker/src/main.js node bench/mail/run.js   # another build
 *
 * Settings (environment): MAIL_BENCH_MAILS (2000), MAIL_BENCH_PHASE_S (120, the longest a phase
 * may take), MAIL_CONCURRENCY / SMTP_MAX_CONNECTIONS / SMTP_MAX_MESSAGES (passed to the worker;
 * unset: its defaults), BENCH_NO_DOC=1 (print only, leave docs/benchmarks.md alone),
 * MAIL_BENCH_WORKERS (1: worker processes side by side on the same database and Redis),
 * MAIL_BENCH_PROFILE=1 (a CPU profile of the worker in bench/results/), MAIL_BENCH_SINK=1 (no SMTP_URL:
 * the worker's built-in sink takes the mails, as on the embedded defaults; no reference then).
 * Only loopback traffic; every phase is bounded in time; the database and Redis keys are removed.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Queue } = require('bullmq');
const { simpleParser } = require('mailparser');
const { createTransport } = require('nodemailer');
const { SMTPServer } = require('smtp-server');
const { benchRun, envNumber, ROOT, ADMIN_URL, REDIS_URL, sleep, dbUrl, sql, appendReport, runBounded, dropBenchData } = require('../bench-support');

const WORKER_MAIN = process.env.MAIL_BENCH_WORKER_MAIN || path.join(ROOT, 'dist/apps/worker/src/main.js');
const DIST = path.resolve(path.dirname(WORKER_MAIN), '../../..');
const MIGRATE_MAIN = path.join(DIST, 'apps/api/src/cli/migrate.js');
const SEED_MAIN = path.join(DIST, 'apps/api/src/cli/seed.js');
const MAILS = envNumber('MAIL_BENCH_MAILS', 2000);
// The worker without SMTP_URL: its built-in sink takes the mails (arrival = the row's sent_at).
const SINK = process.env.MAIL_BENCH_SINK === '1';
const PHASE_S = envNumber('MAIL_BENCH_PHASE_S', 120);
// What the reference copies from the worker's configuration; unset: the worker's own defaults.
const CONCURRENCY = envNumber('MAIL_CONCURRENCY', 64);
const MAX_CONNECTIONS = envNumber('SMTP_MAX_CONNECTIONS', 8);
const MAX_MESSAGES = envNumber('SMTP_MAX_MESSAGES', 100);
const { RUN, DB, PREFIX } = benchRun('mail');
const RESULTS = path.join(ROOT, 'bench/results');
const MUNICIPALITIES = ['anzegem', 'avelgem', 'deerlijk', 'harelbeke', 'kortrijk', 'kuurne', 'lendelede', 'menen', 'spiere-helkijn', 'waregem', 'wervik', 'wevelgem', 'zwevegem'];

const log = (line) => process.stdout.write(`[bench:mail] ${line}\n`);
// Worker processes side by side, as a scaled-out installation runs them (one per core, say).
const WORKERS = envNumber('MAIL_BENCH_WORKERS', 1);
let workers = [];
let smtp = null;

/** The bench's mail server: keeps each message's arrival time and a copy of the first one. */
function startSmtp() {
  const arrivals = [];
  const state = { arrivals, sample: null, port: 0, connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    size: 5 * 1024 * 1024,
    onConnect: (_session, callback) => {
      state.connections++;
      callback();
    },
    onData: (stream, _session, callback) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        arrivals.push(performance.now());
        if (!state.sample) state.sample = Buffer.concat(chunks).toString('utf8');
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      state.port = server.server.address().port;
      state.close = () => new Promise((r) => server.close(() => r()));
      resolve(state);
    });
  });
}

function env() {
  const passed = {};
  for (const name of ['MAIL_CONCURRENCY', 'SMTP_MAX_CONNECTIONS', 'SMTP_MAX_MESSAGES']) {
    if (process.env[name]) passed[name] = process.env[name];
  }
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl(DB),
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    JWT_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    ...(SINK ? {} : { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }),
    PUBLIC_BASE_URL: 'https://meldpunt.bench',
    SEED_DEMO: 'false',
    BACKOFFICE_SIMULATOR: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '20',
    PORT: String(3950 + Math.floor(Math.random() * 40)),
    DATA_DIR: path.join(os.tmpdir(), PREFIX),
    ...passed,
  };
}

/**
 * Tickets as the intake writes them (row and `created` event; the outbox row only with `outbox`),
 * each with a reporter who consented to e-mail, spread over the 13 municipalities and 3 languages.
 */
function seedTickets(from, count, outbox) {
  return sql(
    dbUrl(DB),
    `WITH t AS (
       INSERT INTO ticket (id, number, reference, kind, channel, category_code, subject, description, municipality_code,
         location_address, location_postcode, reporter_name, reporter_email, reporter_language, reporter_consent,
         priority, status, sla_policy, response_due_at, resolution_due_at, created_at, updated_at)
       SELECT gen_random_uuid(), 2000000000 + n, 'BENCH-' || n, 'report', 'web', 'public-lighting', 'Straatlamp',
         'Straatlamp ' || n || ' brandt niet meer sinds gisteren', ($3::text[])[1 + n % 13],
         'Kerkstraat ' || (n % 200), '8500', 'Melder ' || n, 'melder.' || n || '@bench.example',
         (ARRAY['nl', 'fr', 'en'])[1 + n % 3], true, 'P3', 'new', '{"id":"bench"}'::jsonb,
         now() + interval '1 day', now() + interval '10 days', now(), now()
       FROM generate_series($1::int, $1::int + $2::int - 1) n
       RETURNING id, municipality_code, status),
     e AS (
       INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
       SELECT id, municipality_code, 'created', '{"type":"staff","id":"bench"}'::jsonb,
         jsonb_build_object('status', status, 'channel', 'web', 'priority', 'P3')
       FROM t RETURNING id, ticket_id, municipality_code),
     o AS (
       INSERT INTO outbox_event (type, aggregate_id, municipality_code, payload)
       SELECT 'ticket.created', ticket_id, municipality_code, jsonb_build_object('ticketEventId', id::text, 'status', 'new')
       FROM e WHERE $4::boolean RETURNING id)
     SELECT e.id::text AS "eventId", e.ticket_id AS "ticketId", e.municipality_code AS "municipalityCode" FROM e`,
    [from, count, MUNICIPALITIES, outbox],
  );
}

/** Phase 1's backlog: a queued acknowledgement per ticket and its delivery job, as the events processor makes them. */
async function queueDeliveries(events) {
  const rows = await sql(
    dbUrl(DB),
    `INSERT INTO notification (id, ticket_id, municipality_code, kind, event_id)
     SELECT gen_random_uuid(), (e->>'ticketId')::uuid, e->>'municipalityCode', 'acknowledgement', (e->>'eventId')::bigint
     FROM jsonb_array_elements($1::jsonb) e RETURNING id, ticket_id::text AS "ticketId", event_id::text AS "eventId"`,
    [JSON.stringify(events)],
  );
  const queue = new Queue('mail-delivery', { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix: PREFIX });
  const jobs = rows.map((r) => ({
    name: 'deliver',
    data: { notificationId: r.id },
    opts: {
      jobId: `mail-${r.ticketId}-${r.eventId}-acknowledgement`,
      attempts: 10,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 30 * 86_400 },
    },
  }));
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
  return queue;
}

function startWorkers() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = fs.openSync(path.join(RESULTS, `mail-${RUN}-worker.log`), 'a');
  const profile = process.env.MAIL_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS}`] : [];
  return Array.from({ length: WORKERS }, () => {
    const child = spawn(process.execPath, [...profile, WORKER_MAIN], { cwd: ROOT, env: env(), stdio: ['ignore', out, out] });
    child.once('exit', (code) => {
      if (workers.includes(child)) log(`worker exited early (${code}), see bench/results/mail-${RUN}-worker.log`);
    });
    return child;
  });
}

/** Waits until `count` more mails arrived after the `from` first ones, or the phase's time is up; their arrival times. */
async function arrivalsOf(from, count) {
  const until = Date.now() + PHASE_S * 1000;
  if (!SINK) {
    while (smtp.arrivals.length < from + count && Date.now() < until) await sleep(50);
    return smtp.arrivals.slice(from, from + count);
  }
  const sent = async () => (await sql(dbUrl(DB), "SELECT count(*)::int AS n FROM notification WHERE status = 'sent'"))[0].n;
  while ((await sent()) < from + count && Date.now() < until) await sleep(250);
  // sent_at is wall-clock time; the rest of the bench measures with performance.now().
  const offset = Date.now() - performance.now();
  const rows = await sql(dbUrl(DB), "SELECT extract(epoch FROM sent_at) * 1000 AS at FROM notification WHERE status = 'sent' ORDER BY sent_at");
  return rows.slice(from, from + count).map((r) => Number(r.at) - offset);
}

// The worker's consumers of a `ticket.created` event (the console's feed runs in the api).
const CONSUMER_QUEUES = ['notification-events', 'mail-delivery', 'sla-events', 'backoffice-events', 'on-call-events'];

/** When the outbox is relayed and every consumer queue of the worker is empty (performance.now()), or NaN at `until`. */
async function consumersDrainedAt(until) {
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  const queues = CONSUMER_QUEUES.map((name) => new Queue(name, { connection, prefix: PREFIX }));
  try {
    while (Date.now() < until) {
      const [{ n }] = await sql(dbUrl(DB), 'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL');
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      if (n === 0 && counts.every((c) => c.waiting + c.active + c.delayed + c.prioritized === 0)) return performance.now();
      await sleep(50);
    }
    return NaN;
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

function pct(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** Mails per second between the first and the last arrival (the start-up before the first is left out). */
const rate = (times) => (times.length > 1 ? (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000) : NaN);
const f0 = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

/**
 * Same server, same mail (subject, HTML, text, headers of the worker's first one, composed by
 * nodemailer as the worker has it composed), nodemailer's pool with the worker's settings and as
 * many mails in flight.
 */
async function reference(sample) {
  const parsed = await simpleParser(sample);
  const headers = { 'Auto-Submitted': 'auto-generated', 'X-Meldpunt-Reference': String(parsed.headers.get('x-meldpunt-reference')) };
  const transport = createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    pool: true,
    maxConnections: MAX_CONNECTIONS,
    maxMessages: MAX_MESSAGES,
  });
  const from = smtp.arrivals.length;
  const latencies = [];
  let next = 0;
  const sendOne = async () => {
    while (next < MAILS) {
      const i = next++;
      const started = performance.now();
      await transport.sendMail({
        from: parsed.from.value[0],
        to: { name: 'Melder', address: `ref.${i}@bench.example` },
        subject: parsed.subject,
        html: parsed.html,
        text: parsed.text,
        messageId: `<ref-${i}-${RUN}@bench.example>`,
        headers,
      });
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, sendOne));
  const elapsed = performance.now() - started;
  transport.close();
  const times = smtp.arrivals.slice(from);
  return { sent: latencies.length, perSecond: rate(times), overall: MAILS / (elapsed / 1000), p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

async function machine() {
  const [{ v }] = await sql(ADMIN_URL, "SELECT current_setting('server_version') AS v");
  let redis = '?';
  try {
    redis = execFileSync('redis-server', ['--version']).toString().match(/v=(\S+)/)[1];
  } catch {}
  return `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${v}, Redis ${redis}`;
}

async function main() {
  const loadBefore = os.loadavg()[0];
  if (!fs.existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} missing: run \`npm run build\` (npm run bench:mail does)`);
  smtp = await startSmtp();
  log(`database ${DB}, Redis prefix ${PREFIX}, SMTP server on 127.0.0.1:${smtp.port}, ${MAILS} mails per phase`);
  await sql(ADMIN_URL, `CREATE DATABASE ${DB}`);
  execFileSync(process.execPath, [MIGRATE_MAIN], { env: env(), stdio: 'ignore' });
  execFileSync(process.execPath, [SEED_MAIN], { env: env(), stdio: 'ignore' });

  // 1. delivery: the backlog is in place before the worker starts.
  const deliveries = await queueDeliveries(await seedTickets(1, MAILS, false));
  log(`phase 1 (delivery): ${MAILS} delivery jobs queued; starting ${WORKERS === 1 ? 'the worker' : `${WORKERS} workers`}`);
  workers = startWorkers();
  const delivered = await arrivalsOf(0, MAILS);
  const jobs = (await deliveries.getJobs(['completed'], 0, MAILS)).filter((j) => j.finishedOn && j.processedOn);
  const jobMs = jobs.map((j) => j.finishedOn - j.processedOn);
  const [{ failed }] = await sql(dbUrl(DB), "SELECT count(*)::int AS failed FROM notification WHERE status NOT IN ('sent', 'queued')");
  await deliveries.close();
  const delivery = { arrived: delivered.length, perSecond: rate(delivered), p50: pct(jobMs, 50), p99: pct(jobMs, 99), failed };
  log(`phase 1: ${delivery.arrived}/${MAILS} mails, ${f1(delivery.perSecond)} mails/s, job p50 ${f0(delivery.p50)} ms, p99 ${f0(delivery.p99)} ms`);

  // 2. pipeline: committed tickets with their outbox rows, while the worker runs.
  const before = smtp.arrivals.length;
  const committed = performance.now();
  await seedTickets(MAILS + 1, MAILS, true);
  const committedAfter = performance.now();
  const piped = await arrivalsOf(before, MAILS);
  const drained = await consumersDrainedAt(Date.now() + PHASE_S * 1000);
  const pipeline = {
    arrived: piped.length,
    perSecond: piped.length ? piped.length / ((piped[piped.length - 1] - committed) / 1000) : NaN,
    drainedPerSecond: MAILS / ((drained - committed) / 1000),
    commitMs: committedAfter - committed,
  };
  log(`phase 2: ${pipeline.arrived}/${MAILS} mails, ${f1(pipeline.perSecond)} tickets/s from the commit to the last mail`);
  log(`phase 2: every consumer of the worker drained: ${f1(pipeline.drainedPerSecond)} tickets/s from the commit (${CONSUMER_QUEUES.join(', ')})`);
  const workerConnections = smtp.connections;
  const stopping = workers;
  workers = [];
  await Promise.all(stopping.map((w) => new Promise((r) => w.once('exit', r).kill('SIGTERM'))));

  // 3. reference: the same message through nodemailer's pool, nothing else.
  log('phase 3: reference, plain nodemailer pooled');
  const ref = SINK ? { sent: 0, perSecond: NaN, p50: NaN, p99: NaN } : await reference(smtp.sample);
  log(`reference: ${ref.sent} mails, ${f1(ref.perSecond)} mails/s, sendMail p50 ${f0(ref.p50)} ms, p99 ${f0(ref.p99)} ms`);

  const custom = ['MAIL_CONCURRENCY', 'SMTP_MAX_CONNECTIONS', 'SMTP_MAX_MESSAGES'].filter((n) => process.env[n]);
  const command = [
    ...custom.map((n) => `${n}=${process.env[n]}`),
    ...(process.env.MAIL_BENCH_MAILS ? [`MAIL_BENCH_MAILS=${MAILS}`] : []),
    ...(WORKERS !== 1 ? [`MAIL_BENCH_WORKERS=${WORKERS}`] : []),
    ...(SINK ? ['MAIL_BENCH_SINK=1'] : []),
    process.env.MAIL_BENCH_WORKER_MAIN ? 'MAIL_BENCH_WORKER_MAIN=… node bench/mail/run.js' : 'npm run bench:mail',
  ].join(' ');
  const report = [
    `## Mail delivery (bench/mail) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`${command}\`${process.env.MAIL_BENCH_WORKER_MAIN ? ` (worker: \`${WORKER_MAIN}\`, not the tree's build)` : ''}. Machine: ${await machine()}; load average before the run ${loadBefore.toFixed(1)}.`,
    SINK
      ? `${workerNoun()} without SMTP_URL, sending to its built-in sink (arrival: the notification's sent_at); ${MAILS} mails per phase; no reference in this mode.`
      : `${workerNoun()}, sending to an smtp-server on loopback in the bench process (no parsing); ${MAILS} mails per phase; reference settings: ${CONCURRENCY} in flight, ${MAX_CONNECTIONS} connections, ${MAX_MESSAGES} messages per connection.`,
    '',
    '| what | mails | mails/s | p50 | p99 |',
    '|---|---|---|---|---|',
    `| 1. delivery: queued acknowledgements drained (p: one delivery job) | ${delivery.arrived} | ${f1(delivery.perSecond)} | ${f0(delivery.p50)} ms | ${f0(delivery.p99)} ms |`,
    `| 2. pipeline: committed tickets → outbox → events → delivery (from the commit) | ${pipeline.arrived} | ${f1(pipeline.perSecond)} | | |`,
    `| 2b. the same tickets: outbox relayed and every worker consumer queue empty (${CONSUMER_QUEUES.join(', ')}) | ${MAILS} tickets | ${f1(pipeline.drainedPerSecond)} tickets/s | | |`,
    `| 3. reference: plain nodemailer pooled, same server and mail (p: one sendMail) | ${ref.sent} | ${f1(ref.perSecond)} | ${f0(ref.p50)} ms | ${f0(ref.p99)} ms |`,
    '',
    `Delivery ÷ reference: ${f1((100 * delivery.perSecond) / ref.perSecond)} %. Not sent (failed, retrying, skipped) in phase 1: ${delivery.failed}.${SINK ? '' : ` SMTP connections the worker opened: ${workerConnections}.`}`,
    '',
  ].join('\n');
  if (process.env.BENCH_NO_DOC === '1') process.stdout.write(`\n${report}\n`);
  else appendReport(report);
}

function workerNoun() {
  return WORKERS === 1 ? 'Worker process alone (apps/worker)' : `${WORKERS} worker processes side by side (apps/worker), nothing else`;
}

async function cleanup() {
  for (const w of workers) w.kill('SIGKILL');
  workers = [];
  if (smtp) await smtp.close().catch(() => undefined);
  await dropBenchData(DB, PREFIX);
  fs.rmSync(path.join(os.tmpdir(), PREFIX), { recursive: true, force: true });
}

runBounded({ main, cleanup, limitMs: (3 * PHASE_S + 180) * 1000, log });
