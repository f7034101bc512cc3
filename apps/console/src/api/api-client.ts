import type { SessionStore } from '../session/session-store';
import type { ApiErrorBody } from './contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The network failed (no answer at all), as opposed to an answer with an error status. */
export class NetworkError extends Error {}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * JSON over fetch with the agent's bearer token. A 401 gets one refresh and one retry; after
 * that the session ends. Errors carry the contract's error body.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly session: SessionStore,
  ) {}

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  async request<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const res = await this.send(method, path, options);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  /** A file (an attachment) with the agent's token: for an object URL, since links carry no header. */
  async blob(path: string, options: RequestOptions = {}): Promise<Blob> {
    return (
      await this.send('GET', path, { ...options, headers: { accept: '*/*', ...options.headers } })
    ).blob();
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    retried = false,
  ): Promise<Response> {
    const sessionId = this.session.current()?.id;
    const token = this.session.token();
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError(String(error));
    }
    if (res.status === 401 && token && !retried) {
      if (await this.session.refresh()) return this.send(method, path, options, true);
      if (this.session.current()?.id === sessionId) this.session.end('expired');
    }
    if (!res.ok) throw new ApiError(res.status, await readJson<ApiErrorBody>(res));
    return res;
  }
}

async function readJson<T>(res: Response): Promise<T | null> {
  try {
    return (await res.json()) as T;
  } catch {
    return null;
  }
}
