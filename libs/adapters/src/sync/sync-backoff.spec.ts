import { BackOfficeError } from '../port/back-office-adapter';
import { syncBackoffStrategy, syncRetryDelay } from './sync-backoff';
import { SYNC_BACKOFF_TYPE } from './sync-queues';

const MAX = 15 * 60_000;

describe('syncRetryDelay', () => {
  it('doubles per attempt, between half and the whole exponential delay', () => {
    expect(syncRetryDelay(1, 1000, MAX, new Error('x'), () => 0)).toBe(500);
    expect(syncRetryDelay(1, 1000, MAX, new Error('x'), () => 1)).toBe(1000);
    expect(syncRetryDelay(4, 1000, MAX, new Error('x'), () => 1)).toBe(8000);
    for (let i = 0; i < 100; i++) {
      const d = syncRetryDelay(3, 1000, MAX, null);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('waits at least what Retry-After asked for', () => {
    const limited = new BackOfficeError('429', true, 429, 7000);
    expect(syncRetryDelay(1, 1000, MAX, limited, () => 0)).toBe(7000);
  });

  it('caps the delay, a Retry-After included', () => {
    expect(syncRetryDelay(40, 1000, MAX, null, () => 1)).toBe(MAX);
    expect(syncRetryDelay(14, 20, 2000, null, () => 0)).toBe(1000);
    expect(syncRetryDelay(14, 20, 2000, null, () => 1)).toBe(2000);
    const patient = new BackOfficeError('429', true, 429, 3_600_000);
    expect(syncRetryDelay(1, 1000, MAX, patient, () => 0)).toBe(MAX);
  });

  it('as BullMQ strategy: takes the base from the job and applies the configured cap', async () => {
    const strategy = syncBackoffStrategy(2000);
    const job = { opts: { backoff: { type: SYNC_BACKOFF_TYPE, delay: 20 } } } as never;
    expect(await strategy(1, SYNC_BACKOFF_TYPE, new Error('x'), job)).toBeLessThanOrEqual(20);
    expect(await strategy(14, SYNC_BACKOFF_TYPE, new Error('x'), job)).toBeGreaterThanOrEqual(1000);
    expect(await strategy(14, SYNC_BACKOFF_TYPE, new Error('x'), job)).toBeLessThanOrEqual(2000);
  });
});
