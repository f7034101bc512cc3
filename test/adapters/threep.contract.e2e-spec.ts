import { startBackOfficeSimulator, type RunningSimulator } from '../../apps/backoffice-sim/src/simulator';
import { ThreePSimulator } from '../../apps/backoffice-sim/src/threep';
import { ThreePAdapter } from '../../libs/adapters/src/connectors/threep';
import {
  BackOfficeError,
  type BackOfficeConnection,
  type CaseDraft,
  type RemoteChange,
} from '../../libs/adapters/src/port/back-office-adapter';
import { backOfficeConnection, caseDraft } from '../factories/back-office.factory';
import { expectCredentialsRefused } from '../support/back-office-contract';

/**
 * The 3P connector against the simulated 3P over real HTTP, both following our exchange contract
 * (docs/adapters/3p.md): creation by reference, idempotent retries, errors, notes, hold, statuses
 * and notes coming back through the change feed, and paging that feed.
 */
function connection(baseUrl: string, over: Partial<BackOfficeConnection> = {}): BackOfficeConnection {
  return backOfficeConnection('3p', baseUrl, {
    municipalityCode: 'menen',
    categoryMap: { wegen: { team: 'Openbaar domein', subteam: 'Wegen' } },
    ...over,
  });
}

function draft(over: Partial<CaseDraft> = {}): CaseDraft {
  return caseDraft({
    categoryCode: 'wegen',
    ...over,
  });
}

type AdminCase = { id: string; status: string; onHold: boolean; notes: { text: string; public: boolean }[] };

describe('3P connector against the simulator', () => {
  let sim: RunningSimulator;
  let conn: BackOfficeConnection;
  const adapter = new ThreePAdapter();

  const admin = async <T>(path: string, body?: object): Promise<T> => {
    const response = await fetch(`${sim.url}/_admin/3p${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const casesWith = (reference: string) => admin<AdminCase[]>(`/cases?reference=${reference}`);
  const since = () => new Date(Date.now() - 60_000);
  async function pollAll(c: BackOfficeConnection, cursor: string | null = null) {
    const changes: RemoteChange[] = [];
    const pages: { size: number; more: boolean }[] = [];
    for (let i = 0; i < 20; i++) {
      const page = await adapter.fetchChanges(c, cursor, since());
      changes.push(...page.changes);
      pages.push({ size: page.changes.length, more: page.more });
      cursor = page.cursor;
      if (!page.more) break;
    }
    return { changes, pages, cursor };
  }

  beforeAll(async () => {
    sim = await startBackOfficeSimulator([new ThreePSimulator()]);
    conn = connection(sim.baseUrls['3p']);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.tools['3p'].reset();
    sim.faults['3p'].reset();
  });

  it('creates the case by our reference with every field of the contract', async () => {
    const d = draft();
    const ref = await adapter.createCase(conn, d);
    expect(ref).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^3P-\d{4}-\d{5}$/),
      created: true,
    });
    const response = await fetch(`${sim.baseUrls['3p']}/cases/by-reference/${d.reference}`, {
      headers: { authorization: 'Bearer sim-3p-token' },
    });
    expect(await response.json()).toMatchObject({
      id: ref.id,
      reference: d.reference,
      subject: d.subject,
      description: d.description,
      kind: d.kind,
      category: 'wegen',
      classification: { team: 'Openbaar domein', subteam: 'Wegen' },
      priority: d.priority,
      reportedAt: d.createdAt,
      location: d.location,
      caller: d.caller,
      consoleUrl: d.consoleUrl,
      status: 'received',
      onHold: false,
    });
    expect(await adapter.health(conn)).toEqual({ ok: true, version: '1.0.0' });
  });

  it('answers the existing case on a repeated create: one case, created false', async () => {
    const d = draft();
    const first = await adapter.createCase(conn, d);
    expect(await adapter.createCase(conn, { ...d, subject: 'changed meanwhile' })).toEqual({
      ...first,
      created: false,
    });
    expect(await casesWith(d.reference)).toHaveLength(1);
  });

  it('after a create whose answer was lost (retryable), the retry finds that case: exactly one exists', async () => {
    const d = draft({ probablyNew: true });
    sim.faults['3p'].set({ dropRate: 1 });
    await expect(adapter.createCase(conn, d)).rejects.toMatchObject({ retryable: true });
    sim.faults['3p'].reset();
    const retry = await adapter.createCase(conn, { ...d, probablyNew: false });
    expect(retry.created).toBe(false);
    expect(await casesWith(d.reference)).toEqual([expect.objectContaining({ id: retry.id })]);
  });

  it('fails without retry on a validation error (naming the field) and on a wrong token', async () => {
    const misMapped = connection(sim.baseUrls['3p'], { options: { fieldMap: { subject: 'title' } } });
    await expect(adapter.createCase(misMapped, draft())).rejects.toMatchObject({
      retryable: false,
      httpStatus: 400,
      message: expect.stringMatching(/title is not a field of a case.*subject is required/),
    });
    const wrongToken = connection(sim.baseUrls['3p'], { credentials: { token: 'nope' } });
    await expectCredentialsRefused(adapter, wrongToken, draft());
    expect(await admin<AdminCase[]>('/cases')).toHaveLength(0);
  });

  it('adds notes and puts the case on hold and back, idempotently', async () => {
    const ref = await adapter.createCase(conn, draft());
    await adapter.addNote(conn, ref, { text: 'Foto ontvangen van de melder.', visibility: 'public' });
    await adapter.setOnHold(conn, ref, { onHold: true, reason: 'Wacht op adres' });
    await adapter.setOnHold(conn, ref, { onHold: true, reason: 'Wacht op adres' });
    let [stored] = await admin<AdminCase[]>('/cases');
    expect(stored).toMatchObject({
      onHold: true,
      notes: [{ text: 'Foto ontvangen van de melder.', public: true }],
    });
    await adapter.setOnHold(conn, ref, { onHold: false, reason: null });
    [stored] = await admin<AdminCase[]>('/cases');
    expect(stored.onHold).toBe(false);
    const feed = await pollAll(conn);
    expect(feed.changes).toHaveLength(4); // created, note, on hold (once), resumed
    expect(feed.changes.flatMap((c) => c.notes)).toEqual([]); // our own note is not echoed back
  });

  it('reads statuses and 3P notes back through the feed', async () => {
    const [done, busy, shut] = [
      await adapter.createCase(conn, draft()),
      await adapter.createCase(conn, draft()),
      await adapter.createCase(conn, draft()),
    ];
    const start = await adapter.fetchChanges(conn, null, since());
    await admin(`/cases/${busy.id}/notes`, { text: 'Ploeg is onderweg.', public: true });
    await admin(`/cases/${done.id}/status`, { status: 'completed', closingText: 'Bord teruggeplaatst.' });
    await admin(`/cases/${busy.id}/status`, { status: 'in_progress' });
    await admin(`/cases/${shut.id}/status`, { status: 'closed' });
    const { changes } = await pollAll(conn, start.cursor);
    expect(changes.map((c) => [c.externalId, c.remoteStatus, c.status])).toEqual([
      [busy.id, 'received', null],
      [done.id, 'completed', 'resolved'],
      [busy.id, 'in_progress', 'in_progress'],
      [shut.id, 'closed', 'closed'],
    ]);
    expect(changes[0].notes).toEqual([
      {
        id: expect.any(String),
        text: 'Ploeg is onderweg.',
        at: expect.any(String),
        author: '3P user',
        public: true,
      },
    ]);
    expect(changes[1]).toMatchObject({ closingText: 'Bord teruggeplaatst.', number: expect.any(String) });
    expect(changes[1].reference).toMatch(/^ZWVL-2026-/);
  });

  it('pages the feed: 25 cases, pages of 10, all seen once, then an empty read keeps the cursor', async () => {
    const paged = connection(sim.baseUrls['3p'], { options: { pageSize: 10 } });
    for (let i = 0; i < 25; i++) await adapter.createCase(paged, draft());
    const { changes, pages, cursor } = await pollAll(paged);
    expect(pages).toEqual([
      { size: 10, more: true },
      { size: 10, more: true },
      { size: 5, more: false },
    ]);
    expect(new Set(changes.map((c) => c.externalId)).size).toBe(25);
    expect(await adapter.fetchChanges(paged, cursor, since())).toEqual({ changes: [], cursor, more: false });
  });

  it('reports 5xx and 429 as retryable, with the Retry-After', async () => {
    sim.faults['3p'].set({ errorRate: 1 });
    const error = (await adapter.createCase(conn, draft()).catch((e: unknown) => e)) as BackOfficeError;
    expect(error).toBeInstanceOf(BackOfficeError);
    expect(error.retryable).toBe(true);
    expect(error.httpStatus).toBeGreaterThanOrEqual(500);
    sim.faults['3p'].set({ errorRate: 0, rateLimitRate: 1, retryAfterSeconds: 3 });
    await expect(adapter.createCase(conn, draft())).rejects.toMatchObject({
      retryable: true,
      httpStatus: 429,
      retryAfterMs: 3000,
    });
  });
});

describe('3P connector when the feed no longer keeps its cursor', () => {
  it('reads again from `since` after a 410', async () => {
    const sim = await startBackOfficeSimulator([new ThreePSimulator({ feedRetention: 5 })]);
    try {
      const conn = connection(sim.baseUrls['3p']);
      const adapter = new ThreePAdapter();
      await adapter.createCase(conn, draft());
      const { cursor } = await adapter.fetchChanges(conn, null, new Date(Date.now() - 60_000));
      for (let i = 0; i < 8; i++) await adapter.createCase(conn, draft());
      const page = await adapter.fetchChanges(conn, cursor, new Date(Date.now() - 60_000));
      expect(page.changes).toHaveLength(5);
      expect(page.more).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
