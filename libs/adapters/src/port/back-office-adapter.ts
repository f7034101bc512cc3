import type { TicketView } from '@meldpunt/tickets';

/**
 * The one port every back-office connector implements. The sync engine (outbound jobs, inbound
 * polling, retries, circuit breaker, failure records) only ever talks to this interface; what is
 * specific to TOPdesk, Ultimo, 3P or a generic webhook lives behind it.
 *
 * Connectors are stateless: everything they need per municipality comes in `BackOfficeConnection`
 * (decrypted credentials included), and they never touch the database.
 */

export type BackOfficeType = 'topdesk' | 'ultimo' | '3p' | 'webhook';

/** Our statuses a back-office change may move a ticket to (the back-office owns execution status). */
export type InboundStatus = 'in_progress' | 'resolved' | 'closed';

/** How to reach one municipality's back-office, as configured by an admin. */
export interface BackOfficeConnection {
  municipalityCode: string;
  type: BackOfficeType;
  /** Root of the tool's API, e.g. `https://kortrijk.topdesk.net/tas/api` (no trailing slash). */
  baseUrl: string;
  /** Decrypted, write-only secrets: `{ username, password }` (TOPdesk), `{ apiKey, applicationElementId }` (Ultimo), `{ token }` (3P), `{ secret }` (webhook). */
  credentials: Record<string, string>;
  /**
   * Our category code -> the tool's classification, e.g. for TOPdesk
   * `{ "wegen": { "category": "Openbaar domein", "subcategory": "Wegen", "operatorGroup": "Team wegen" } }`.
   * A `"*"` entry is the fallback.
   */
  categoryMap: Record<string, Record<string, string>>;
  /**
   * The tool's status key -> ours (inbound). Keys are what the connector reads (TOPdesk: the
   * processing status name or id; Ultimo: the numeric Status; 3P: its status code). Connectors have
   * defaults for `completed`/`closed`; this map overrides and extends them.
   */
  statusMap: Record<string, InboundStatus>;
  /** Connector-specific settings (Ultimo field names, 3P field mapping, TOPdesk page size, ...). */
  options: Record<string, unknown>;
  /** Per-request timeout. */
  timeoutMs: number;
}

/** What a back-office case is made from: the ticket, flattened, with the caller's contact details. */
export interface CaseDraft {
  ticketId: string;
  /** Our reference, `ZWVL-2026-000042`: stored in the tool (externalNumber, ExternalId) for idempotency. */
  reference: string;
  kind: string;
  categoryCode: string;
  priority: string;
  subject: string;
  description: string;
  createdAt: string;
  /** Link to the ticket in our console, for the back-office operator. */
  consoleUrl: string | null;
  location: TicketView['location'];
  caller: { name: string | null; email: string | null; phone: string | null } | null;
  /**
   * True on a first attempt, when no earlier call can have created the case: the connector may
   * skip its look-up by reference (one call instead of two, which matters under Ultimo's limits).
   */
  probablyNew?: boolean;
}

/** The case in the tool, as stored in the ticket's `externalRefs`. */
export interface ExternalCase {
  id: string;
  number?: string;
  url?: string;
  /** False when a case with our reference already existed (an idempotent retry found it). */
  created: boolean;
}

export interface CaseNote {
  text: string;
  /** `public`: the tool may show it to the caller; `internal`: operators only. */
  visibility: 'public' | 'internal';
}

/** Our `waiting_for_citizen` begun (`onHold`) or ended, with why (the question to the citizen). */
export interface CaseHold {
  onHold: boolean;
  reason: string | null;
}

/** One case that changed in the tool since the cursor. */
export interface RemoteChange {
  externalId: string;
  number?: string;
  /** Our reference as stored in the tool, when it carries one. */
  reference: string | null;
  /** The tool's raw status (for history and diagnostics), e.g. `"Afgemeld"` or `"6"`. */
  remoteStatus: string;
  /** The mapped status, or null when the change does not move our ticket (e.g. a tool-internal step). */
  status: InboundStatus | null;
  /** What the back-office wrote when completing the case (the citizen's "what we did"), if any. */
  closingText: string | null;
  /** Notes added in the tool, oldest first. Ids must be stable so the engine imports each only once. */
  notes: { id: string; text: string; at: string; author: string | null; public: boolean }[];
  modifiedAt: string;
}

export interface ChangePage {
  changes: RemoteChange[];
  /** Where the next call starts. Opaque to the engine; connectors overlap it and the engine dedupes. */
  cursor: string;
  /** True when more changes are waiting: the engine calls again at once. */
  more: boolean;
}

/** A photo or document of the ticket, as sent to a tool that takes files on its cases. */
export interface CaseAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface BackOfficeHealth {
  ok: boolean;
  detail?: string;
  version?: string;
}

export interface BackOfficeAdapter {
  readonly type: BackOfficeType;
  /** Creates the case, or returns the existing one carrying `draft.reference` (never two cases). */
  createCase(conn: BackOfficeConnection, draft: CaseDraft): Promise<ExternalCase>;
  addNote(conn: BackOfficeConnection, ref: ExternalCase, note: CaseNote): Promise<void>;
  /** Our `waiting_for_citizen` puts the case on hold; leaving it resumes the case. */
  setOnHold(conn: BackOfficeConnection, ref: ExternalCase, hold: CaseHold): Promise<void>;
  /**
   * Puts the ticket's files on the case, for tools that take them; a file the case has already
   * (same name) is not sent again, so a retried create never doubles them.
   */
  addAttachments?(conn: BackOfficeConnection, ref: ExternalCase, files: CaseAttachment[]): Promise<number>;
  /**
   * Our resolved ticket is open again (the citizen's reply within 14 days, or an agent): the case
   * goes back to being worked on, with `note` as an internal action. Tools without a way to reopen
   * get the note only.
   */
  reopenCase?(conn: BackOfficeConnection, ref: ExternalCase, note: string): Promise<void>;
  /** Cases changed since `cursor` (null: since `since`), a page at a time. */
  fetchChanges(conn: BackOfficeConnection, cursor: string | null, since: Date): Promise<ChangePage>;
  health(conn: BackOfficeConnection): Promise<BackOfficeHealth>;
}

/**
 * A failed call to a back-office. `retryable` failures (network, timeout, 5xx, 429) are retried
 * with back-off; the others (401, validation errors) become a failure record at once, since
 * repeating the same request cannot help.
 */
export class BackOfficeError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
    /** From a 429/503 `Retry-After`: wait at least this long before the next call. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'BackOfficeError';
  }
}

/**
 * A write that got no answer (timeout, dropped connection): the tool may have done it, and may
 * still do it for a while (`retryAfterMs`). Whoever retries must not look for its effect sooner.
 */
export class BackOfficeUnanswered extends BackOfficeError {
  constructor(message: string, settleMs: number) {
    super(message, true, null, settleMs);
    this.name = 'BackOfficeUnanswered';
  }
}

/**
 * Our own pacing said "not now" (a client-side request budget is used up): the tool did nothing
 * wrong and nothing was sent. Callers defer the work by `retryAfterMs` without counting it as a
 * failed attempt, and without holding a worker slot while they wait.
 */
export class BackOfficeThrottled extends BackOfficeError {
  constructor(message: string, retryAfterMs: number) {
    super(message, true, null, retryAfterMs);
    this.name = 'BackOfficeThrottled';
  }
}

/** The category entry for a ticket: its own, else the `*` fallback, else nothing. */
export function categoryFor(conn: BackOfficeConnection, categoryCode: string): Record<string, string> {
  return conn.categoryMap[categoryCode] ?? conn.categoryMap['*'] ?? {};
}

/** Maps a tool status through the configured map, then the connector's defaults. */
export function mapInboundStatus(
  conn: BackOfficeConnection,
  remoteKeys: (string | null | undefined)[],
  defaults: Record<string, InboundStatus> = {},
): InboundStatus | null {
  for (const key of remoteKeys) {
    if (key == null) continue;
    if (conn.statusMap[key]) return conn.statusMap[key];
  }
  for (const key of remoteKeys) {
    if (key == null) continue;
    if (defaults[key]) return defaults[key];
  }
  return null;
}
