/**
 * Ultimo's quota as a sliding window: at most `limit` requests in any `windowMs`, counted per API
 * key. (Ultimo counts all keys of a customer together; a simulated environment has one key.)
 */
export class RequestQuota {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the call and returns 0, or returns how long until one would be allowed (not counted). */
  take(key: string): number {
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - this.windowMs);
    this.calls.set(key, recent);
    if (recent.length >= this.limit) return recent[recent.length - this.limit] + this.windowMs - now;
    recent.push(now);
    return 0;
  }

  reset(): void {
    this.calls.clear();
  }
}
