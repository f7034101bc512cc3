import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './faults';

/** A parsed call, as each tool's handler sees it. `path` is relative to the tool's mount point. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (undefined when there is none); `invalidJson` when it did not parse. */
  body: unknown;
  invalidJson: boolean;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One simulated tool: its routes, and an admin surface to drive it (status changes, inspection). */
export interface SimulatedTool {
  /** `topdesk`, `ultimo` or `3p`: also the mount point (`/topdesk/...`) and the admin key. */
  readonly key: string;
  handle(req: SimRequest): Promise<SimResponse> | SimResponse;
  /** `/_admin/<key>/...` calls: e.g. change a case's status as a back-office operator would. */
  admin(req: SimRequest): Promise<SimResponse> | SimResponse;
  /** Forget every case (between tests). */
  reset(): void;
}

export async function readSimRequest(req: IncomingMessage, mountLength: number): Promise<SimRequest> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  let invalidJson = false;
  if (raw.length) {
    try {
      body = JSON.parse(raw);
    } catch {
      invalidJson = true;
    }
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname.slice(mountLength) || '/',
    query: url.searchParams,
    headers: req.headers,
    body,
    invalidJson,
  };
}

export function writeSimResponse(res: ServerResponse, response: SimResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  sendJson(res, response.status, response.body);
}
