import type { SimRequest, SimResponse } from '../sim-http';
import type { ThreePCase, ThreePCaseStore } from './threep-case-store';
import { parseCaseInput, parseHoldInput, parseNoteInput, REFERENCE_PATTERN } from './threep-input';
import { threePProblem, validationProblem } from './threep-problem';

const BY_REFERENCE = /^\/cases\/by-reference\/([^/]+)$/;
const CASE = /^\/cases\/([^/]+)$/;
const CASE_PART = /^\/cases\/([^/]+)\/(notes|hold)$/;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The 3P exchange contract's routes (docs/adapters/3p.md), after authentication. */
export function handleThreePApi(store: ThreePCaseStore, req: SimRequest): SimResponse {
  if (req.invalidJson) return threePProblem(400, 'The request body is not valid JSON.');
  if (req.path === '/health' && req.method === 'GET')
    return { status: 200, body: { status: 'ok', version: '1.0.0' } };
  if (req.path === '/changes' && req.method === 'GET') return listChanges(store, req.query);

  const byReference = BY_REFERENCE.exec(req.path);
  if (byReference) {
    const reference = decodeURIComponent(byReference[1]);
    if (!REFERENCE_PATTERN.test(reference)) {
      return validationProblem([
        { field: 'reference', message: 'must be 1-60 characters: letters, digits, . _ -' },
      ]);
    }
    if (req.method === 'GET')
      return caseOrMissing(store.findByReference(reference), `reference ${reference}`);
    if (req.method === 'PUT') return putByReference(store, reference, req.body);
    return threePProblem(405, `${req.method} is not allowed here.`);
  }
  const part = CASE_PART.exec(req.path);
  const whole = CASE.exec(req.path);
  const found = store.get(decodeURIComponent((part ?? whole)?.[1] ?? ''));
  if (whole && req.method === 'GET') return caseOrMissing(found, `id ${whole[1]}`);
  if (!part) return threePProblem(404, `No resource at ${req.path}.`);
  if (!found) return threePProblem(404, `No case with id ${part[1]}.`);

  if (part[2] === 'notes' && req.method === 'POST') {
    const note = parseNoteInput(req.body);
    if (!note.value) return validationProblem(note.errors);
    return { status: 201, body: store.addNote(found, { ...note.value, source: 'api' }) };
  }
  if (part[2] === 'hold' && req.method === 'PUT') {
    const hold = parseHoldInput(req.body);
    if (!hold.value) return validationProblem(hold.errors);
    const { onHold, reason } = hold.value;
    // Idempotent: asking for the state the case is already in changes nothing and feeds nothing.
    if (found.onHold === onHold && (!onHold || found.holdReason === reason))
      return { status: 200, body: found };
    return {
      status: 200,
      body: store.change(found, { onHold, holdReason: onHold ? reason : null }, 'case.hold_changed'),
    };
  }
  return threePProblem(405, `${req.method} is not allowed here.`);
}

/** Creates the case when no case carries this reference; otherwise answers the existing one untouched. */
function putByReference(store: ThreePCaseStore, reference: string, body: unknown): SimResponse {
  const existing = store.findByReference(reference);
  if (existing) return { status: 200, body: existing };
  const input = parseCaseInput(body);
  if (!input.value) return validationProblem(input.errors);
  const created = store.create(reference, input.value);
  return { status: 201, body: created, headers: { location: `/cases/${created.id}` } };
}

function caseOrMissing(found: ThreePCase | undefined, what: string): SimResponse {
  return found ? { status: 200, body: found } : threePProblem(404, `No case with ${what}.`);
}

/** `GET /changes?since=<cursor>` (exclusive) or `?from=<ISO>` (inclusive), `limit` 1..200. */
function listChanges(store: ThreePCaseStore, query: URLSearchParams): SimResponse {
  const since = query.get('since');
  const from = query.get('from');
  const limit = query.has('limit') ? Number(query.get('limit')) : DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return validationProblem([{ field: 'limit', message: `must be an integer from 1 to ${MAX_LIMIT}` }]);
  }
  if (since !== null && (!/^\d+$/.test(since) || Number(since) > store.latestSequence)) {
    return validationProblem([{ field: 'since', message: 'is not a cursor this feed handed out' }]);
  }
  if (from !== null && Number.isNaN(Date.parse(from))) {
    return validationProblem([{ field: 'from', message: 'must be an ISO 8601 date-time' }]);
  }
  const page = store.changesAfter(
    since === null ? null : Number(since),
    from === null ? null : Date.parse(from),
    limit,
  );
  if (page.expired)
    return threePProblem(410, 'The cursor is older than the feed keeps; restart with `from`.');
  const last = page.entries[page.entries.length - 1];
  // With nothing new, every entry the feed has is behind the reader: its cursor is the latest one.
  const nextCursor = String(last ? last.sequence : store.latestSequence);
  return {
    status: 200,
    body: {
      changes: page.entries.map((entry) => ({ ...entry, sequence: String(entry.sequence) })),
      nextCursor,
      hasMore: page.hasMore,
    },
  };
}
