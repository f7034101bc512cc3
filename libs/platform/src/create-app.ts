import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, Infrastructure } from '@meldpunt/config';
import { ApiModule, WorkerAppModule } from './api.module';
import { RedisIoAdapter } from '@meldpunt/console';
import { serveConsole } from './console-static';
import { trackInFlightRequests } from './http-drain';
import { configureHttpApp } from './http-app';
import { SeedRunner } from './seed-runner';

/** Builds the api exactly as production runs it; main.ts and the e2e tests both use this. */
export async function createApiApp(
  config: AppConfig,
  infrastructure: Infrastructure,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config, infrastructure), {
    bufferLogs: true,
    bodyParser: false,
    // Keeps the bytes of JSON bodies (req.rawBody): webhook signatures are over the exact bytes.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  trackInFlightRequests(app.getHttpServer());
  configureHttpApp(app);
  serveConsole(app);
  app.useWebSocketAdapter(new RedisIoAdapter(app, infrastructure.redisUrl, config.redisPrefix));
  await app.init();
  await app.get(SeedRunner).run();
  return app;
}

export async function createWorkerApp(
  config: AppConfig,
  infrastructure: Infrastructure,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(config, infrastructure), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  await app.get(SeedRunner).run();
  return app;
}
