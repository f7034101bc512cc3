import pino from 'pino';
import { AppConfig, ConfigError, loadConfig } from '@meldpunt/config';
import { RedisUnavailableError } from '@meldpunt/queue';
import { provisionInfrastructure, Provisioned } from './provision-infrastructure';

/**
 * The common start of both entry points: validate the configuration and provision the
 * infrastructure. A bad setting or a missing dependency ends the process with one line and exit
 * code 1, never a stack trace.
 */
export async function startProcess(
  name: string,
): Promise<{ config: AppConfig; provisioned: Provisioned; log: pino.Logger }> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`${name}: configuration error: ${error.message}`);
    throw error;
  }
  const log = pino({ level: config.logLevel, base: { process: name } });
  try {
    const provisioned = await provisionInfrastructure(config, log);
    return { config, provisioned, log };
  } catch (error) {
    const message = error instanceof RedisUnavailableError ? error.message : describe(error);
    exitWith(`${name}: cannot start: ${message}`);
  }
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string };
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND')
    return `the database does not answer (${e.message})`;
  if (e?.code === '28P01' || e?.code === '3D000') return `the database refused us: ${e.message}`;
  return (e?.message ?? String(error)).split('\n')[0];
}

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
