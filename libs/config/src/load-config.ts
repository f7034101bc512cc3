import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { AppConfig, OidcConfig } from './app-config';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/**
 * Validates the environment and returns the typed configuration; throws ConfigError on the first
 * bad variable. Pure: the caller decides how to report (main prints one line and exits 1).
 */
export function loadConfig(env: Env): AppConfig {
  const config = new AppConfig();
  config.nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  config.port = integer(env, 'PORT', 3000, 1, 65535);
  config.databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  config.databasePoolSize = integer(env, 'DATABASE_POOL_SIZE', 20, 1, 500);
  config.redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  config.redisPrefix = text(
    env,
    'REDIS_PREFIX',
    'meldpunt',
    /^[A-Za-z0-9_.-]{1,64}$/,
    'must be 1-64 letters, digits, _ . or -',
  );
  config.smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  // The built-in sink keeps citizens' mails in memory and shows them on /dev/mails: never in production.
  if (config.smtpUrl === undefined && config.nodeEnv === 'production') {
    throw new ConfigError(
      'SMTP_URL',
      'is required in production (smtp:// or smtps:// URL of the mail relay)',
    );
  }
  config.smsUrl = url(env, 'SMS_URL', ['http:', 'https:']);
  config.smsToken = env.SMS_TOKEN || undefined;
  config.onCallAckMs = integer(env, 'ON_CALL_ACK_MS', 10 * 60_000, 1000, 24 * 3_600_000);
  config.onCallSweepMs = integer(env, 'ON_CALL_SWEEP_MS', 30_000, 100, 3_600_000);
  config.publicBaseUrl = (
    url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${config.port}`
  ).replace(/\/$/, '');
  config.mailFromDomain = text(
    env,
    'MAIL_FROM_DOMAIN',
    'meldpunt.local',
    /^(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
    'must be a lower-case domain name such as meldpunt.example.be',
  );
  config.mailRetryBaseMs = integer(env, 'MAIL_RETRY_BASE_MS', 5000, 10, 3_600_000);
  config.mailAttempts = integer(env, 'MAIL_ATTEMPTS', 10, 1, 50);
  config.mailConcurrency = integer(env, 'MAIL_CONCURRENCY', 64, 1, 256);
  config.smtpMaxConnections = integer(env, 'SMTP_MAX_CONNECTIONS', 8, 1, 100);
  config.smtpMaxMessages = integer(env, 'SMTP_MAX_MESSAGES', 100, 1, 100_000);
  // The embedded default takes mail on 2525 so a newcomer can write to a mailbox; else only when set.
  config.mailIntakePort =
    env.MAIL_INTAKE_PORT === 'off'
      ? undefined
      : env.MAIL_INTAKE_PORT || config.databaseUrl !== undefined
        ? optionalInteger(env, 'MAIL_INTAKE_PORT', 0, 65535)
        : 2525;
  config.mailIntakeHost = host(env, 'MAIL_INTAKE_HOST', '127.0.0.1');
  config.mailIntakeMaxBytes = integer(
    env,
    'MAIL_INTAKE_MAX_BYTES',
    25 * 1024 * 1024,
    1024,
    100 * 1024 * 1024,
  );
  config.jwtSecret = env.JWT_SECRET || undefined;
  if (config.jwtSecret !== undefined && config.jwtSecret.length < 32) {
    throw new ConfigError(
      'JWT_SECRET',
      'must be at least 32 characters long',
      `${config.jwtSecret.length} characters`,
    );
  }
  if (config.jwtSecret === undefined && config.databaseUrl !== undefined && config.nodeEnv === 'production') {
    throw new ConfigError(
      'JWT_SECRET',
      'is required in production (a random string of 32 characters or more)',
    );
  }
  config.accessTokenTtlSeconds = integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86400);
  config.refreshTokenTtlSeconds = integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 43200, 300, 2_592_000);
  config.oidc = oidc(env);
  config.corsOrigins = origins(env, 'CORS_ORIGINS');
  config.webFormEmbedOrigins = origins(env, 'WEB_FORM_EMBED_ORIGINS');
  config.webFormMinFillSeconds = integer(env, 'WEB_FORM_MIN_FILL_SECONDS', 3, 0, 600);
  config.trustedProxies = proxies(env, 'TRUSTED_PROXIES');
  config.metricsToken = env.METRICS_TOKEN || undefined;
  if (config.metricsToken !== undefined && !/^[\x21-\x7e]{24,200}$/.test(config.metricsToken)) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'must be 24 to 200 printable characters without spaces',
      '(hidden)',
    );
  }
  config.loginRateLimit = integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 100_000);
  config.publicRateLimit = integer(env, 'PUBLIC_RATE_LIMIT', 60, 1, 1_000_000);
  config.rateLimitWindowSeconds = integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600);
  config.gdprRetentionMonths = integer(env, 'GDPR_RETENTION_MONTHS', 24, 1, 240);
  config.seedDemo = bool(env, 'SEED_DEMO', config.databaseUrl === undefined);
  config.runWorker = bool(env, 'RUN_WORKER', true);
  config.dataDir = resolve(env.DATA_DIR || './.data');
  config.logLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, config.nodeEnv === 'test' ? 'warn' : 'info');
  config.outboxPollMs = integer(env, 'OUTBOX_POLL_MS', 500, 10, 60000);
  config.reconcileIntervalMs = integer(env, 'RECONCILE_INTERVAL_MS', 60_000, 100, 3_600_000);
  config.reconcileGraceMs = integer(env, 'RECONCILE_GRACE_MS', 30_000, 0, 3_600_000);
  config.outboxRedeliveryHours = integer(env, 'OUTBOX_REDELIVERY_HOURS', 24, 1, 168);
  config.shutdownTimeoutMs = integer(env, 'SHUTDOWN_TIMEOUT_MS', 9000, 1000, 600_000);
  config.credentialsKey = key32(env, 'CREDENTIALS_KEY');
  if (
    config.credentialsKey === undefined &&
    config.databaseUrl !== undefined &&
    config.nodeEnv === 'production'
  ) {
    throw new ConfigError(
      'CREDENTIALS_KEY',
      'is required in production (32 random bytes, base64: openssl rand -base64 32)',
    );
  }
  config.syncAttempts = integer(env, 'SYNC_ATTEMPTS', 12, 1, 100);
  config.syncBackoffMs = integer(env, 'SYNC_BACKOFF_MS', 1000, 10, 3_600_000);
  config.syncBackoffMaxMs = integer(
    env,
    'SYNC_BACKOFF_MAX_MS',
    Math.max(15 * 60_000, config.syncBackoffMs),
    config.syncBackoffMs,
    24 * 3_600_000,
  );
  config.syncTimeoutMs = integer(env, 'SYNC_TIMEOUT_MS', 10_000, 100, 300_000);
  config.syncCreateSettleMs = integer(env, 'SYNC_CREATE_SETTLE_MS', 30_000, 0, 3_600_000);
  config.syncConcurrency = integer(env, 'SYNC_CONCURRENCY', 64, 1, 500);
  config.syncBreakerThreshold = integer(env, 'SYNC_BREAKER_THRESHOLD', 5, 1, 1000);
  config.syncBreakerOpenMs = integer(env, 'SYNC_BREAKER_OPEN_MS', 30_000, 10, 3_600_000);
  config.backOfficeSimulator = bool(env, 'BACKOFFICE_SIMULATOR', config.databaseUrl === undefined);
  return config;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

function optionalInteger(env: Env, name: string, min: number, max: number): number | undefined {
  return env[name] === undefined || env[name] === '' ? undefined : integer(env, name, min, min, max);
}

/** An IP address to listen on. */
function host(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!isIP(raw)) throw new ConfigError(name, 'must be an IP address to listen on, such as 0.0.0.0', raw);
  return raw;
}

/** 32 bytes, given as base64 (44 characters) or hex (64 characters). */
function key32(env: Env, name: string): Buffer | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      name,
      'must be 32 bytes as base64 (44 characters) or hex (64 characters)',
      '(hidden)',
    );
  }
  return key;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'must be true or false', raw);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      name,
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      raw,
    );
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      name,
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      raw,
    );
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}`, raw);
  }
  return raw as T;
}

function text(env: Env, name: string, fallback: string, pattern: RegExp, rule: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!pattern.test(raw)) throw new ConfigError(name, rule, raw);
  return raw;
}

/** Comma-separated origins (`https://console.example.be`), each a scheme, host and optional port. */
function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        name,
        'must be comma-separated origins such as https://console.example.be',
        origin,
      );
    }
    return origin;
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is
 * believed (`10.0.0.5`, `10.0.0.0/24`, `loopback`); empty: none, the socket's peer is the client.
 */
function proxies(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const proxy = entry.trim();
    const [address, bits, extra] = proxy.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!PROXY_NAMES.includes(proxy) && (!family || !validBits || extra !== undefined)) {
      throw new ConfigError(
        name,
        `must be comma-separated IP addresses or CIDR ranges (or ${PROXY_NAMES.join(', ')})`,
        proxy,
      );
    }
    return proxy;
  });
}

function oidc(env: Env): OidcConfig | undefined {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  if (!issuer) return undefined;
  // Plain http only for a provider on this machine (development, tests): tokens travel over it.
  if (
    new URL(issuer).protocol === 'http:' &&
    !['localhost', '127.0.0.1'].includes(new URL(issuer).hostname)
  ) {
    throw new ConfigError('OIDC_ISSUER', 'must be an https:// URL (http:// only for localhost)', issuer);
  }
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
  const redirectUrl = url(env, 'OIDC_REDIRECT_URL', ['https:', 'http:']);
  if (!redirectUrl) throw new ConfigError('OIDC_REDIRECT_URL', 'is required when OIDC_ISSUER is set');
  const claim = /^[A-Za-z0-9_:./-]{1,100}$/;
  const rule = 'must be a claim name (letters, digits, _ : . / -)';
  return {
    issuer: issuer.replace(/\/$/, ''),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUrl,
    scopes: text(
      env,
      'OIDC_SCOPES',
      'openid email profile',
      /^openid( [\w:./-]+)*$/,
      'must start with openid',
    ),
    rolesClaim: env.OIDC_ROLES_CLAIM ? text(env, 'OIDC_ROLES_CLAIM', '', claim, rule) : undefined,
    municipalitiesClaim: env.OIDC_MUNICIPALITIES_CLAIM
      ? text(env, 'OIDC_MUNICIPALITIES_CLAIM', '', claim, rule)
      : undefined,
    autoProvision: bool(env, 'OIDC_AUTO_PROVISION', false),
  };
}
