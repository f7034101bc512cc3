import { DataSourceOptions } from 'typeorm';
import { QueryErrorLogger } from './query-error-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/**
 * One place for how we talk to PostgreSQL: snake_case names, migrations instead of
 * synchronisation, UTC sessions (timestamps are timestamptz; time zones are applied by the SLA
 * calendar, never by the session).
 */
export function typeormOptions(
  url: string,
  entities: Constructor[],
  migrations: Constructor[],
  poolSize = 20,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, options: '-c timezone=UTC', application_name: 'meldpunt' },
    logging: ['error', 'migration'],
    logger: new QueryErrorLogger(),
  };
}
