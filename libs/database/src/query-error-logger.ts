import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { withoutQuotedValues } from '@meldpunt/api-errors';

/**
 * TypeORM's logger for our data sources. Its own prints every failed query with all its
 * parameters, and those are reporters' names, e-mail addresses, phone numbers and descriptions.
 * This one logs the SQLSTATE, the message without the quoted value, and the statement text
 * (parameters are always `$n` placeholders), never the parameters.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly options: { migrations: boolean } = { migrations: true }) {}

  logQuery(): void {}

  /** `parameters` is part of TypeORM's signature and deliberately never read. */
  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const code = typeof error === 'string' ? undefined : (error as { code?: unknown }).code;
    const message = withoutQuotedValues(typeof error === 'string' ? error : error.message);
    this.logger.error(
      `query failed${typeof code === 'string' ? ` (${code})` : ''}: ${message}; in: ${statement(query)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${statement(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.options.migrations) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = withoutQuotedValues(String(message));
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}

function statement(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}
