import { BackOfficeThrottled } from '../../port/back-office-adapter';

export interface RateLimit {
  /** At most this many requests... */
  requests: number;
  /** ...in any window of this length. */
  windowMs: number;
  /**
   * A caller waits for a free slot up to this long; beyond it the call is refused at once with
   * BackOfficeThrottled (the sync job is deferred rather than sleeping in a worker slot).
   */
  maxWaitMs: number;
}

/**
 * A client-side sliding window: every request reserves a send time, and a reservation is placed
 * no earlier than the window after the `requests`-th previous one. Reservations only move forward
 * (each is the latest of now, a pause and that earlier slot plus the window), so they stay sorted.
 * `marginMs` covers the difference between when we send and when the server counts.
 */
export class RequestRateLimiter {
  private readonly reserved: number[] = [];
  private pausedUntil = 0;
  /** The time handed to the last caller that was told to come back later. */
  private lastDeferredTo = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly marginMs = 100,
  ) {}

  /** Waits for this request's slot, or throws BackOfficeThrottled when it is too far off. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.sleep(wait);
  }

  /** Reserves the next slot and returns how long to wait for it (0: send now). */
  reserve(): number {
    const now = this.now();
    const { requests, windowMs, maxWaitMs } = this.limit;
    while (this.reserved.length && this.reserved[0] <= now - windowMs - this.marginMs) this.reserved.shift();
    let at = Math.max(now, this.pausedUntil);
    if (this.reserved.length >= requests) {
      at = Math.max(at, this.reserved[this.reserved.length - requests] + windowMs + this.marginMs);
    }
    const wait = at - now;
    if (wait > maxWaitMs) {
      // Callers told to come back are spread at the budget's pace: all coming back at the first
      // free slot would only be refused again, all but one.
      const deferTo = Math.max(at, this.lastDeferredTo + windowMs / requests);
      this.lastDeferredTo = deferTo;
      throw new BackOfficeThrottled(
        `client-side rate limit: ${requests} requests per ${windowMs} ms in use, next slot in ${wait} ms`,
        Math.round(deferTo - now),
      );
    }
    this.reserved.push(at);
    return wait;
  }

  /** The server said 429: send nothing before `ms` from now (the quota may be shared with others). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}
