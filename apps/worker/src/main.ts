import 'reflect-metadata';
import { createWorkerApp, startProcess } from '@meldpunt/platform';

async function main(): Promise<void> {
  const { config, provisioned, log } = await startProcess('worker');
  const app = await createWorkerApp(config, provisioned.infrastructure);
  log.info('worker: processing queues and the outbox');
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
