import { createHash } from 'node:crypto';
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
import { RequestRateLimiter } from './request-rate-limiter';
import {
  cursorFilter,
  decodeUltimoCursor,
  encodeUltimoCursor,
  nextUltimoCursor,
  quoteUltimoString,
} from './ultimo-change-cursor';
import { UltimoHttp } from './ultimo-http';
import { changeSelect, remoteChangeFromJob, reportJobParameters } from './ultimo-job-mapping';
import { readUltimoOptions, type UltimoOptions } from './ultimo-options';

/**
 * IFS Ultimo (REST API v1, `https://<customer>.ultimo.net/api/v1`). Jobs are created with the
 * documented REST_ReportJob workflow carrying our reference in ExternalId; notes go to a customer
 * workflow; hold/resume PATCHes the job (cloud customers); changes are polled on the record change
 * date. Ultimo allows 100 requests per 10 s per customer, so each (base URL, API key) gets one
 * client-side limiter in this process. See docs/adapters/ultimo.md.
 */
export class UltimoAdapter implements BackOfficeAdapter {
  readonly type = 'ultimo' as const;
  private readonly limiters = new Map<string, RequestRateLimiter>();

  async createCase(conn: BackOfficeConnection, draft: CaseDraft): Promise<ExternalCase> {
    const { http, options } = this.open(conn);
    // A retry may follow a create whose answer was lost: find that job instead of making a second.
    if (!draft.probablyNew) {
      const existing = await this.findByReference(http, options, draft.reference);
      if (existing) return { id: existing, number: existing, created: false };
    }
    const response = await http.runWorkflow(options.reportAction, reportJobParameters(conn, options, draft));
    const jobId = response.body?.properties?.JobId;
    if (typeof jobId !== 'string' && typeof jobId !== 'number') {
      // Ultimo may answer 200 with the processing error in the body.
      const said = (response.body as { message?: unknown } | null)?.message;
      const detail = typeof said === 'string' ? `: ${said}` : '';
      throw new BackOfficeError(
        `${options.reportAction} answered without a JobId${detail}`,
        false,
        response.status,
      );
    }
    return { id: String(jobId), number: String(jobId), created: true };
  }

  async addNote(conn: BackOfficeConnection, ref: ExternalCase, note: CaseNote): Promise<void> {
    const { http, options } = this.open(conn);
    await this.writeNote(http, options, ref.id, note);
  }

  async setOnHold(conn: BackOfficeConnection, ref: ExternalCase, hold: CaseHold): Promise<void> {
    const { onHold, reason } = hold;
    const { http, options } = this.open(conn);
    const { field, onValue, offValue, reasonAsNote } = options.hold;
    await http.patchJob(ref.id, { [field]: onHold ? onValue : offValue });
    // Ultimo has no hold reason on a job: the user reads it as a note.
    if (onHold && reason?.trim() && reasonAsNote) {
      await this.writeNote(http, options, ref.id, {
        text: `In wacht: ${reason.trim()}`,
        visibility: 'internal',
      });
    }
  }

  async fetchChanges(
    conn: BackOfficeConnection,
    cursorText: string | null,
    since: Date,
  ): Promise<ChangePage> {
    const { http, options } = this.open(conn);
    const { id, changeDate, externalId } = options.fields;
    const cursor = decodeUltimoCursor(cursorText, since);
    const scope = options.changeFilter || `${externalId} ne null`;
    // One job more than a page tells whether another page follows, without a count.
    const jobs = await http.listJobs({
      filter: `${cursorFilter(cursor, changeDate, id)} and (${scope})`,
      orderby: `${changeDate} asc,${id} asc`,
      top: options.pageSize + 1,
      select: changeSelect(options),
    });
    const more = jobs.length > options.pageSize;
    const page = jobs.slice(0, options.pageSize);
    const keys = page.map((job) => ({ at: String(job[changeDate]), id: String(job[id]) }));
    return {
      changes: page.map((job) => remoteChangeFromJob(conn, options, job)),
      cursor: encodeUltimoCursor(nextUltimoCursor(cursor, keys, more)),
      more,
    };
  }

  async health(conn: BackOfficeConnection): Promise<BackOfficeHealth> {
    try {
      const { http, options } = this.open(conn);
      await http.listJobs({ top: 1, select: options.fields.id });
      return { ok: true };
    } catch (error) {
      if (error instanceof BackOfficeError) return { ok: false, detail: error.message };
      throw error;
    }
  }

  private async findByReference(
    http: UltimoHttp,
    options: UltimoOptions,
    reference: string,
  ): Promise<string | null> {
    const { id, externalId } = options.fields;
    // The oldest job wins should an earlier failure have left two.
    const jobs = await http.listJobs({
      filter: `${externalId} eq ${quoteUltimoString(reference)}`,
      orderby: `${id} asc`,
      top: 1,
      select: id,
    });
    return jobs.length ? String(jobs[0][id]) : null;
  }

  private async writeNote(
    http: UltimoHttp,
    options: UltimoOptions,
    jobId: string,
    note: CaseNote,
  ): Promise<void> {
    const notes = options.notes;
    if (notes.mode === 'action') {
      await http.runWorkflow(notes.action, {
        [notes.jobIdParameter]: jobId,
        [notes.textParameter]: note.text,
        [notes.publicParameter]: note.visibility === 'public',
      });
      return;
    }
    // Appending reads the text first: two calls, and a user saving the job in between could lose it.
    const job = await http.getJob(jobId, notes.field);
    const before = typeof job[notes.field] === 'string' ? (job[notes.field] as string) : '';
    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const entry = `[${stamp} Meldpunt${note.visibility === 'internal' ? ', intern' : ''}] ${note.text}`;
    await http.patchJob(jobId, { [notes.field]: before ? `${before}\n\n${entry}` : entry });
  }

  private open(conn: BackOfficeConnection): { http: UltimoHttp; options: UltimoOptions } {
    const options = readUltimoOptions(conn);
    return { http: new UltimoHttp(conn, options, this.limiterFor(conn, options)), options };
  }

  /** One limiter per (base URL, API key, limit); the key is hashed so no secret sits in the map. */
  private limiterFor(conn: BackOfficeConnection, options: UltimoOptions): RequestRateLimiter {
    const { requests, windowMs, maxWaitMs } = options.rateLimit;
    const key = createHash('sha256')
      .update(
        [conn.baseUrl.replace(/\/+$/, ''), conn.credentials.apiKey ?? '', requests, windowMs, maxWaitMs].join(
          '\n',
        ),
      )
      .digest('hex');
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RequestRateLimiter({ requests, windowMs, maxWaitMs });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
