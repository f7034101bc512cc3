import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { errorBody, RateLimitedError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { RateLimiter } from './rate-limiter';

/** Paths of the citizens' endpoints (no account; a link token is the key), limited per client address. */
export const PUBLIC_RATE_LIMITED_PATHS = [
  'api/v1/public/*path',
  'status/*path',
  'melden',
  'melden/*path',
  'chat',
  'chat/*path',
];

/**
 * Limits the citizens' endpoints per client address, whichever controller serves them: applied
 * by path, so a new public route is covered without anyone remembering to.
 */
@Injectable()
export class PublicRateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      await this.limiter.consume('public', req.ip ?? 'unknown', {
        limit: this.config.publicRateLimit,
        windowSeconds: this.config.rateLimitWindowSeconds,
      });
      next();
    } catch (error) {
      if (!(error instanceof RateLimitedError)) return next(error);
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res.status(429).json(errorBody(429, error.message));
    }
  }
}
