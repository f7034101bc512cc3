import { webhookSignature } from '@meldpunt/identity';
import {
  BackOfficeAdapter,
  BackOfficeConnection,
  BackOfficeError,
  BackOfficeHealth,
  CaseDraft,
  CaseNote,
  ChangePage,
  ExternalCase,
  type CaseHold,
} from '../../port/back-office-adapter';
import { backOfficeFetch } from '../../port/back-office-http';
import { noteHash } from '../../sync/note-hash';

/**
 * For any other tool: we POST signed JSON events to its URL (`X-Signature: sha256=<HMAC of the
 * body>` with the shared secret, `Idempotency-Key` so the receiver can drop repeats) and it sends
 * status updates to our webhook endpoint. Push only: there is nothing to poll. The event format is
 * in docs/adapters/webhook.md.
 */
export class WebhookAdapter implements BackOfficeAdapter {
  readonly type = 'webhook' as const;

  async createCase(conn: BackOfficeConnection, draft: CaseDraft): Promise<ExternalCase> {
    const { probablyNew: _ignored, ...ticket } = draft;
    const answer = await this.post<{ id?: unknown; number?: unknown; url?: unknown } | null>(
      conn,
      'ticket.created',
      `${draft.reference}:create`,
      { ticket },
    );
    const id =
      typeof answer?.id === 'string' || typeof answer?.id === 'number' ? String(answer.id) : draft.reference;
    return {
      id,
      number: typeof answer?.number === 'string' ? answer.number : undefined,
      url: typeof answer?.url === 'string' ? answer.url : undefined,
      created: true,
    };
  }

  async addNote(conn: BackOfficeConnection, ref: ExternalCase, note: CaseNote): Promise<void> {
    await this.post(conn, 'ticket.note', `${ref.id}:note:${noteHash(note.text)}`, { caseId: ref.id, note });
  }

  async setOnHold(conn: BackOfficeConnection, ref: ExternalCase, hold: CaseHold): Promise<void> {
    const { onHold, reason } = hold;
    const type = onHold ? 'ticket.on_hold' : 'ticket.resumed';
    await this.post(conn, type, `${ref.id}:${type}:${Date.now()}`, { caseId: ref.id, reason });
  }

  async reopenCase(conn: BackOfficeConnection, ref: ExternalCase, note: string): Promise<void> {
    await this.post(conn, 'ticket.reopened', `${ref.id}:reopened:${Date.now()}`, { caseId: ref.id, note });
  }

  fetchChanges(_conn: BackOfficeConnection, cursor: string | null): Promise<ChangePage> {
    return Promise.resolve({ changes: [], cursor: cursor ?? '', more: false });
  }

  health(): Promise<BackOfficeHealth> {
    return Promise.resolve({ ok: true, detail: 'push only: health shows in the sync failures' });
  }

  private async post<T>(
    conn: BackOfficeConnection,
    type: string,
    idempotencyKey: string,
    data: object,
  ): Promise<T> {
    const secret = conn.credentials.secret;
    if (!secret) throw new BackOfficeError('no webhook secret configured (credentials.secret)', false);
    const body = {
      type,
      occurredAt: new Date().toISOString(),
      municipalityCode: conn.municipalityCode,
      ...data,
    };
    const raw = Buffer.from(JSON.stringify(body));
    const response = await backOfficeFetch<T>(conn, {
      method: 'POST',
      path: '',
      rawBody: raw,
      headers: {
        'x-signature': webhookSignature(raw, secret),
        'idempotency-key': idempotencyKey,
        'x-meldpunt-event': type,
      },
    });
    return response.body;
  }
}
