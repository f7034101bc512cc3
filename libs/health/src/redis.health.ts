import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Infrastructure } from '@meldpunt/config';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    infrastructure: Infrastructure,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.client = new Redis(infrastructure.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.client.on('error', () => undefined);
  }

  async check(key: string): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      const started = Date.now();
      await this.client.ping();
      return session.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
