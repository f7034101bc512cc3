import 'reflect-metadata';
import { startProcess } from '@meldpunt/platform';

/** `npm run migration:run`: provisioning migrates the database (under a lock) and we are done. */
async function main(): Promise<void> {
  const { provisioned } = await startProcess('migrate');
  await provisioned.stop();
  process.exit(0);
}

void main();
