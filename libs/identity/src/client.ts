import type { Request } from 'express';

/** Where a request comes from: for rate limits and the audit log. */
export interface Client {
  /** The client address: the peer, or behind one of TRUSTED_PROXIES the address it forwarded. */
  ip: string;
  /** X-Request-Id as logged. */
  requestId: string | null;
}

export function clientOf(req: Request): Client {
  // pino-http sets req.id (X-Request-Id, or a UUID it made).
  const id = (req as Request & { id?: string | number }).id;
  return { ip: req.ip ?? 'unknown', requestId: id === undefined ? null : String(id) };
}
