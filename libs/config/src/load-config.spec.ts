import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redisPrefix: 'meldpunt',
      seedDemo: true,
      runWorker: true,
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(config.embedded).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('has safe security defaults: no CORS origin, no OIDC, 24 months retention', () => {
    expect(loadConfig({})).toMatchObject({
      corsOrigins: [],
      trustedProxies: [],
      metricsToken: undefined,
      oidc: undefined,
      gdprRetentionMonths: 24,
      loginRateLimit: 10,
      publicRateLimit: 60,
      rateLimitWindowSeconds: 60,
      refreshTokenTtlSeconds: 43200,
    });
    const config = loadConfig({
      CORS_ORIGINS: 'https://console.meldpunt.be, http://localhost:5173',
      OIDC_ISSUER: 'https://idp.vlaanderen.example/',
      OIDC_CLIENT_ID: 'meldpunt',
      OIDC_REDIRECT_URL: 'https://meldpunt.example/api/v1/auth/oidc/callback',
      OIDC_ROLES_CLAIM: 'meldpunt_roles',
    });
    expect(config.corsOrigins).toEqual(['https://console.meldpunt.be', 'http://localhost:5173']);
    expect(config.oidc).toEqual({
      issuer: 'https://idp.vlaanderen.example',
      clientId: 'meldpunt',
      clientSecret: undefined,
      redirectUrl: 'https://meldpunt.example/api/v1/auth/oidc/callback',
      scopes: 'openid email profile',
      rolesClaim: 'meldpunt_roles',
      municipalitiesClaim: undefined,
      autoProvision: false,
    });
  });

  it('reads trusted proxies as addresses, CIDR ranges or Express names', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1,loopback' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
  });

  it('delivers e-mail over a pool of SMTP connections, 16 deliveries in flight by default', () => {
    expect(loadConfig({})).toMatchObject({
      mailConcurrency: 64,
      smtpMaxConnections: 8,
      smtpMaxMessages: 100,
    });
    expect(
      loadConfig({ MAIL_CONCURRENCY: '128', SMTP_MAX_CONNECTIONS: '2', SMTP_MAX_MESSAGES: '1' }),
    ).toMatchObject({ mailConcurrency: 128, smtpMaxConnections: 2, smtpMaxMessages: 1 });
  });

  it('takes e-mail on port 2525 in the embedded default, with a real database only when a port is set', () => {
    expect(loadConfig({})).toMatchObject({ mailIntakePort: 2525, mailIntakeHost: '127.0.0.1' });
    expect(loadConfig({ MAIL_INTAKE_PORT: 'off' }).mailIntakePort).toBeUndefined();
    const db = { DATABASE_URL: 'postgres://x@db/m' };
    expect(loadConfig(db).mailIntakePort).toBeUndefined();
    expect(loadConfig({ ...db, MAIL_INTAKE_PORT: '25', MAIL_INTAKE_HOST: '0.0.0.0' })).toMatchObject({
      mailIntakePort: 25,
      mailIntakeHost: '0.0.0.0',
    });
  });

  it('escalates an on-call page after 10 minutes, swept every 30 s, and keeps SMS in memory without a provider', () => {
    expect(loadConfig({})).toMatchObject({ onCallAckMs: 600_000, onCallSweepMs: 30_000, smsUrl: undefined });
    expect(loadConfig({ SMS_URL: 'https://sms.example/messages', SMS_TOKEN: 's' })).toMatchObject({
      smsUrl: 'https://sms.example/messages',
      smsToken: 's',
    });
    expect(() => loadConfig({ ON_CALL_ACK_MS: '10' })).toThrow('ON_CALL_ACK_MS');
    expect(() => loadConfig({ SMS_URL: 'sms.example' })).toThrow('SMS_URL');
  });

  it('does not seed the demo account with a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/meldpunt' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/meldpunt', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reconciles every minute after a grace of 30 s and stops within 9 s by default', () => {
    expect(loadConfig({})).toMatchObject({
      reconcileIntervalMs: 60_000,
      reconcileGraceMs: 30_000,
      outboxRedeliveryHours: 24,
      shutdownTimeoutMs: 9000,
    });
  });

  it.each([
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    [{ RECONCILE_INTERVAL_MS: '10' }, 'RECONCILE_INTERVAL_MS'],
    [{ OUTBOX_REDELIVERY_HOURS: '200' }, 'OUTBOX_REDELIVERY_HOURS'],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '3.5' }, 'PORT'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SMTP_URL: 'mail.example.be' }, 'SMTP_URL'],
    [{ MAIL_FROM_DOMAIN: 'Not a domain' }, 'MAIL_FROM_DOMAIN'],
    [{ MAIL_ATTEMPTS: '0' }, 'MAIL_ATTEMPTS'],
    [{ MAIL_CONCURRENCY: '0' }, 'MAIL_CONCURRENCY'],
    [{ SMTP_MAX_CONNECTIONS: '101' }, 'SMTP_MAX_CONNECTIONS'],
    [{ SMTP_MAX_MESSAGES: 'all' }, 'SMTP_MAX_MESSAGES'],
    [{ MAIL_INTAKE_PORT: '70000' }, 'MAIL_INTAKE_PORT'],
    [{ WEB_FORM_EMBED_ORIGINS: 'kortrijk.be' }, 'WEB_FORM_EMBED_ORIGINS'],
    [{ WEB_FORM_MIN_FILL_SECONDS: '-1' }, 'WEB_FORM_MIN_FILL_SECONDS'],
    [{ MAIL_INTAKE_HOST: 'localhost' }, 'MAIL_INTAKE_HOST'],
    [{ MAIL_INTAKE_MAX_BYTES: '10' }, 'MAIL_INTAKE_MAX_BYTES'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
    [{ SYNC_BACKOFF_MS: '5000', SYNC_BACKOFF_MAX_MS: '1000' }, 'SYNC_BACKOFF_MAX_MS'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/m', SMTP_URL: 'smtp://relay' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/m', JWT_SECRET: 'x'.repeat(32) }, 'SMTP_URL'],
    [{ CORS_ORIGINS: 'https://console.example.be/path' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: 'proxy.example.be' }, 'TRUSTED_PROXIES'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ GDPR_RETENTION_MONTHS: '0' }, 'GDPR_RETENTION_MONTHS'],
    [{ LOGIN_RATE_LIMIT: 'many' }, 'LOGIN_RATE_LIMIT'],
    [
      { OIDC_ISSUER: 'http://idp.example.be', OIDC_CLIENT_ID: 'x', OIDC_REDIRECT_URL: 'https://a.be/cb' },
      'OIDC_ISSUER',
    ],
    [{ OIDC_ISSUER: 'https://idp.example.be', OIDC_REDIRECT_URL: 'https://a.be/cb' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: 'https://idp.example.be', OIDC_CLIENT_ID: 'x' }, 'OIDC_REDIRECT_URL'],
    [
      {
        OIDC_ISSUER: 'https://idp.example.be',
        OIDC_CLIENT_ID: 'x',
        OIDC_REDIRECT_URL: 'https://a.be/cb',
        OIDC_AUTO_PROVISION: 'sure',
      },
      'OIDC_AUTO_PROVISION',
    ],
  ])('names the variable in one line for %j', (env, variable) => {
    try {
      loadConfig(env);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message.startsWith(variable)).toBe(true);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
