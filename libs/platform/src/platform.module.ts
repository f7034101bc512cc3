import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig, AppConfigModule, Infrastructure } from '@meldpunt/config';
import { typeormOptions } from '@meldpunt/database';
import { OutboxModule } from '@meldpunt/outbox';
import { bullConnection } from '@meldpunt/queue';
import { BackgroundWork } from './background-work';
import { ALL_ENTITIES } from './entities';
import { loggableUrl, REDACTED_PATHS } from './log-redaction';

/**
 * Configuration, logging, PostgreSQL, BullMQ and the outbox: what every process needs; and the
 * handle on its queue workers for a stop within a deadline.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        AppConfigModule.forRoot(config, infrastructure),
        LoggerModule.forRoot({
          pinoHttp: withDestination(infrastructure.logDestination, {
            level: config.logLevel,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // Only method, path and status: no query strings, headers or bodies (see loggableUrl).
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: loggableUrl(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          }),
        }),
        TypeOrmModule.forRoot(
          typeormOptions(infrastructure.databaseUrl, ALL_ENTITIES, [], config.databasePoolSize),
        ),
        BullModule.forRoot({
          connection: bullConnection(infrastructure.redisUrl),
          prefix: config.redisPrefix,
        }),
        OutboxModule,
        DiscoveryModule,
      ],
      providers: [BackgroundWork],
      exports: [AppConfigModule, TypeOrmModule, BullModule, OutboxModule, BackgroundWork],
    };
  }
}

/** The HTTP logger's options, writing to the given destination when there is one (tests). */
function withDestination(
  destination: { write(line: string): void } | undefined,
  options: PinoHttpOptions,
): PinoHttpOptions | [PinoHttpOptions, DestinationStream] {
  return destination ? [options, destination] : options;
}
