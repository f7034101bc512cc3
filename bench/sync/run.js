#!/usr/bin/env node
/**
 * Back-office sync benchmark (issue: back-office adapters). Starts the simulators
 * (apps/backoffice-sim, no autopilot), the api and the worker, connects the 13 municipalities to
 * their demo tools (TOPdesk 5, Ultimo 4, 3P 4; poll every POLL_S seconds), then:
 *   1. outbound: offers RATE tickets/s for DURATION s and reports the delay from the ticket's
 *      commit (just before its 201) to the case existing in the tool (the create call's success);
 *   2. inbound: completes COMPLETE cases in the tools at COMPLETE_RATE/s and reports the delay from
 *      each change in the tool to our ticket being resolved;
 *   3. same-run reference: the tools' own answer time to a create, called directly at RATE/s.
 *
 *   npm run bench:sync                      # 100 tickets/s for 60 s, poll every 5 s
 *   SYNC_BENCH_RATE=50 SYNC_BENCH_DURATION=20 npm run bench:sync
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  benchRun,
  envNumber,
  ROOT,
  REDIS_URL,
  sleep,
  dbUrl,
  sql,
  ADMIN_URL,
  appendReport,
  runBounded,
  dropBenchData,
} = require('../bench-support');

const RATE = envNumber('SYNC_BENCH_RATE', 100);
const DURATION = envNumber('SYNC_BENCH_DURATION', 60);
const POLL_S = envNumber('SYNC_BENCH_POLL_S', 5);
const COMPLETE = envNumber('SYNC_BENCH_COMPLETE', 1000);
const COMPLETE_RATE = envNumber('SYNC_BENCH_COMPLETE_RATE', 50);
const { RUN, DB, PREFIX } = benchRun('sync');
const API_PORT = 3900 + Math.floor(Math.random() * 50);
const SIM_PORT = 4100 + Math.floor(Math.random() * 50);
const RESULTS = path.join(ROOT, 'bench/results');
const CREDENTIALS = {
  topdesk: { username: 'meldpunt', password: 'sim-app-password' },
  ultimo: { apiKey: 'sim-ultimo-key', applicationElementId: 'b1a6d3b2-0000-4000-8000-000000000001' },
  '3p': { token: 'sim-3p-token' },
};
const ULTIMO_KEYS = Array.from({ length: 13 }, (_, i) => `sim-ultimo-key-${i}`);
const ROOTS = { topdesk: '/topdesk/tas/api', ultimo: '/ultimo/api/v1', '3p': '/3p/api/v1' };

const log = (line) => process.stdout.write(`[bench:sync] ${line}\n`);
const children = [];

function start(name, main, env, nodeArgs = []) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = fs.openSync(path.join(RESULTS, `sync-${RUN}-${name}.log`), 'a');
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, main)], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env,
  });
  children.push(child);
  return child;
}

async function waitHealthy(url, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function api(token, method, p, body) {
  const res = await fetch(`http://127.0.0.1:${API_PORT}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Calls `fn(i)` RATE times a second for `seconds` on a fixed schedule; resolves when all settled. */
async function atRate(rate, seconds, fn) {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < Math.round(rate * seconds); i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(fn(i).catch((e) => ({ error: String(e) })));
  }
  return Promise.all(pending);
}

function pct(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : 'n/a');

async function main() {
  const t0 = Date.now();
  await sql(ADMIN_URL, `CREATE DATABASE ${DB}`);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl(DB),
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    JWT_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'true',
    BACKOFFICE_SIMULATOR: 'false',
    PORT: String(API_PORT),
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(os.tmpdir(), PREFIX),
  };
  start('sim', 'dist/apps/backoffice-sim/src/main.js', {
    PATH: process.env.PATH,
    PORT: String(SIM_PORT),
    AUTOPILOT: 'false',
    // Each municipality its own Ultimo customer, as in real life: one shared key would put four
    // municipalities' traffic under one quota of 100 requests per 10 s.
    ULTIMO_CUSTOMER_KEYS: ULTIMO_KEYS.join(','),
  });
  // Production-like: the api answers HTTP, the worker (apps/worker) runs the queues, one core each.
  start('api', 'dist/apps/api/src/main.js', { ...env, RUN_WORKER: 'false' });
  const profile = process.env.SYNC_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS}`] : [];
  start('worker', 'dist/apps/worker/src/main.js', { ...env, PORT: String(API_PORT + 1000) }, profile);
  await waitHealthy(`http://127.0.0.1:${SIM_PORT}/_admin/topdesk/faults`);
  await waitHealthy(`http://127.0.0.1:${API_PORT}/health`);
  const login = await api(null, 'POST', '/api/v1/auth/login', {
    email: 'admin@meldpunt.local',
    password: 'meldpunt-demo',
  });
  const token = login.body.accessToken;
  const municipalities = (await api(token, 'GET', '/api/v1/municipalities')).body;
  for (const m of municipalities) {
    const type = m.backOffice.type;
    const res = await api(token, 'PUT', `/api/v1/municipalities/${m.code}/back-office`, {
      type,
      baseUrl: `http://127.0.0.1:${SIM_PORT}${ROOTS[type]}`,
      credentials:
        type === 'ultimo'
          ? { ...CREDENTIALS.ultimo, apiKey: ULTIMO_KEYS[municipalities.indexOf(m)] }
          : CREDENTIALS[type],
      categoryMap:
        type === 'topdesk'
          ? { '*': { category: 'Openbaar domein', subcategory: 'Wegen', operatorGroup: 'Team wegen' } }
          : {},
      pollSeconds: POLL_S,
    });
    if (res.status !== 200)
      throw new Error(`PUT back-office ${m.code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const byType = municipalities.reduce(
    (acc, m) => ({ ...acc, [m.backOffice.type]: (acc[m.backOffice.type] || 0) + 1 }),
    {},
  );
  log(
    `connected ${municipalities.length} municipalities ${JSON.stringify(byType)}; ${RATE} tickets/s for ${DURATION} s`,
  );

  // 1. Outbound.
  const codes = municipalities.map((m) => m.code);
  const answers = await atRate(RATE, DURATION, (i) =>
    api(token, 'POST', '/api/v1/tickets', {
      kind: 'report',
      channel: 'web',
      categoryCode: 'roads-pavements',
      municipalityCode: codes[i % codes.length],
      description: `Put in de rijweg ter hoogte van huisnummer ${i % 200}, gevaarlijk voor fietsers.`,
      // With consent each ticket also costs the worker an acknowledgement mail (caught by the
      // built-in SMTP sink in the same process); SYNC_BENCH_MAIL=false isolates the sync path.
      reporter: {
        name: 'Bench Burger',
        email: `burger${i}@example.be`,
        consent: process.env.SYNC_BENCH_MAIL !== 'false',
      },
    }),
  );
  const created = answers.filter((a) => a.status === 201).length;
  log(`offered ${answers.length}, created ${created}; waiting for the sync to drain`);
  const drainUntil = Date.now() + 120_000;
  let pending = -1;
  while (Date.now() < drainUntil) {
    const [row] = await sql(
      dbUrl(DB),
      "SELECT count(*)::int AS n FROM back_office_sync_task WHERE state = 'pending'",
    );
    const [all] = await sql(
      dbUrl(DB),
      "SELECT count(*)::int AS n FROM back_office_sync_task WHERE operation = 'create'",
    );
    pending = row.n;
    if (pending === 0 && all.n >= created) break;
    await sleep(500);
  }
  const outbound = await sql(
    dbUrl(DB),
    `SELECT s.system, extract(epoch FROM (s.done_at - t.created_at)) * 1000 AS delay_ms,
            extract(epoch FROM (s.created_at - t.created_at)) * 1000 AS filed_ms, s.attempts, s.state
       FROM back_office_sync_task s JOIN ticket t ON t.id = s.ticket_id WHERE s.operation = 'create' ORDER BY t.number`,
  );
  log(
    `filed/total delay every 50th ticket: ${outbound
      .filter((_, i) => i % 50 === 0)
      .map((r) => `${Math.round(r.filed_ms)}/${Math.round(r.delay_ms)}`)
      .join(' ')}`,
  );
  const done = outbound.filter((r) => r.state === 'done');
  const perSystem = {};
  for (const r of done) (perSystem[r.system] ??= []).push(Number(r.delay_ms));

  // 2. Inbound: complete cases in the tools, spread over the tools, at COMPLETE_RATE/s.
  const cases = [];
  for (const tool of Object.keys(ROOTS)) {
    const list = await (await fetch(`http://127.0.0.1:${SIM_PORT}/_admin/${tool}/cases`)).json();
    for (const c of list) cases.push({ tool, id: c.id, reference: c.reference });
  }
  const chosen = cases.sort(() => Math.random() - 0.5).slice(0, COMPLETE);
  const changedAt = new Map();
  log(`completing ${chosen.length} cases at ${COMPLETE_RATE}/s`);
  await atRate(COMPLETE_RATE, chosen.length / COMPLETE_RATE, async (i) => {
    const c = chosen[i];
    if (!c) return;
    await fetch(`http://127.0.0.1:${SIM_PORT}/_admin/${c.tool}/cases/${c.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'completed', closingText: 'Put hersteld door de wegendienst.' }),
    });
    changedAt.set(c.reference, Date.now());
  });
  const references = chosen.map((c) => c.reference);
  const inboundUntil = Date.now() + POLL_S * 1000 * 6 + 30_000;
  let resolved = [];
  while (Date.now() < inboundUntil) {
    resolved = await sql(
      dbUrl(DB),
      `SELECT t.reference, extract(epoch FROM e.at) * 1000 AS at_ms FROM ticket t
         JOIN ticket_event e ON e.ticket_id = t.id AND e.type = 'status_changed' AND e.data->>'to' = 'resolved'
        WHERE t.reference = ANY($1::text[])`,
      [references],
    );
    if (resolved.length >= references.length) break;
    await sleep(500);
  }
  const inbound = resolved.map((r) => Number(r.at_ms) - changedAt.get(r.reference));
  if (resolved.length < references.length) {
    const seen = new Set(resolved.map((r) => r.reference));
    const missing = await sql(
      dbUrl(DB),
      `SELECT t.reference, t.status, l.system, l.external_id, l.remote_state, c.cursor, c.last_error
         FROM ticket t LEFT JOIN back_office_link l ON l.ticket_id = t.id
         LEFT JOIN back_office_cursor c ON c.municipality_code = t.municipality_code
        WHERE t.reference = ANY($1::text[])`,
      [references.filter((r) => !seen.has(r)).slice(0, 10)],
    );
    log(`not resolved in time (first 10): ${JSON.stringify(missing)}`);
  }

  // 3. Reference: the simulated TOPdesk's own create, called directly at the same rate.
  const auth = `Basic ${Buffer.from('meldpunt:sim-app-password').toString('base64')}`;
  const direct = await atRate(RATE, Math.min(DURATION, 20), async (i) => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${SIM_PORT}/topdesk/tas/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({
        caller: { dynamicName: 'Bench' },
        briefDescription: `Reference ${i}`,
        externalNumber: `REF-${i}`,
      }),
    });
    await res.text();
    return performance.now() - started;
  });
  const directMs = direct.filter((v) => typeof v === 'number');

  const allOut = done.map((r) => Number(r.delay_ms));
  const filed = outbound.map((r) => Number(r.filed_ms));
  const calls = done.map((r) => Number(r.delay_ms) - Number(r.filed_ms));
  const rows = [
    `| outbound, 201 -> case exists (all tools) | ${done.length}/${created} | ${ms(pct(allOut, 50))} | ${ms(pct(allOut, 99))} | ${ms(Math.max(...allOut))} | p99 < 2,000 ms |`,
    ...Object.entries(perSystem).map(
      ([s, v]) =>
        `| outbound, ${s} | ${v.length} | ${ms(pct(v, 50))} | ${ms(pct(v, 99))} | ${ms(Math.max(...v))} | |`,
    ),
    `| of which: 201 -> sync task filed (outbox relay, event queue) | ${filed.length} | ${ms(pct(filed, 50))} | ${ms(pct(filed, 99))} | ${ms(Math.max(...filed))} | |`,
    `| of which: task filed -> case created (sync queue, HTTP) | ${calls.length} | ${ms(pct(calls, 50))} | ${ms(pct(calls, 99))} | ${ms(Math.max(...calls))} | |`,
    `| inbound, change in tool -> ticket resolved | ${inbound.length}/${references.length} | ${ms(pct(inbound, 50))} | ${ms(pct(inbound, 99))} | ${ms(Math.max(...inbound))} | p99 < ${POLL_S + 1} s (poll ${POLL_S} s + 1 s) |`,
    `| reference: direct POST to simulated TOPdesk at ${RATE}/s | ${directMs.length} | ${ms(pct(directMs, 50))} | ${ms(pct(directMs, 99))} | ${ms(Math.max(...directMs))} | |`,
  ];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  appendReport(
    [
      `## Back-office sync: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `\`npm run bench:sync\` (RATE=${RATE}/s, DURATION=${DURATION} s, poll ${POLL_S} s, ${references.length} completions at ${COMPLETE_RATE}/s). ` +
        `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; api and worker (apps/worker) in two processes, simulators in a third; run took ${Math.round((Date.now() - t0) / 1000)} s. ` +
        `Failed creates: ${outbound.filter((r) => r.state === 'failed').length}; still pending: ${pending}.`,
      '',
      '| Path | Count | p50 | p99 | max | Goal |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

async function cleanup() {
  for (const child of children) child.kill('SIGTERM');
  await sleep(1500);
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await dropBenchData(DB, PREFIX);
}

runBounded({ main, cleanup, limitMs: 15 * 60_000, log });
