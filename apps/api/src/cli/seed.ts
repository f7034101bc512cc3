import 'reflect-metadata';
import { createWorkerApp, startProcess } from '@meldpunt/platform';

/** `npm run seed`: the worker context runs the idempotent seed on init; then we stop. */
async function main(): Promise<void> {
  const { config, provisioned } = await startProcess('seed');
  config.runWorker = false;
  const app = await createWorkerApp(config, provisioned.infrastructure);
  await app.close();
  await provisioned.stop();
  process.exit(0);
}

void main();
