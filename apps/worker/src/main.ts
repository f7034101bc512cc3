import 'reflect-metadata';
import { BackgroundWork, createWorkerApp, startProcess, stopOnSignals } from '@meldpunt/platform';

async function main(): Promise<void> {
  const { config, provisioned, log } = await startProcess('worker');
  const app = await createWorkerApp(config, provisioned.infrastructure);
  log.info('worker: processing queues and the outbox');
  stopOnSignals(log, config.shutdownTimeoutMs, async (drainUntil) => {
    await app.get(BackgroundWork).stop(drainUntil);
    await app.close();
    await provisioned.stop();
  });
}

void main();
