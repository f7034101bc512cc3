import fc from 'fast-check';
import { BackOfficeThrottled } from '../../port/back-office-adapter';
import { RequestRateLimiter } from './request-rate-limiter';

describe('RequestRateLimiter', () => {
  const limiter = (now: () => number, maxWaitMs = 10_000) =>
    new RequestRateLimiter({ requests: 3, windowMs: 1000, maxWaitMs }, now, () => Promise.resolve(), 0);

  it('lets a burst of `requests` through, then places the next one a window after the first', () => {
    const l = limiter(() => 0);
    expect([l.reserve(), l.reserve(), l.reserve(), l.reserve(), l.reserve()]).toEqual([0, 0, 0, 1000, 1000]);
  });

  it('frees slots as time passes', () => {
    let t = 0;
    const l = limiter(() => t);
    l.reserve();
    t = 400;
    l.reserve();
    l.reserve();
    t = 1000;
    expect(l.reserve()).toBe(0);
    expect(l.reserve()).toBe(400);
  });

  it('refuses with BackOfficeThrottled and retryAfterMs instead of waiting longer than maxWaitMs', () => {
    const l = limiter(() => 0, 500);
    l.reserve();
    l.reserve();
    l.reserve();
    let error: unknown;
    try {
      l.reserve();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BackOfficeThrottled);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 1000 });
  });

  it('spreads the callers it refuses at the pace of the budget', () => {
    const l = limiter(() => 0, 500);
    l.reserve();
    l.reserve();
    l.reserve();
    const comeBack = Array.from({ length: 4 }, () => {
      try {
        l.reserve();
        return 0;
      } catch (e) {
        return (e as BackOfficeThrottled).retryAfterMs;
      }
    });
    // 3 requests per 1000 ms: one every 333 ms after the first free slot.
    expect(comeBack.map((ms) => Math.round(ms ?? 0))).toEqual([1000, 1333, 1667, 2000]);
  });

  it('measures the window from the answer of a request that was slow to arrive', async () => {
    let t = 0;
    const l = limiter(() => t);
    const answers = [await l.acquire(), await l.acquire(), await l.acquire()];
    // Sent at 0, answered at 300: the server counted them by then, perhaps only then.
    t = 300;
    for (const answered of answers) answered();
    t = 1000;
    expect(l.reserve()).toBe(300);
  });

  it('holds every request back while paused after a 429', () => {
    const l = limiter(() => 0);
    l.pause(2000);
    expect(l.reserve()).toBe(2000);
  });

  it('never schedules more than `requests` sends in any window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 60 }), (gaps) => {
        let t = 0;
        const l = limiter(() => t);
        const sends: number[] = [];
        for (const gap of gaps) {
          t += gap;
          sends.push(t + l.reserve());
        }
        sends.sort((a, b) => a - b);
        for (let i = 3; i < sends.length; i++) expect(sends[i] - sends[i - 3]).toBeGreaterThanOrEqual(1000);
      }),
    );
  });
});
