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
  /** The body as it came (a multipart upload is not JSON). */
  raw: Buffer;
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
  const bytes = Buffer.concat(chunks);
  const raw = String(req.headers['content-type'] ?? '').startsWith('multipart/')
    ? ''
    : bytes.toString('utf8');
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
    raw: bytes,
  };
}

/** The file parts of a multipart/form-data body: enough of RFC 7578 for the simulators. */
export function multipartFiles(
  req: SimRequest,
): { field: string; filename: string; contentType: string; content: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(String(req.headers['content-type'] ?? ''))?.[1];
  if (!boundary) return [];
  const files = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = req.raw.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length + 2;
    const next = req.raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = req.raw.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const field = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    if (split !== -1 && filename !== undefined) {
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      files.push({ field, filename, contentType, content: part.subarray(split + 4) });
    }
    at = next;
  }
  return files;
}

export function writeSimResponse(res: ServerResponse, response: SimResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  sendJson(res, response.status, response.body);
}
