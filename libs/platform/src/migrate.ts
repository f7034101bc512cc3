import { DataSource } from 'typeorm';
import { QueryErrorLogger, typeormOptions } from '@meldpunt/database';
import { MIGRATIONS } from '../../../migrations';
import { ALL_ENTITIES } from './entities';

// Several processes (api instances, the worker) may start together; one migrates at a time.
const MIGRATION_LOCK = 7_315_000;

/** Runs the pending migrations under an advisory lock; returns the names it applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...typeormOptions(url, ALL_ENTITIES, MIGRATIONS, 2),
    // The caller reports what was applied; TypeORM's own lines about each migration are noise.
    logger: new QueryErrorLogger({ migrations: false }),
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await dataSource.destroy();
  }
}
