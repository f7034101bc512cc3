import { startAllSimulators } from './all-simulators';

/**
 * The back-office simulators on their own: `node dist/apps/backoffice-sim/src/main.js`.
 * PORT (default 4010); AUTOPILOT=false keeps cases where they are until driven through /_admin;
 * ULTIMO_CUSTOMER_KEYS (comma-separated) adds Ultimo customers, each with a quota of its own.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  const sim = await startAllSimulators({
    port,
    autopilot: process.env.AUTOPILOT === 'false' ? false : undefined,
    ultimoCustomerKeys: (process.env.ULTIMO_CUSTOMER_KEYS ?? '').split(',').filter(Boolean),
  });
  process.stdout.write(
    `back-office simulators on ${sim.url}\n` +
      Object.entries(sim.baseUrls)
        .map(
          ([tool, url]) =>
            `  ${tool}: ${url}  (admin: ${sim.url}/_admin/${tool}/cases, faults: ${sim.url}/_admin/${tool}/faults)\n`,
        )
        .join(''),
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
