import { Autopilot, type AutopilotOptions } from './autopilot';
import { startBackOfficeSimulator, type RunningSimulator } from './simulator';
import { ThreePSimulator } from './threep';
import { TopdeskSimulator } from './topdesk';
import { UltimoSimulator } from './ultimo';

export interface AllSimulatorsOptions {
  port?: number;
  host?: string;
  /** Let simulated operators take up and complete cases (the demo); off in tests. */
  autopilot?: AutopilotOptions | false;
  /** More Ultimo customers' API keys, each with its own quota (see UltimoSimulatorOptions). */
  ultimoCustomerKeys?: string[];
}

/** TOPdesk, Ultimo and 3P behind one server, with their default demo credentials. */
export async function startAllSimulators(
  options: AllSimulatorsOptions = {},
): Promise<RunningSimulator & { autopilot: Autopilot | null }> {
  const tools = [
    new TopdeskSimulator(),
    new UltimoSimulator({ otherCustomerKeys: options.ultimoCustomerKeys ?? [] }),
    new ThreePSimulator(),
  ];
  const sim = await startBackOfficeSimulator(tools, { port: options.port, host: options.host });
  const autopilot = options.autopilot === false ? null : new Autopilot(tools, options.autopilot);
  autopilot?.start();
  return {
    ...sim,
    autopilot,
    close: async () => {
      autopilot?.stop();
      await sim.close();
    },
  };
}
