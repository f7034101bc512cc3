/**
 * Where the database and Redis actually are once the start-up chose them (configured URLs, or
 * the embedded PostgreSQL and the local Redis of the embedded defaults).
 */
export class Infrastructure {
  constructor(
    readonly databaseUrl: string,
    readonly redisUrl: string,
    /** Where log lines go instead of stdout (tests read them to prove no personal data is logged). */
    readonly logDestination?: { write(line: string): void },
  ) {}
}
