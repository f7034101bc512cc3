import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, sendJson } from './faults';
import { readSimRequest, writeSimResponse, type SimulatedTool } from './sim-http';

export interface RunningSimulator {
  /** Root URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Base URLs as a municipality's back-office configuration takes them. */
  baseUrls: Record<string, string>;
  tools: Record<string, SimulatedTool>;
  /** One fault injector per tool, so one tool can be down while the others work. */
  faults: Record<string, FaultInjector>;
  close(): Promise<void>;
}

/** Where each tool's API lives under the simulator's root (what its base URL ends with). */
export const API_ROOTS: Record<string, string> = {
  topdesk: '/topdesk/tas/api',
  ultimo: '/ultimo/api/v1',
  '3p': '/3p/api/v1',
};

/**
 * Simulators of the municipalities' back-office tools behind one HTTP server: `/<tool>/...` are
 * the tools' APIs, `/_admin/<tool>/...` drives them (complete a case, add an action) and
 * `/_admin/<tool>/faults` sets fault injection (GET to read, PUT to change, DELETE to reset).
 */
export async function startBackOfficeSimulator(
  tools: SimulatedTool[],
  options: { port?: number; host?: string } = {},
): Promise<RunningSimulator> {
  const byKey = Object.fromEntries(tools.map((t) => [t.key, t]));
  const faults = Object.fromEntries(tools.map((t) => [t.key, new FaultInjector()]));
  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error: Error) => sendJson(res, 500, [{ message: error.message }]));
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const [, first, second] = path.split('/');
    if (first === '_admin' && second && byKey[second]) {
      const request = await readSimRequest(req, `/_admin/${second}`.length);
      if (request.path === '/faults') {
        if (request.method === 'PUT') faults[second].set(request.body as object);
        if (request.method === 'DELETE') faults[second].reset();
        return sendJson(res, 200, { settings: faults[second].current, counters: faults[second].counters });
      }
      if (request.path === '/reset' && request.method === 'POST') {
        byKey[second].reset();
        faults[second].reset();
        return sendJson(res, 204);
      }
      return writeSimResponse(res, await byKey[second].admin(request));
    }
    const tool = first ? byKey[first] : undefined;
    if (!tool) return sendJson(res, 404, [{ message: `No simulated tool at ${path}` }]);
    const outcome = await faults[tool.key].apply(req, res);
    if (outcome === 'handled') return;
    const mount = API_ROOTS[tool.key] ?? `/${tool.key}`;
    const request = await readSimRequest(req, mount.length);
    if (!path.startsWith(mount)) return sendJson(res, 404, [{ message: `Unknown path ${path}` }]);
    const response = await tool.handle(request);
    if (outcome === 'drop-after') {
      res.destroy();
      return;
    }
    writeSimResponse(res, response);
  };
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    baseUrls: Object.fromEntries(tools.map((t) => [t.key, url + (API_ROOTS[t.key] ?? `/${t.key}`)])),
    tools: byKey,
    faults,
    close: async () => {
      for (const injector of Object.values(faults)) injector.releaseHanging();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
