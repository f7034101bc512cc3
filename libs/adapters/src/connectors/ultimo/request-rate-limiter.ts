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
 * (each is the latest of now, a pause and that earlier slot plus the window). A request that got
 * its answer moves its slot to that moment: the server counted it by then at the latest, however
 * long it sat in a busy event loop or on the wire, so the window is measured from there (seen on a
 * loaded machine: sends the server counted 150 ms late were refused with 429s).
 * `marginMs` covers the difference between when we send and when the server counts for requests
 * still on their way.
 */
export class RequestRateLimiter {
  private readonly reserved: { at: number }[] = [];
  private pausedUntil = 0;
  /** The time handed to the last caller that was told to come back later. */
  private lastDeferredTo = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly marginMs = 100,
  ) {}

  /**
   * Waits for this request's slot, or throws BackOfficeThrottled when it is too far off. Returns
   * what to call once the request is answered (or failed).
   */
  async acquire(): Promise<() => void> {
    const slot = { at: 0 };
    const wait = this.reserve(slot);
    if (wait > 0) await this.sleep(wait);
    return () => this.answered(slot);
  }

  /** Reserves the next slot and returns how long to wait for it (0: send now). */
  reserve(slot: { at: number } = { at: 0 }): number {
    const now = this.now();
    const { requests, windowMs, maxWaitMs } = this.limit;
    while (this.reserved.length && this.reserved[0].at <= now - windowMs - this.marginMs)
      this.reserved.shift();
    let at = Math.max(now, this.pausedUntil);
    if (this.reserved.length >= requests) {
      at = Math.max(at, this.reserved[this.reserved.length - requests].at + windowMs + this.marginMs);
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
    slot.at = at;
    this.reserved.push(slot);
    return wait;
  }

  /** The request of `slot` was answered now: the server counted it no later than this. */
  private answered(slot: { at: number }): void {
    const now = this.now();
    if (now <= slot.at) return;
    slot.at = now;
    this.reserved.sort((a, b) => a.at - b.at);
  }

  /** The server said 429: send nothing before `ms` from now (the quota may be shared with others). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}
