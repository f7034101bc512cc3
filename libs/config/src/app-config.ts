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
  /** The SMS provider on-call pages go through (POST { to, text }); absent: kept in memory, e-mail only. */
  smsUrl?: string;
  /** Bearer token for SMS_URL. */
  smsToken?: string;
  /** An on-call page not acknowledged within this time goes to the next person on the roster. */
  onCallAckMs: number;
  /** How often the worker looks for unacknowledged pages to escalate. */
  onCallSweepMs: number;
  publicBaseUrl: string;
  /** Domain of the default sender addresses, `meldpunt@<municipality>.<domain>` (overridable per municipality). */
  mailFromDomain: string;
  /** First retry delay of a citizen e-mail; each next retry waits twice as long. */
  mailRetryBaseMs: number;
  /** Attempts per e-mail before it is marked failed (visible to agents, retryable by hand). */
  mailAttempts: number;
  /** E-mail delivery jobs in flight per worker process (they mostly wait on SMTP and PostgreSQL). */
  mailConcurrency: number;
  /** Most SMTP connections the worker keeps open to the relay (or the built-in sink) at once. */
  smtpMaxConnections: number;
  /** Messages sent over one pooled SMTP connection before it is closed and a new one opened. */
  smtpMaxMessages: number;
  /**
   * Port of the inbound SMTP endpoint that takes citizens' e-mails to the municipalities' mailboxes
   * (the mail relay delivers there); absent: no e-mail intake. 0: a free port (tests).
   */
  mailIntakePort?: number;
  /** Address the inbound SMTP endpoint listens on (loopback: only a relay on this machine reaches it). */
  mailIntakeHost: string;
  /** Largest inbound e-mail accepted (SMTP SIZE); bigger ones are refused with 552. */
  mailIntakeMaxBytes: number;
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  /** Lifetime of a refresh token; each refresh rotates it and starts this period again. */
  refreshTokenTtlSeconds: number;
  /** Login with the identity provider of the region or a municipality (OpenID Connect); absent: off. */
  oidc?: OidcConfig;
  /** Sites that may show the citizens' web form (/melden) in a frame; empty: none. */
  webFormEmbedOrigins: string[];
  /** A web form sent sooner than this after it was served is a robot's (asked to send again). */
  webFormMinFillSeconds: number;
  /** Browser origins allowed to call the API (CORS); empty: none. */
  corsOrigins: string[];
  /**
   * Reverse proxies (addresses, CIDR ranges, or loopback/linklocal/uniquelocal) whose
   * X-Forwarded-For names the client; empty: forwarded headers are ignored and the peer is the client.
   */
  trustedProxies: string[];
  /**
   * Bearer token a Prometheus scrape of /metrics must carry. Absent: /metrics answers only a direct
   * connection from this machine (loopback peer, no forwarded headers).
   */
  metricsToken?: string;
  /** Login attempts per window per client address and e-mail address. */
  loginRateLimit: number;
  /** Requests per window per client address on the citizens' endpoints (/api/v1/public, /status). */
  publicRateLimit: number;
  rateLimitWindowSeconds: number;
  /** Months after closing (or cancelling) after which a ticket's reporter data are anonymised. */
  gdprRetentionMonths: number;
  seedDemo: boolean;
  /** Run the queue processors inside the api process (the embedded default) or only in apps/worker. */
  runWorker: boolean;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  outboxPollMs: number;
  /**
   * How often the worker's reconcilers re-create, from PostgreSQL, the queue jobs Redis lacks (SLA
   * timers, e-mails, back-office tasks, outbox events not yet consumed, job schedulers); they also
   * run at start.
   */
  reconcileIntervalMs: number;
  /**
   * Rows younger than this are left to the jobs being added for them in the same moment: only
   * older e-mails, back-office tasks and published outbox events are checked for a lost job.
   */
  reconcileGraceMs: number;
  /** How far back the outbox is searched for events a consumer never finished (at most the 7 days kept). */
  outboxRedeliveryHours: number;
  /**
   * Hard deadline of a stop (SIGTERM, SIGINT): in-flight requests and jobs get two thirds of it, then
   * the workers are closed with force; past it the process exits anyway.
   */
  shutdownTimeoutMs: number;
  /** 32-byte key sealing back-office credentials (AES-256-GCM); absent: a random key kept in dataDir. */
  credentialsKey?: Buffer;
  /** Attempts of one back-office call before it becomes a failure record. */
  syncAttempts: number;
  /** First retry delay of a back-office call; doubles each time, with jitter. */
  syncBackoffMs: number;
  /** Longest delay between two attempts of a back-office call (a Retry-After included). */
  syncBackoffMaxMs: number;
  /** Timeout of one HTTP call to a back-office. */
  syncTimeoutMs: number;
  /**
   * Least wait after a create that got no answer before the retry looks the case up: the tool may
   * still carry out a request it held in a queue, and a look-up that comes too soon makes a second
   * case.
   */
  syncCreateSettleMs: number;
  /** Back-office calls in flight per worker process (across municipalities). */
  syncConcurrency: number;
  /** Consecutive failures after which a connector's circuit opens. */
  syncBreakerThreshold: number;
  /** How long an open circuit refuses calls before letting one through to probe. */
  syncBreakerOpenMs: number;
  /** Start the TOPdesk/Ultimo/3P simulators and point the demo municipalities at them. */
  backOfficeSimulator: boolean;

  /** True when the service runs on its embedded defaults (no DATABASE_URL). */
  get embedded(): boolean {
    return !this.databaseUrl;
  }
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE only). */
  clientSecret?: string;
  /** Where the identity provider sends the browser back: GET /api/v1/auth/oidc/callback, or a console page that forwards code and state to it. */
  redirectUrl: string;
  scopes: string;
  /** ID token claim holding meldpunt role names; when set, the provider decides the roles at each login. */
  rolesClaim?: string;
  /** ID token claim holding municipality codes (with rolesClaim). */
  municipalitiesClaim?: string;
  /** Create a staff account on first login instead of refusing unknown e-mail addresses. */
  autoProvision: boolean;
}
