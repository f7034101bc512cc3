/**
 * A circuit breaker per connector (municipality), in process memory. After `threshold` failures in
 * a row the circuit opens: calls fail at once, without touching the back-office, for `openMs`;
 * then one probe is let through (half-open) and its outcome closes or reopens the circuit. One
 * municipality's dead back-office thus costs the others nothing: its jobs fail fast and back off.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  /** Ms until a call may be tried; 0 when one may go now (the caller then owns the probe). */
  acquire(): number {
    const state = this.state;
    if (state === 'closed') return 0;
    if (state === 'open') return this.openMs - (this.now() - this.openedAt!);
    if (this.probing) return Math.max(100, Math.round(this.openMs / 10));
    this.probing = true;
    return 0;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  /** The call said nothing about the tool (nothing was sent): the state stays; a probe may go again. */
  release(): void {
    this.probing = false;
  }

  failure(): void {
    this.failures++;
    if (this.probing || this.failures >= this.threshold) this.openedAt = this.now();
    this.probing = false;
  }
}

/** The breakers of all connectors of this process, by municipality. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
  ) {}

  for(key: string): CircuitBreaker {
    let breaker = this.breakers.get(key);
    if (!breaker) this.breakers.set(key, (breaker = new CircuitBreaker(this.threshold, this.openMs)));
    return breaker;
  }

  states(): Record<string, string> {
    return Object.fromEntries([...this.breakers].map(([key, b]) => [key, b.state]));
  }
}
