import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '../../dist/apps');
/** The compiled entry points (npm test builds them first). */
export const WORKER = join(DIST, 'worker/src/main.js');
export const API = join(DIST, 'api/src/main.js');

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a compiled entry point as a deployment would (npm test builds it first). */
export function run(main: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Sends SIGTERM; resolves with the exit code and how long the process took to exit. */
export async function terminate(p: Running): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    p.exited,
    new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 20_000))),
  ]);
  clearTimeout(timer);
  if (code === 'hung') {
    p.child.kill('SIGKILL');
    throw new Error(`still running 20 s after SIGTERM:\n${p.output().slice(-3000)}`);
  }
  return { code, ms: Date.now() - started };
}
