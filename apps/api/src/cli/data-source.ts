import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '@meldpunt/database';
import { ALL_ENTITIES } from '@meldpunt/platform';
import { MIGRATIONS } from '../../../../migrations';

/**
 * For the TypeORM CLI only (`npm run migration:generate`): compares the entities with the
 * database at DATABASE_URL (or postgres://root@127.0.0.1:5432/meldpunt_dev).
 */
export default new DataSource(
  typeormOptions(
    process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/meldpunt_dev',
    ALL_ENTITIES,
    MIGRATIONS,
    2,
  ),
);
