import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker(3, 1000, () => now);

  beforeEach(() => (now = 0));

  it('stays closed below the threshold and resets on success', () => {
    const b = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    expect(b.acquire()).toBe(0);
  });

  it('opens after threshold failures in a row and refuses calls for openMs', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    expect(b.state).toBe('open');
    now = 400;
    expect(b.acquire()).toBe(600);
  });

  it('lets one probe through when half-open; its failure reopens, its success closes', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    now = 1000;
    expect(b.acquire()).toBe(0);
    expect(b.acquire()).toBeGreaterThan(0); // a second caller waits for the probe
    b.failure();
    expect(b.state).toBe('open');
    now = 2000;
    expect(b.acquire()).toBe(0);
    b.success();
    expect(b.state).toBe('closed');
  });

  it('hands the probe back when the call was held back before reaching the tool', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    now = 1000;
    expect(b.acquire()).toBe(0);
    b.release();
    expect(b.state).toBe('half-open');
    expect(b.acquire()).toBe(0); // the next caller probes instead
  });
});
