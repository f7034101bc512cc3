'use strict';
/**
 * An open-loop load generator: sends `rate` requests per second on a fixed schedule (one every
 * 1000/rate ms), whether or not earlier ones have been answered, and measures each latency from
 * the moment the request was *due*, so a stalled server cannot hide its queue (no coordinated
 * omission).
 *
 * Why not autocannon's overallRate: autocannon gives each connection a quota per second and
 * refills all quotas on the same one-second tick, so the "500 req/s" arrive as a burst at the
 * start of every second; and it then "corrects" latencies with an expected interval of
 * ceil(1/rate) = 1 ms, which adds synthetic samples of 1, 2, ... ms and drags the percentiles
 * down. Neither is what "p99 at 500 requests/s offered" means.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');

/**
 * @param {object} o
 * @param {string} o.host 127.0.0.1
 * @param {number} o.port
 * @param {string} o.path
 * @param {Record<string,string>} o.headers
 * @param {string[]} o.bodies JSON bodies, sent in turn
 * @param {number} o.rate requests per second
 * @param {number} o.duration seconds
 * @param {number} [o.timeoutMs] per request
 * @param {number} [o.maxSockets] connections the agent may open
 */
async function fixedRate(o) {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 256 });
  const intervalMs = 1000 / o.rate;
  const total = Math.round(o.rate * o.duration);
  const latencies = []; // from the due time
  const serviceTimes = []; // from the moment the request was handed to the socket layer
  const statusCodes = {};
  let errors = 0;
  let timeouts = 0;
  let sent = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let lateSends = 0; // sends that left more than 5 ms after their due time (generator overloaded)

  const bodies = o.bodies.map((b) => Buffer.from(b));
  const start = performance.now() + 20;

  const fire = (k) => {
    const due = start + k * intervalMs;
    const body = bodies[k % bodies.length];
    const sentAt = performance.now();
    if (sentAt - due > 5) lateSends++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve) => {
      let settled = false;
      const done = (status) => {
        if (settled) return;
        settled = true;
        inFlight--;
        const end = performance.now();
        if (status) {
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          latencies.push(end - due);
          serviceTimes.push(end - sentAt);
        }
        resolve();
      };
      const req = http.request(
        {
          host: o.host,
          port: o.port,
          path: o.path,
          method: 'POST',
          agent,
          headers: { ...o.headers, 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => done(res.statusCode));
          res.on('error', () => {
            errors++;
            done(null);
          });
        },
      );
      req.setTimeout(timeoutMs, () => {
        timeouts++;
        errors++;
        req.destroy(new Error('timeout'));
        done(null);
      });
      req.on('error', () => {
        if (!settled) errors++;
        done(null);
      });
      req.end(body);
    });
  };

  const pending = [];
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (sent < due) pending.push(fire(sent++));
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
  });
  const sendingEndedAt = performance.now();
  await Promise.all(pending);
  const finishedAt = performance.now();
  agent.destroy();

  const completed = latencies.length;
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    offeredRate: o.rate,
    sent,
    completed,
    ok,
    non2xx: completed - ok,
    errors,
    timeouts,
    statusCodes,
    maxInFlight,
    lateSends,
    sendSeconds: (sendingEndedAt - start) / 1000,
    seconds: (finishedAt - start) / 1000,
    // Answered requests per second over the whole phase, the tail included.
    achievedRate: completed / ((finishedAt - start) / 1000),
    latency: percentiles(latencies),
    serviceTime: percentiles(serviceTimes),
  };
}

function percentiles(values) {
  if (!values.length) return { p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1],
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

module.exports = { fixedRate, percentiles };
