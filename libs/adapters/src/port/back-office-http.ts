import { BackOfficeConnection, BackOfficeError, BackOfficeUnanswered } from './back-office-adapter';

export interface BackOfficeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Appended to `conn.baseUrl`, e.g. `/incidents/id/abc`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Bytes to send as they are (JSON already serialised), when a signature covers them. */
  rawBody?: Buffer;
  /** A multipart/form-data body (a file upload); fetch sets its content type and boundary. */
  form?: FormData;
}

export interface BackOfficeResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

// Reads are safe to repeat at once: a poll page needs many of them, and one lost answer should
// not cost the whole page. Writes are retried by the sync jobs, with back-off and ordering.
const READ_RETRIES = 4;
const MAX_INLINE_WAIT_MS = 2000;

/**
 * One HTTP call to a back-office (a GET is repeated up to four times on a retryable failure).
 */
export async function backOfficeFetch<T = unknown>(
  conn: BackOfficeConnection,
  request: BackOfficeRequest,
): Promise<BackOfficeResponse<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce<T>(conn, request);
    } catch (error) {
      const e = error as BackOfficeError;
      const wait = Math.max(50 * 2 ** attempt, e.retryAfterMs ?? 0);
      if (request.method !== 'GET' || !e.retryable || attempt >= READ_RETRIES || wait > MAX_INLINE_WAIT_MS)
        throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * One HTTP call to a back-office with the per-connection timeout. Every failure comes out as a
 * BackOfficeError that says whether retrying can help: network errors, timeouts, 5xx, 408 and 429
 * can; 4xx cannot. 2xx answers are parsed as JSON when they have a body.
 */
async function fetchOnce<T>(
  conn: BackOfficeConnection,
  request: BackOfficeRequest,
): Promise<BackOfficeResponse<T>> {
  const url = new URL(conn.baseUrl.replace(/\/+$/, '') + request.path);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | Buffer | FormData | undefined;
  if (request.form !== undefined) {
    body = request.form;
  } else if (request.rawBody !== undefined) {
    headers['content-type'] = 'application/json';
    body = request.rawBody;
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(conn.timeoutMs),
    });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    const reason =
      err.name === 'TimeoutError'
        ? `no answer within ${conn.timeoutMs} ms`
        : (err.cause?.code ?? err.message);
    // A write without an answer may still land (the tool can be slow, not dead): the retry, which
    // looks the case up first, must not run before it could have. Reads are simply repeated.
    const message = `${request.method} ${request.path}: ${reason}`;
    if (request.method === 'GET') throw new BackOfficeError(message, true);
    throw new BackOfficeUnanswered(message, Math.max(2 * conn.timeoutMs, 1000));
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) {
    return { status: response.status, headers: response.headers, body: (text ? safeJson(text) : null) as T };
  }
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  throw new BackOfficeError(
    `${request.method} ${request.path}: HTTP ${response.status}${describeError(text)}`,
    retryable,
    response.status,
    retryAfterMs(response.headers.get('retry-after')),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The tool's own words, from the error shapes seen in the wild (TOPdesk, Ultimo, 3P). */
function describeError(text: string): string {
  if (!text) return '';
  const parsed = safeJson(text);
  const messages: string[] = [];
  const collect = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    for (const key of ['message', 'errorMessage', 'error', 'detail']) {
      if (typeof v[key] === 'string') messages.push(v[key]);
    }
  };
  if (Array.isArray(parsed)) parsed.forEach(collect);
  else if (parsed && typeof parsed === 'object') {
    collect(parsed);
    const errors = (parsed as { errors?: unknown }).errors;
    if (Array.isArray(errors)) errors.forEach(collect);
  } else if (typeof parsed === 'string') messages.push(parsed.slice(0, 200));
  return messages.length ? `: ${messages.join('; ').slice(0, 500)}` : '';
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
