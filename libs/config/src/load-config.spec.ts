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

  it('does not seed the demo account with a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/meldpunt' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/meldpunt', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '3.5' }, 'PORT'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SMTP_URL: 'mail.example.be' }, 'SMTP_URL'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/m' }, 'JWT_SECRET'],
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
