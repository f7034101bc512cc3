import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppConfig, Infrastructure } from '@meldpunt/config';
import { startEmbeddedPostgres } from '@meldpunt/database';
import { provisionRedis } from '@meldpunt/queue';
import { migrateDatabase } from './migrate';

export interface Provisioned {
  infrastructure: Infrastructure;
  stop(): Promise<void>;
}

/**
 * Chooses the database and Redis (configured, or the embedded defaults), migrates the database,
 * and logs one line per choice so whoever starts the service sees what it runs on.
 */
export async function provisionInfrastructure(config: AppConfig, log: Logger): Promise<Provisioned> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    log.info(`database: PostgreSQL at ${new URL(databaseUrl).host} (DATABASE_URL)`);
  } else {
    const embedded = await startEmbeddedPostgres(config.dataDir);
    stops.push(() => embedded.stop());
    databaseUrl = embedded.url;
    log.info(`database: ${embedded.description}`);
  }
  const applied = await migrateDatabase(databaseUrl);
  log.info(`migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);

  const redis = await provisionRedis(config.redisUrl, config.dataDir);
  stops.push(() => redis.stop());
  log.info(`queues: ${redis.description}, key prefix '${config.redisPrefix}'`);

  if (!config.jwtSecret) {
    config.jwtSecret = persistentSecret(config.dataDir);
    log.info(
      `tokens: JWT_SECRET not set, using a random secret kept in ${join(config.dataDir, 'jwt-secret')}`,
    );
  }
  if (!config.credentialsKey) {
    config.credentialsKey = Buffer.from(persistentSecret(config.dataDir, 'credentials-key', 32), 'base64url');
    log.info(
      `credentials: CREDENTIALS_KEY not set, using a random key kept in ${join(config.dataDir, 'credentials-key')}`,
    );
  }
  return {
    infrastructure: new Infrastructure(databaseUrl, redis.url),
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

/** A random signing secret that survives restarts, so a restart does not log everyone out. */
function persistentSecret(dataDir: string, name = 'jwt-secret', bytes = 48): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
