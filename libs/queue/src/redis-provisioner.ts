import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';

export interface ProvisionedRedis {
  url: string;
  description: string;
  stop(): Promise<void>;
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';

export class RedisUnavailableError extends Error {}

/**
 * Finds the Redis to use. A configured REDIS_URL must answer. Without one we try the default
 * address, and when nothing answers there we start `redis-server` from the PATH as a child
 * process with its data under `<dataDir>/redis`.
 */
export async function provisionRedis(
  configuredUrl: string | undefined,
  dataDir: string,
): Promise<ProvisionedRedis> {
  const url = configuredUrl ?? DEFAULT_URL;
  if (await answers(url)) {
    return {
      url,
      description: `Redis at ${redactUrl(url)}${configuredUrl ? '' : ' (default address)'}`,
      stop: async () => {},
    };
  }
  if (configuredUrl) {
    throw new RedisUnavailableError(`REDIS_URL ${redactUrl(url)} does not answer`);
  }
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new RedisUnavailableError(
      'no Redis answers at 127.0.0.1:6379 and redis-server is not on the PATH: install it (apt-get install redis-server) or run `docker compose -f docker/compose.yml up -d redis`',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: 'ignore' },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', () => void stop());
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await answers(url))
      return { url, description: `Redis started from redis-server with data at ${dir}`, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new RedisUnavailableError('redis-server was started but did not answer on 127.0.0.1:6379 within 5 s');
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
