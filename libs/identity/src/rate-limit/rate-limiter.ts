import { Injectable, Logger } from '@nestjs/common';
import { RateLimitedError } from '@meldpunt/api-errors';
import { IdentityRedis } from '../identity-redis';

// INCR and the expiry in one step, so a crash between them cannot leave a counter that never
// expires. The window starts at a subject's first hit (no burst across a clock-aligned boundary).
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every api process. When Redis cannot be reached the
 * request is let through (and logged): the limits protect against abuse, the account lock-out in
 * PostgreSQL still guards passwords, and staff should not be locked out by a Redis outage.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(private readonly redis: IdentityRedis) {}

  /** Counts one hit of `subject` in `bucket`; throws RateLimitedError (429) over the limit. */
  async consume(bucket: string, subject: string, { limit, windowSeconds }: RateLimit): Promise<void> {
    let hits: number;
    let remainingMs: number;
    try {
      const answer = (await this.redis.client.eval(
        HIT,
        1,
        `rate:${bucket}:${subject}`,
        String(windowSeconds * 1000),
      )) as [number, number];
      [hits, remainingMs] = answer.map(Number);
    } catch (error) {
      this.logger.warn(`rate limit ${bucket} not checked, Redis unavailable: ${(error as Error).message}`);
      return;
    }
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(remainingMs / 1000));
      throw new RateLimitedError(`Too many requests; try again in ${retryAfter} s`, retryAfter);
    }
  }
}
