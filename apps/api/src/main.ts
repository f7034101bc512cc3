import 'reflect-metadata';
import { createApiApp, startProcess } from '@meldpunt/platform';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const { config, provisioned, log } = await startProcess('api');
  const app = await createApiApp(config, provisioned.infrastructure);
  await app.listen(config.port, '0.0.0.0');
  log.info(
    `api: listening on ${config.publicBaseUrl} (OpenAPI at /api/docs, health at /health) ` +
      `${config.runWorker ? 'with the worker in-process ' : ''}after ${Date.now() - startedAt} ms`,
  );
  // Signals are ours, not Nest's: Nest would re-raise the signal after closing the app and kill
  // the process before the embedded PostgreSQL and Redis are stopped.
  const shutdown = async () => {
    await app.close();
    await provisioned.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
