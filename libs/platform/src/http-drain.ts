import type { Server, ServerResponse } from 'node:http';

const inFlight = new WeakMap<Server, Set<ServerResponse>>();

/** Counts the requests being answered, so that a stop can wait for them (see `drainHttp`). */
export function trackInFlightRequests(server: Server): void {
  const open = new Set<ServerResponse>();
  inFlight.set(server, open);
  server.on('request', (_request, response: ServerResponse) => {
    open.add(response);
    response.once('close', () => open.delete(response));
  });
}

/**
 * Stops taking connections at once (a load balancer sends the next request elsewhere), closes idle
 * keep-alive connections, and waits until the requests in flight are answered or `until` (epoch
 * ms) has come; then cuts whatever connections are left. Returns how many requests were cut off.
 */
export async function drainHttp(server: Server, until: number): Promise<number> {
  server.close();
  server.closeIdleConnections();
  const open = inFlight.get(server) ?? new Set();
  while (open.size && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  const cut = open.size;
  server.closeAllConnections();
  return cut;
}
