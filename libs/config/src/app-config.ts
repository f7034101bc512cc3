/**
 * The service's whole configuration, read once from the environment at start and validated.
 * Nothing else in the code reads `process.env`: it receives this object (token `AppConfig`).
 */
export class AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Absent: an embedded PostgreSQL is started under `dataDir/postgres`. */
  databaseUrl?: string;
  databasePoolSize: number;
  /** Absent: redis://127.0.0.1:6379, started from `redis-server` on the PATH when nothing answers. */
  redisUrl?: string;
  /** Prefix of every Redis key (BullMQ queues included), so several installations share one Redis. */
  redisPrefix: string;
  /** Absent: a built-in mail sink receives the mails (citizen notifications). */
  smtpUrl?: string;
  publicBaseUrl: string;
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  seedDemo: boolean;
  /** Run the queue processors inside the api process (the embedded default) or only in apps/worker. */
  runWorker: boolean;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  outboxPollMs: number;

  /** True when the service runs on its embedded defaults (no DATABASE_URL). */
  get embedded(): boolean {
    return !this.databaseUrl;
  }
}
