import type { BackoffStrategy } from 'bullmq';
import { BackOfficeError } from '../port/back-office-adapter';
import { SYNC_BACKOFF_TYPE } from './sync-queues';

/**
 * The delay before retry `attemptsMade` (1-based): exponential from `baseMs`, with "equal jitter"
 * (half fixed, half random) so the jobs of an outage do not all come back in the same second, and
 * never shorter than what the back-office asked for in Retry-After. Capped at `maxMs`: a task that
 * has been unlucky many times (an open circuit also costs an attempt) is still tried again soon.
 */
export function syncRetryDelay(
  attemptsMade: number,
  baseMs: number,
  maxMs: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  const asked = error instanceof BackOfficeError && error.retryAfterMs !== null ? error.retryAfterMs : 0;
  return Math.max(jittered, Math.min(asked, maxMs));
}

/** BullMQ's custom back-off for sync jobs: `syncRetryDelay` from the job's base delay, capped at `maxMs`. */
export function syncBackoffStrategy(maxMs: number): BackoffStrategy {
  return (attemptsMade, type, error, job) => {
    const base = typeof job?.opts.backoff === 'object' ? (job.opts.backoff.delay ?? 1000) : 1000;
    return type === SYNC_BACKOFF_TYPE ? syncRetryDelay(attemptsMade, base, maxMs, error) : base;
  };
}
