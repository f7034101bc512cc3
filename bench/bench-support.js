// What the SLA and console benchmarks share: database and Redis housekeeping, the report file,
// and a bounded run that always cleans up.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const Redis = require('ioredis');

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';

/** A run's own database name and Redis prefix (the same string), so runs never collide. */
function benchRun(name) {
  const RUN = randomBytes(4).toString('hex');
  const id = `mp_bench_${name}_${RUN}`;
  return { RUN, DB: id, PREFIX: id };
}

/** A numeric setting from the environment, or its default when unset or empty. */
const envNumber = (name, fallback) => Number(process.env[name] || fallback);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dbUrl = (name) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

async function sql(url, text, params) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Unlinks every Redis key matching `pattern` (e.g. `prefix:*`). */
async function removeKeys(pattern) {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    if (keys.length) removed += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  return removed;
}

/** Appends a report section to docs/benchmarks.md (BENCH_NO_DOC=1: prints it only). */
function appendReport(report) {
  process.stdout.write(`\n${report}\n`);
  if (process.env.BENCH_NO_DOC === '1') return;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  if (!fs.existsSync(DOC)) fs.writeFileSync(DOC, '# Benchmarks\n\n');
  fs.appendFileSync(DOC, `\n${report}`);
}

/** Runs `main` within `limitMs`, then `cleanup` whatever happened; exits 0, 1 (error) or 2 (time). */
function runBounded({ main, cleanup, limitMs, log }) {
  const deadline = setTimeout(() => {
    log('time limit reached, stopping');
    void cleanup().then(() => process.exit(2));
  }, limitMs);
  main()
    .then(cleanup)
    .then(() => {
      clearTimeout(deadline);
      process.exit(0);
    })
    .catch(async (error) => {
      log(`failed: ${error.stack || error}`);
      await cleanup();
      process.exit(1);
    });
}

/** Drops the bench database and the Redis keys of its prefix; never throws. */
async function dropBenchData(database, prefix) {
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  await removeKeys(`${prefix}:*`).catch(() => undefined);
}

module.exports = { benchRun, envNumber, ROOT, ADMIN_URL, REDIS_URL, sleep, dbUrl, sql, removeKeys, appendReport, runBounded, dropBenchData };
