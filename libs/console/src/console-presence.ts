import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, Infrastructure } from '@meldpunt/config';

export interface PresentAgent {
  id: string;
  name: string;
  viewing: string | null;
}

/**
 * Who is online and which ticket each has open, shared by every api instance through one Redis
 * hash (socket id -> agent). Entries of an instance that died without cleaning up disappear when
 * they are older than a day; the console shows an agent once, with the ticket last opened.
 */
@Injectable()
export class ConsolePresence implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly key: string;

  constructor(infrastructure: Infrastructure, config: AppConfig) {
    this.redis = new Redis(infrastructure.redisUrl, { maxRetriesPerRequest: 3 });
    this.key = `${config.redisPrefix}:console:presence`;
  }

  onModuleDestroy(): void {
    // quit() lets the commands of sockets closing during shutdown finish first.
    void this.redis.quit().catch(() => this.redis.disconnect());
  }

  async set(socketId: string, agent: PresentAgent): Promise<void> {
    await this.redis.hset(this.key, socketId, JSON.stringify({ ...agent, at: Date.now() }));
  }

  async remove(socketId: string): Promise<void> {
    await this.redis.hdel(this.key, socketId);
  }

  async list(): Promise<PresentAgent[]> {
    const entries = Object.entries(await this.redis.hgetall(this.key));
    const byAgent = new Map<string, PresentAgent & { at: number }>();
    const stale: string[] = [];
    for (const [socketId, raw] of entries) {
      const entry = JSON.parse(raw) as PresentAgent & { at: number };
      if (Date.now() - entry.at > 86_400_000) stale.push(socketId);
      else if ((byAgent.get(entry.id)?.at ?? 0) <= entry.at) byAgent.set(entry.id, entry);
    }
    if (stale.length) await this.redis.hdel(this.key, ...stale);
    return [...byAgent.values()]
      .map(({ id, name, viewing }) => ({ id, name, viewing }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
