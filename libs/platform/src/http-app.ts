import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import {
  bodyParserErrorMiddleware,
  createValidationPipe,
  HttpExceptionFilter,
  requestTextGuard,
} from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';

/** Request limits, validation, error mapping and the OpenAPI document: the same for every HTTP app. */
export function configureHttpApp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the configured proxies: from anyone else a client could
  // name any address it likes and step out of the per-address rate limits.
  const config = app.get(AppConfig);
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  app.use(helmet({ contentSecurityPolicy: false }));
  enableCors(app, config.corsOrigins);
  app.useBodyParser('json', { limit: '1mb' });
  app.use(bodyParserErrorMiddleware);
  app.use(requestTextGuard);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  setUpOpenApi(app);
}

/**
 * Browsers may call the API only from the configured origins (the console, municipal sites); with
 * none configured, no cross-origin call is allowed at all. Credentials (the console's cookie) are
 * allowed because every allowed origin is listed by name.
 */
function enableCors(app: NestExpressApplication, origins: string[]): void {
  if (!origins.length) return;
  app.enableCors({
    origin: origins,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Api-Key'],
    exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
    maxAge: 600,
  });
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('meldpunt')
      .setDescription(
        'Regional contact center of Zuid-West-Vlaanderen: tickets (questions, reports, complaints) from every channel ' +
          'for thirteen municipalities. Errors: `{ statusCode, error, message, errors?: [{ field, rule, message }] }`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
