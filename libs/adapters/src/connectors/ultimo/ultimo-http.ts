import { type BackOfficeConnection, BackOfficeError } from '../../port/back-office-adapter';
import {
  backOfficeFetch,
  type BackOfficeRequest,
  type BackOfficeResponse,
} from '../../port/back-office-http';
import type { RequestRateLimiter } from './request-rate-limiter';
import { REPORT_JOB_APPLICATION_ELEMENT_ID, type UltimoOptions } from './ultimo-options';

/**
 * Calls to one customer's Ultimo: the `ApiKey` header on every call, `ApplicationElementId` on
 * workflow calls, and a slot from the client-side rate limiter before each one. A 429 pauses the
 * limiter for the Retry-After, since the quota is shared with the customer's other integrations.
 */
export class UltimoHttp {
  constructor(
    private readonly conn: BackOfficeConnection,
    private readonly options: UltimoOptions,
    private readonly limiter: RequestRateLimiter,
  ) {}

  /** `GET /object/Job?...` with Ultimo's query options (`filter`, `orderby`, `top`, `skip`, `select`). */
  async listJobs(query: Record<string, string | number>): Promise<Record<string, unknown>[]> {
    const response = await this.send<{ items?: unknown } | null>({
      method: 'GET',
      path: `/object/Job${queryString(query)}`,
    });
    const items = response.body?.items;
    if (!Array.isArray(items))
      throw new BackOfficeError('GET /object/Job: the answer has no items list', true, response.status);
    return items as Record<string, unknown>[];
  }

  async getJob(id: string, select: string): Promise<Record<string, unknown>> {
    const response = await this.send<Record<string, unknown>>({
      method: 'GET',
      path: `/object/Job(${quoteKey(id)})${queryString({ select })}`,
    });
    return response.body ?? {};
  }

  async patchJob(id: string, changes: Record<string, unknown>): Promise<void> {
    await this.send({ method: 'PATCH', path: `/object/Job(${quoteKey(id)})`, body: changes });
  }

  /** `POST /action/<workflow>`; answers the workflow's `properties`. */
  async runWorkflow(
    name: string,
    parameters: Record<string, unknown>,
  ): Promise<BackOfficeResponse<{ properties?: Record<string, unknown> } | null>> {
    const elementId =
      this.options.applicationElementIds[name] ??
      this.conn.credentials.applicationElementId ??
      (name === 'REST_ReportJob' ? REPORT_JOB_APPLICATION_ELEMENT_ID : undefined);
    if (!elementId) {
      throw new BackOfficeError(
        `Ultimo: no ApplicationElementId for workflow ${name} (options.applicationElementIds)`,
        false,
      );
    }
    return this.send({
      method: 'POST',
      path: `/action/${encodeURIComponent(name)}`,
      body: parameters,
      headers: { ApplicationElementId: elementId },
    });
  }

  private async send<T>(request: BackOfficeRequest): Promise<BackOfficeResponse<T>> {
    const apiKey = this.conn.credentials.apiKey;
    if (!apiKey) throw new BackOfficeError('Ultimo: no API key configured (credentials.apiKey)', false);
    const answered = await this.limiter.acquire();
    try {
      return await backOfficeFetch<T>(this.conn, {
        ...request,
        headers: { ...request.headers, ApiKey: apiKey },
      });
    } catch (error) {
      if (error instanceof BackOfficeError && error.httpStatus === 429)
        this.limiter.pause(error.retryAfterMs ?? 1000);
      throw error;
    } finally {
      answered();
    }
  }
}

/**
 * Ultimo's guide asks for spaces in query options as `%20` (and a `+` in a date offset as `%2B`),
 * so the query string is built here rather than by URLSearchParams, which writes spaces as `+`.
 */
function queryString(query: Record<string, string | number>): string {
  const parts = Object.entries(query).map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** An entity key in a resource path: `('0000123')`. Ultimo cannot take a `/` there, even encoded. */
function quoteKey(id: string): string {
  if (id.includes('/')) throw new BackOfficeError(`Ultimo: job id '${id}' cannot be used in a path`, false);
  return `'${encodeURIComponent(id.replace(/'/g, "''"))}'`;
}
