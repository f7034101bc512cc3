#!/usr/bin/env node
/**
 * Console benchmark (issue: real-time console). Starts the api (worker in-process) on a fresh
 * database, connects N socket.io clients to /console, creates tickets over HTTP and measures the
 * delay from each 201 to the ticket.created event at every client (p50/p99/max), and the api's
 * memory. Same-run reference: a bare socket.io server broadcasting the same payloads to the same
 * number of clients (no auth, database, outbox or queue in between).
 *
 *   npm run bench:console                       # 1,000 clients, 200 tickets at 10/s
 *   CONSOLE_BENCH_CLIENTS=500 npm run bench:console
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { benchRun, envNumber, ROOT, REDIS_URL, ADMIN_URL, sleep, dbUrl, sql, appendReport, runBounded, dropBenchData } = require('../bench-support');
const { io } = require('socket.io-client');

const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const CLIENTS = envNumber('CONSOLE_BENCH_CLIENTS', 1000);
const TICKETS = envNumber('CONSOLE_BENCH_TICKETS', 200);
const RATE = envNumber('CONSOLE_BENCH_RATE', 10);
const { RUN, DB, PREFIX } = benchRun('console');
const children = [];
const sockets = [];

const log = (line) => process.stdout.write(`[bench:console] ${line}\n`);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startApi(port) {
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl(DB),
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      RUN_WORKER: 'true',
      OUTBOX_POLL_MS: '500',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the api exited during start-up');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {}
    await sleep(200);
  }
  throw new Error('the api did not become healthy');
}

async function connectAll(url, auth) {
  const received = new Map(); // ticket id -> arrival times
  let connected = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const socket = io(`${url}/console`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('ticket.created', (event) => {
      const at = performance.now();
      const id = event.ticket ? event.ticket.id : event.id;
      if (!received.has(id)) received.set(id, []);
      received.get(id).push(at);
    });
    socket.once('connect', () => connected++);
    sockets.push(socket);
    if (i % 50 === 49) await sleep(50);
  }
  for (let i = 0; i < 300 && connected < CLIENTS; i++) await sleep(100);
  if (connected < CLIENTS) throw new Error(`only ${connected} of ${CLIENTS} clients connected`);
  return received;
}

function closeAll() {
  while (sockets.length) sockets.pop().disconnect();
}

function summarise(created, received) {
  const delays = [];
  let missing = 0;
  for (const [id, at] of created) {
    const arrivals = received.get(id) ?? [];
    missing += CLIENTS - arrivals.length;
    for (const t of arrivals) delays.push(t - at);
  }
  delays.sort((a, b) => a - b);
  const pick = (p) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)];
  return { samples: delays.length, missing, p50: pick(50), p99: pick(99), max: delays[delays.length - 1] };
}

async function paced(count, fn) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await fn(i);
  }
}

async function runApi() {
  await sql(ADMIN_URL, `CREATE DATABASE ${DB}`);
  const port = await freePort();
  const api = await startApi(port);
  const url = `http://127.0.0.1:${port}`;
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@meldpunt.local', password: 'meldpunt-demo' }),
  });
  const { accessToken } = await login.json();
  const rssIdle = rssMiB(api.pid);
  const received = await connectAll(url, { token: accessToken });
  await sleep(1500);
  const rssConnected = rssMiB(api.pid);
  log(`${CLIENTS} clients connected; api RSS ${rssIdle.toFixed(0)} MiB idle, ${rssConnected.toFixed(0)} MiB with clients`);
  const created = new Map();
  let rssPeak = rssConnected;
  await paced(TICKETS, async (i) => {
    const res = await fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        kind: 'report',
        channel: 'phone',
        categoryCode: 'public-lighting',
        description: `Straatlamp ${i} in de Kerkstraat brandt niet meer sinds gisteren avond.`,
        location: { postcode: '8500' },
      }),
    });
    const at = performance.now();
    const body = await res.json();
    if (res.status === 201) created.set(body.id, at);
    if (i % 20 === 0) rssPeak = Math.max(rssPeak, rssMiB(api.pid));
  });
  await sleep(3000);
  const result = summarise(created, received);
  closeAll();
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  return { ...result, rssIdle, rssConnected, rssPeak, created: created.size };
}

async function runReference() {
  const child = spawn(process.execPath, [path.join(__dirname, 'reference-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  const url = `http://127.0.0.1:${port}`;
  const received = await connectAll(url, {});
  await sleep(500);
  const created = new Map();
  await paced(TICKETS, async (i) => {
    const id = `ref-${i}`;
    const res = await fetch(`${url}/emit`, { method: 'POST', body: JSON.stringify({ eventId: String(i), ticket: { id, description: 'x'.repeat(900) } }) });
    if (res.status === 201) created.set(id, performance.now());
  });
  await sleep(2000);
  const result = summarise(created, received);
  closeAll();
  child.kill('SIGTERM');
  return result;
}

async function main() {
  if (!fs.existsSync(API_MAIN)) throw new Error('dist missing: run `npm run build` (npm run bench:console does)');
  log(`${CLIENTS} clients, ${TICKETS} tickets at ${RATE}/s`);
  const api = await runApi();
  log(`api: ${JSON.stringify(api)}`);
  const reference = await runReference();
  log(`reference: ${JSON.stringify(reference)}`);
  const f = (n) => n.toFixed(1);
  const report = [
    `## Console fan-out (bench/console) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`CONSOLE_BENCH_CLIENTS=${CLIENTS} CONSOLE_BENCH_TICKETS=${TICKETS} CONSOLE_BENCH_RATE=${RATE} npm run bench:console\`. Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the api (worker in-process), PostgreSQL, Redis and all ${CLIENTS} clients share these cores.`,
    '',
    '| delay from 201 to ticket.created at each client (ms) | samples | missing | p50 | p99 | max |',
    '|---|---|---|---|---|---|',
    `| api: outbox → relay → BullMQ → gateway → Redis adapter → clients | ${api.samples} | ${api.missing} | ${f(api.p50)} | ${f(api.p99)} | ${f(api.max)} |`,
    `| reference: bare socket.io broadcast of the same payload | ${reference.samples} | ${reference.missing} | ${f(reference.p50)} | ${f(reference.p99)} | ${f(reference.max)} |`,
    '',
    `api memory (RSS): ${f(api.rssIdle)} MiB before the clients, ${f(api.rssConnected)} MiB with ${CLIENTS} clients, ${f(api.rssPeak)} MiB at peak. Goal: p99 < 250 ms, memory < 300 MB.`,
    '',
  ].join('\n');
  appendReport(report);
}

async function cleanup() {
  closeAll();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await dropBenchData(DB, PREFIX);
}

runBounded({ main, cleanup, limitMs: 15 * 60 * 1000, log });
