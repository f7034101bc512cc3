import 'reflect-metadata';
// Global setup runs outside Jest's module mapper: resolve the @meldpunt/* aliases like tsc does.
import { register } from 'tsconfig-paths';
register({ baseUrl: `${__dirname}/../..`, paths: { '@meldpunt/*': ['libs/*/src'] } });
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL, databaseUrl, templateDatabase } from './test-env';

/** Creates this run's template database with every migration applied; test files clone it. */
export default async function globalSetup(): Promise<void> {
  process.env.MELDPUNT_TEST_RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDatabase()}`);
  await admin.end();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrateDatabase } = require('@meldpunt/platform') as typeof import('@meldpunt/platform');
  await migrateDatabase(databaseUrl(templateDatabase()));
}
