import 'reflect-metadata';
import { DemoBackOffices } from '@meldpunt/adapters';
import { BackgroundWork, createApiApp, drainHttp, startProcess, stopOnSignals } from '@meldpunt/platform';
import { startAllSimulators } from '../../backoffice-sim/src/all-simulators';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const { config, provisioned, log } = await startProcess('api');
  const app = await createApiApp(config, provisioned.infrastructure);
  // The embedded default brings its own TOPdesk, Ultimo and 3P, so tickets have somewhere to go;
  // connected before the api listens, so the first ticket already has a back-office.
  const simulators = config.backOfficeSimulator ? await startAllSimulators() : null;
  if (simulators) {
    const connected = await app.get(DemoBackOffices).connect(simulators.baseUrls);
    log.info(
      `back-offices: simulated TOPdesk, Ultimo and 3P on ${simulators.url} for ${connected.length} municipalities ` +
        `(cases: ${simulators.url}/_admin/topdesk/cases; simulated operators take cases up and complete them)`,
    );
  }
  await app.listen(config.port, '0.0.0.0');
  log.info(
    `api: listening on ${config.publicBaseUrl} (OpenAPI at /api/docs, health at /health) ` +
      `${config.runWorker ? 'with the worker in-process ' : ''}after ${Date.now() - startedAt} ms`,
  );
  stopOnSignals(log, config.shutdownTimeoutMs, async (drainUntil) => {
    // No new requests from here on; the answers in flight and the in-process worker's jobs finish
    // side by side.
    const [cut] = await Promise.all([
      drainHttp(app.getHttpServer(), drainUntil),
      app.get(BackgroundWork).stop(drainUntil),
    ]);
    if (cut) log.warn(`stop: ${cut} requests were still being answered and were cut off`);
    await app.close();
    await simulators?.close();
    await provisioned.stop();
  });
}

void main();
