import type { Request } from 'express';

/** Where a request comes from: for rate limits and the audit log. */
export interface Client {
  /** The client address (behind a proxy on this machine: the forwarded one, see `trust proxy`). */
  ip: string;
  /** X-Request-Id as logged. */
  requestId: string | null;
}

export function clientOf(req: Request): Client {
  // pino-http sets req.id (X-Request-Id, or a UUID it made).
  const id = (req as Request & { id?: string | number }).id;
  return { ip: req.ip ?? 'unknown', requestId: id === undefined ? null : String(id) };
}
