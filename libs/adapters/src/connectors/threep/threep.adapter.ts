import {
  type BackOfficeAdapter,
  type BackOfficeConnection,
  BackOfficeError,
  type BackOfficeHealth,
  type CaseDraft,
  type CaseHold,
  type CaseNote,
  type ChangePage,
  type ExternalCase,
} from '../../port/back-office-adapter';
import {
  backOfficeFetch,
  type BackOfficeRequest,
  type BackOfficeResponse,
} from '../../port/back-office-http';
import { caseBody, remoteChangeFromEntry, type ThreePChangeEntry } from './threep-mapping';
import { fieldName, readThreePOptions } from './threep-options';

interface ChangeFeedPage {
  changes?: ThreePChangeEntry[];
  nextCursor?: string;
  hasMore?: boolean;
}

/**
 * 3P, through the exchange contract we defined for it (docs/adapters/3p.md: 3P publishes no API;
 * the contract is to be confirmed with the vendor at installation). Creating is a PUT by our
 * reference, idempotent by itself; changes come from an ordered feed with a cursor.
 */
export class ThreePAdapter implements BackOfficeAdapter {
  readonly type = '3p' as const;

  async createCase(conn: BackOfficeConnection, draft: CaseDraft): Promise<ExternalCase> {
    const options = readThreePOptions(conn);
    // No look-up first, even on a retry: PUT by reference creates only when no case carries it.
    const response = await this.send<Record<string, unknown> | null>(conn, {
      method: 'PUT',
      path: `/cases/by-reference/${encodeURIComponent(draft.reference)}`,
      body: caseBody(conn, options, draft),
    });
    const id = response.body?.[fieldName(options, 'id')];
    const number = response.body?.[fieldName(options, 'number')];
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new BackOfficeError('3P answered the create without a case id', false, response.status);
    }
    return {
      id: String(id),
      number: typeof number === 'string' || typeof number === 'number' ? String(number) : undefined,
      created: response.status === 201,
    };
  }

  async addNote(conn: BackOfficeConnection, ref: ExternalCase, note: CaseNote): Promise<void> {
    const { noteAuthor } = readThreePOptions(conn);
    await this.send(conn, {
      method: 'POST',
      path: `/cases/${encodeURIComponent(ref.id)}/notes`,
      body: { text: note.text, visibility: note.visibility, author: noteAuthor },
    });
  }

  async setOnHold(conn: BackOfficeConnection, ref: ExternalCase, hold: CaseHold): Promise<void> {
    const { onHold, reason } = hold;
    await this.send(conn, {
      method: 'PUT',
      path: `/cases/${encodeURIComponent(ref.id)}/hold`,
      body: { onHold, reason: onHold ? reason : null },
    });
  }

  async fetchChanges(conn: BackOfficeConnection, cursor: string | null, since: Date): Promise<ChangePage> {
    const options = readThreePOptions(conn);
    const fromSince = { from: since.toISOString(), limit: options.pageSize };
    let response: BackOfficeResponse<ChangeFeedPage | null>;
    try {
      const query = cursor ? { since: cursor, limit: options.pageSize } : fromSince;
      response = await this.send<ChangeFeedPage | null>(conn, { method: 'GET', path: '/changes', query });
    } catch (error) {
      // The feed no longer keeps entries that old (a very long outage): read again from `since`.
      if (!(cursor && error instanceof BackOfficeError && error.httpStatus === 410)) throw error;
      response = await this.send<ChangeFeedPage | null>(conn, {
        method: 'GET',
        path: '/changes',
        query: fromSince,
      });
    }
    const page = response.body;
    if (!page || !Array.isArray(page.changes) || typeof page.nextCursor !== 'string') {
      throw new BackOfficeError('GET /changes: the answer is not a change-feed page', true, response.status);
    }
    return {
      changes: page.changes.map((entry) => remoteChangeFromEntry(conn, options, entry)),
      cursor: page.nextCursor,
      more: page.hasMore === true,
    };
  }

  async health(conn: BackOfficeConnection): Promise<BackOfficeHealth> {
    try {
      const response = await this.send<{ version?: unknown } | null>(conn, {
        method: 'GET',
        path: '/health',
      });
      const version = response.body?.version;
      return { ok: true, version: typeof version === 'string' ? version : undefined };
    } catch (error) {
      if (error instanceof BackOfficeError) return { ok: false, detail: error.message };
      throw error;
    }
  }

  private send<T>(conn: BackOfficeConnection, request: BackOfficeRequest): Promise<BackOfficeResponse<T>> {
    const token = conn.credentials.token;
    if (!token)
      return Promise.reject(new BackOfficeError('3P: no token configured (credentials.token)', false));
    return backOfficeFetch<T>(conn, {
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${token}` },
    });
  }
}
