import type pino from 'pino';

/**
 * Stops the process on SIGTERM or SIGINT within `timeoutMs`. `stop` receives the moment (epoch ms)
 * until which in-flight requests and jobs may run, two thirds of the way, leaving the rest for
 * closing connections; then the process exits with 0. Past `timeoutMs` it exits anyway, with 1
 * and a line saying so (something hung), as it does on a second signal.
 *
 * Signals are ours, not Nest's: Nest would re-raise the signal after closing the app and kill the
 * process before the embedded PostgreSQL and Redis are stopped.
 */
export function stopOnSignals(
  log: pino.Logger,
  timeoutMs: number,
  stop: (drainUntil: number) => Promise<void>,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    const drainMs = Math.floor((timeoutMs * 2) / 3);
    log.info(`${signal}: stopping (work in flight gets ${drainMs} ms, exit within ${timeoutMs} ms)`);
    setTimeout(() => {
      log.error(`${signal}: not stopped after ${timeoutMs} ms, exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    stop(started + drainMs).then(
      () => {
        log.info(`stopped in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: Error) => {
        log.error(`stop failed after ${Date.now() - started} ms: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
