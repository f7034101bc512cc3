import { DataSource } from 'typeorm';
import { typeormOptions } from '@meldpunt/database';
import { ALL_ENTITIES } from '@meldpunt/platform';
import { MIGRATIONS } from '../../migrations';
import { createTestDatabase } from '../support/test-database';

describe('Migrations', () => {
  it('agree with the entities: generating a migration after running them all yields nothing', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(typeormOptions(database.url, ALL_ENTITIES, MIGRATIONS, 2));
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      // The same computation `typeorm migration:generate` runs.
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('run down and up again cleanly', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(typeormOptions(database.url, ALL_ENTITIES, MIGRATIONS, 2));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
      );
      expect(tables[0].n).toBe('0');
      await dataSource.runMigrations();
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
