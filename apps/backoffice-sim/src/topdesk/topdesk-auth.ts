import type { IncomingHttpHeaders } from 'node:http';

export interface TopdeskCredentials {
  /** The operator's login name. */
  username: string;
  /** An application password (TOPdesk's API takes no regular passwords). */
  password: string;
}

/** `Authorization: Basic base64(loginName:applicationPassword)`, checked on every API call. */
export function isAuthorized(headers: IncomingHttpHeaders, expected: TopdeskCredentials): boolean {
  const header = headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return decoded.slice(0, colon) === expected.username && decoded.slice(colon + 1) === expected.password;
}
