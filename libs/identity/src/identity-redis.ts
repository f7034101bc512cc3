import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, Infrastructure } from '@meldpunt/config';

/**
 * Identity's short-lived state in Redis (rate-limit counters, OpenID Connect login attempts), under
 * the installation's key prefix. Commands fail at once while Redis is unreachable instead of
 * queueing: a login should not hang on a counter.
 */
@Injectable()
export class IdentityRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(config: AppConfig, infrastructure: Infrastructure) {
    this.client = new Redis(infrastructure.redisUrl, {
      keyPrefix: `${config.redisPrefix}:identity:`,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.client.on('error', () => undefined);
    void this.client.connect().catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
