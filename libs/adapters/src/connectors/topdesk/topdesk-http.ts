import { type BackOfficeConnection, BackOfficeError } from '../../port/back-office-adapter';
import {
  type BackOfficeRequest,
  type BackOfficeResponse,
  backOfficeFetch,
} from '../../port/back-office-http';

/**
 * Every TOPdesk call: Basic auth with the operator's login name and application password
 * (TOPdesk's API takes no regular passwords).
 */
export function topdeskFetch<T>(
  conn: BackOfficeConnection,
  request: BackOfficeRequest,
): Promise<BackOfficeResponse<T>> {
  const { username, password } = conn.credentials;
  if (!username || !password) {
    return Promise.reject(
      new BackOfficeError('TOPdesk credentials need a username and an application password', false),
    );
  }
  const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return backOfficeFetch<T>(conn, { ...request, headers: { ...request.headers, authorization } });
}

/**
 * A list endpoint's page: TOPdesk answers 206 while more pages follow, 200 with the last one and
 * 204 (no body) when nothing matches.
 */
export async function fetchPage<T>(
  conn: BackOfficeConnection,
  path: string,
  query: Record<string, string | number | undefined>,
): Promise<{ items: T[]; more: boolean }> {
  const response = await topdeskFetch<T[] | null>(conn, { method: 'GET', path, query });
  const items = Array.isArray(response.body) ? response.body : [];
  return { items, more: response.status === 206 };
}
