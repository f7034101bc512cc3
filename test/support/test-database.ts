import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL, databaseUrl, runId, templateDatabase } from './test-env';

/** A database of its own for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `mp_test_${runId()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
      break;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  // TypeORM keys generated-column metadata by database name; a clone carries the template's name.
  const clone = new Client({ connectionString: databaseUrl(name) });
  await clone.connect();
  await clone.query('UPDATE typeorm_metadata SET database = current_database()');
  await clone.end();
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
