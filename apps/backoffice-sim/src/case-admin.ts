import type { SimRequest, SimResponse } from './sim-http';

/** The statuses the admin surface moves a case to, whatever the tool calls them. */
export type AdminStatus = 'in_progress' | 'completed' | 'closed';

const ADMIN_STATUSES: readonly string[] = ['in_progress', 'completed', 'closed'];

/** What a simulated tool does when someone working in it acts on a case. */
export interface SimulatedCases<C> {
  /** What the tool calls a case ("incident", "job"), for not-found messages. */
  noun: string;
  list(reference: string | null): C[];
  get(id: string): C | undefined;
  addNote(found: C, text: string, isPublic: boolean): void;
  /** `closingText`: what the user typed when finishing (null: nothing). */
  setStatus(found: C, status: AdminStatus, closingText: string | null): void;
  /** The case in the shape shared by every simulated tool (tests/support/back-office-sim.ts). */
  json(found: C): unknown;
}

/**
 * The generic admin surface every simulated tool offers (tests and the benchmark drive the tools
 * through it): `GET /cases[?reference=]`, `POST /cases/{id}/status` with `{ status, closingText }`
 * and `POST /cases/{id}/notes` with `{ text, public }`. Each tool says what those mean in it.
 */
export function handleCaseAdmin<C>(cases: SimulatedCases<C>, req: SimRequest): SimResponse {
  if (req.invalidJson) return adminError(400, 'The request body is not valid JSON.');
  if (req.method === 'GET' && req.path === '/cases') {
    return { status: 200, body: cases.list(req.query.get('reference')).map((c) => cases.json(c)) };
  }
  const match = /^\/cases\/([^/]+)\/(status|notes)$/.exec(req.path);
  if (!match || req.method !== 'POST') return adminError(404, `No admin route ${req.method} ${req.path}`);
  const found = cases.get(decodeURIComponent(match[1]));
  if (!found) return adminError(404, `No ${cases.noun} ${match[1]}`);
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (match[2] === 'notes') {
    if (typeof body.text !== 'string' || !body.text.trim()) return adminError(400, '`text` is required');
    cases.addNote(found, body.text, body.public === true);
  } else {
    if (!ADMIN_STATUSES.includes(String(body.status)))
      return adminError(400, '`status` must be in_progress, completed or closed');
    const closingText =
      typeof body.closingText === 'string' && body.closingText.trim() ? body.closingText : null;
    cases.setStatus(found, body.status as AdminStatus, closingText);
  }
  return { status: 200, body: cases.json(found) };
}

function adminError(status: number, message: string): SimResponse {
  return { status, body: { message } };
}
