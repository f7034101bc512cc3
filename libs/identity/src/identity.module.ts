import { createSecretKey } from 'node:crypto';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@meldpunt/config';
import { AccessGuard } from './access.guard';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeys } from './api-keys/api-keys';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AuditLog } from './audit/audit-log';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CallerAuthentication } from './caller-authentication';
import { UserEntity } from './entities/user.entity';
import { IdentityRedis } from './identity-redis';
import { OidcController } from './oidc/oidc.controller';
import { OidcLogin } from './oidc/oidc-login';
import { OidcProvider } from './oidc/oidc-provider';
import {
  PUBLIC_RATE_LIMITED_PATHS,
  PublicRateLimitMiddleware,
} from './rate-limit/public-rate-limit.middleware';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { SessionRevocations } from './sessions/session-revocations';
import { StaffSessionEntity } from './sessions/staff-session.entity';
import { StaffSessions } from './sessions/staff-sessions';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { WebhookSecretEntity } from './webhooks/webhook-secret.entity';
import { WebhookSecrets } from './webhooks/webhook-secrets';
import { WebhookSecretsController } from './webhooks/webhook-secrets.controller';

export const IDENTITY_ENTITIES = [
  UserEntity,
  StaffSessionEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  WebhookSecretEntity,
  AuditEventEntity,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // public key on every verification (about a fifth of the api's CPU in bench/intake).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret ?? '')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [
    AuthController,
    OidcController,
    UsersController,
    ApiKeysController,
    WebhookSecretsController,
    AuditController,
  ],
  providers: [
    AuthService,
    UsersService,
    TokenService,
    StaffSessions,
    SessionRevocations,
    CallerAuthentication,
    ApiKeys,
    WebhookSecrets,
    AuditLog,
    IdentityRedis,
    RateLimiter,
    OidcProvider,
    OidcLogin,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, TokenService, CallerAuthentication, AuditLog, RateLimiter],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PublicRateLimitMiddleware)
      .forRoutes(...PUBLIC_RATE_LIMITED_PATHS.map((path) => ({ path, method: RequestMethod.ALL })));
  }
}
