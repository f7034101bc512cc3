import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What can go wrong with a back-office, per tool and set at run time (admin endpoint or tests).
 * Rates are probabilities per call; they add up (0.1 errors + 0.1 timeouts = 20% of calls fail).
 */
export interface FaultSettings {
  /** Extra delay on every call, in ms (uniform between latencyMs and 2 x latencyMs). */
  latencyMs: number;
  /** Share of calls answered 500/502/503 before doing anything. */
  errorRate: number;
  /** Share of calls that hang until the client gives up (never answered, nothing done). */
  timeoutRate: number;
  /** Share of calls answered 429 with Retry-After. */
  rateLimitRate: number;
  /** Share of calls whose connection is destroyed without an answer, after the work was done. */
  dropRate: number;
  retryAfterSeconds: number;
  /** Answers every call with 503: the back-office is down. */
  down: boolean;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  rateLimitRate: 0,
  dropRate: 0,
  retryAfterSeconds: 1,
  down: false,
};

export type FaultOutcome = 'proceed' | 'handled' | 'drop-after';

/** Counts of what the fault injector did, for tests and the bench report. */
export interface FaultCounters {
  calls: number;
  errors: number;
  timeouts: number;
  rateLimited: number;
  dropped: number;
}

export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  readonly counters: FaultCounters = { calls: 0, errors: 0, timeouts: 0, rateLimited: 0, dropped: 0 };
  private readonly hanging = new Set<ServerResponse>();

  constructor(private readonly random: () => number = Math.random) {}

  get current(): FaultSettings {
    return { ...this.settings };
  }

  set(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    return this.current;
  }

  reset(): void {
    this.settings = { ...NO_FAULTS };
    Object.assign(this.counters, { calls: 0, errors: 0, timeouts: 0, rateLimited: 0, dropped: 0 });
  }

  /**
   * Applies the faults to one call. `handled`: the injector answered (or is hanging); the tool's
   * handler must not run. `drop-after`: run the handler, then cut the connection instead of
   * answering (the client cannot know whether its write happened: the case idempotency exists for).
   */
  async apply(_req: IncomingMessage, res: ServerResponse): Promise<FaultOutcome> {
    const s = this.settings;
    this.counters.calls++;
    if (s.latencyMs > 0) await sleep(s.latencyMs * (1 + this.random()));
    if (s.down) {
      this.counters.errors++;
      sendJson(res, 503, [{ message: 'Service unavailable (simulated outage)' }]);
      return 'handled';
    }
    let roll = this.random();
    if ((roll -= s.errorRate) < 0) {
      this.counters.errors++;
      const status = [500, 502, 503][Math.floor(this.random() * 3)];
      sendJson(res, status, [{ message: `Simulated server error ${status}` }]);
      return 'handled';
    }
    if ((roll -= s.timeoutRate) < 0) {
      this.counters.timeouts++;
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return 'handled';
    }
    if ((roll -= s.rateLimitRate) < 0) {
      this.counters.rateLimited++;
      res.setHeader('Retry-After', String(s.retryAfterSeconds));
      sendJson(res, 429, [{ message: 'Too many requests (simulated)' }]);
      return 'handled';
    }
    if ((roll -= s.dropRate) < 0) {
      this.counters.dropped++;
      return 'drop-after';
    }
    return 'proceed';
  }

  /** Ends calls left hanging (on close), so the server can stop. */
  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }
}

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
