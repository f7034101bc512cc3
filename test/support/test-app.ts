import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { AppConfig, Infrastructure, loadConfig } from '@meldpunt/config';
import { createApiApp, DEMO_ACCOUNT } from '@meldpunt/platform';
import { createTestDatabase } from './test-database';
import { TEST_REDIS_URL } from './test-env';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  databaseUrl: string;
  redisPrefix: string;
  http: () => ReturnType<typeof request>;
  /** Runs SQL on this test's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A bearer token of the demo admin, or of a new user with these roles and municipalities. */
  token(user?: { roles: string[]; municipalities?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real api (same module graph as production) on a database and Redis prefix of its own.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logDestination?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const redisPrefix = `mp_test_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'silent',
    RUN_WORKER: 'false',
    DATABASE_POOL_SIZE: '10',
    // Suites log in and call the citizens' endpoints often from one address; the rate-limit tests
    // set their own small limits.
    LOGIN_RATE_LIMIT: '10000',
    PUBLIC_RATE_LIMIT: '100000',
    ...env,
  });
  const app = await createApiApp(
    config,
    new Infrastructure(database.url, TEST_REDIS_URL, options.logDestination),
  );
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  let adminToken: string | undefined;
  const http = () => request(app.getHttpServer());

  const login = async (email: string, password: string): Promise<string> => {
    const res = await http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  return {
    app,
    config,
    databaseUrl: database.url,
    redisPrefix,
    http,
    sql: async (text, params) => (await pg.query(text, params)).rows,
    token: async (user) => {
      adminToken ??= await login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      if (!user) return adminToken;
      const email = `u${randomBytes(4).toString('hex')}@test.meldpunt.local`;
      const password = 'correct-horse-battery-1';
      const created = await http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          email,
          name: 'Test Agent',
          password,
          roles: user.roles,
          municipalities: user.municipalities ?? [],
        });
      if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
      return login(email, password);
    },
    close: async () => {
      await app.close();
      await pg.end();
      await database.drop();
      await deleteRedisPrefix(redisPrefix);
    },
  };
}

export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
