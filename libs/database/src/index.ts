export * from './embedded-postgres';
export * from './free-port';
export * from './typeorm-options';
export * from './snake-naming.strategy';
export * from './query-error-logger';
