import { startBackOfficeSimulator, type RunningSimulator } from '../../apps/backoffice-sim/src/simulator';
import { UltimoSimulator } from '../../apps/backoffice-sim/src/ultimo';
import { UltimoAdapter } from '../../libs/adapters/src/connectors/ultimo';
import {
  BackOfficeError,
  type BackOfficeConnection,
  type CaseDraft,
  type ExternalCase,
  type RemoteChange,
} from '../../libs/adapters/src/port/back-office-adapter';
import { backOfficeConnection, caseDraft } from '../factories/back-office.factory';
import { expectCredentialsRefused } from '../support/back-office-contract';

/**
 * The Ultimo connector against the simulated Ultimo over real HTTP: what lands in the job, that a
 * retry never makes a second job, which failures are retryable, notes, hold, statuses coming back,
 * paging the change poll, and staying under Ultimo's request quota.
 */
const ELEMENT_ID = 'b1a6d3b2-0000-4000-8000-000000000001';

function connection(baseUrl: string, over: Partial<BackOfficeConnection> = {}): BackOfficeConnection {
  return backOfficeConnection('ultimo', baseUrl, {
    categoryMap: { wegen: { SiteId: '02', WorkOrderTypeId: '007' } },
    // Functional tests make many quick calls: the quota has its own tests below.
    options: { rateLimit: { requests: 10_000 } },
    ...over,
  });
}

function draft(over: Partial<CaseDraft> = {}): CaseDraft {
  return caseDraft({
    categoryCode: 'wegen',
    probablyNew: true,
    ...over,
  });
}

async function adminCall<T>(sim: RunningSimulator, path: string, body?: object): Promise<T> {
  const response = await fetch(`${sim.url}/_admin/ultimo${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type AdminCase = { id: string; status: string; onHold: boolean; notes: { text: string; public: boolean }[] };

/** Every page until `more` is false, with the page sizes seen. */
async function pollAll(adapter: UltimoAdapter, conn: BackOfficeConnection, cursor: string | null = null) {
  const changes: RemoteChange[] = [];
  const pages: { size: number; more: boolean }[] = [];
  for (let i = 0; i < 20; i++) {
    const page = await adapter.fetchChanges(conn, cursor, new Date(Date.now() - 60_000));
    changes.push(...page.changes);
    pages.push({ size: page.changes.length, more: page.more });
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { changes, pages, cursor };
}

describe('Ultimo connector against the simulator', () => {
  let sim: RunningSimulator;
  let ultimo: UltimoSimulator;
  let conn: BackOfficeConnection;
  const adapter = new UltimoAdapter();

  beforeAll(async () => {
    ultimo = new UltimoSimulator({ requestsPer10s: 100_000 });
    sim = await startBackOfficeSimulator([ultimo]);
    conn = connection(sim.baseUrls.ultimo);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    ultimo.reset();
    sim.faults.ultimo.reset();
  });

  it('reports a job through REST_ReportJob with our reference, report text and category parameters', async () => {
    const d = draft({ subject: 'x'.repeat(120) });
    const ref = await adapter.createCase(conn, d);
    expect(ref).toEqual({ id: expect.stringMatching(/^\d{7}$/), number: ref.id, created: true });
    const job = ultimo.jobs.get(ref.id)!;
    expect(job).toMatchObject({ ExternalId: d.reference, Status: 1, Site: '02', WorkOrderType: '007' });
    expect(job.ReportDate).toBe('2026-03-09T15:33:51Z');
    expect(job.Description.length).toBeLessThanOrEqual(80);
    for (const text of [
      d.description,
      d.reference,
      `${d.location!.address}, ${d.location!.postcode}`,
      'an@example.be',
      d.consoleUrl!,
    ]) {
      expect(job.ReportText).toContain(text);
    }
    expect(await adapter.health(conn)).toEqual({ ok: true });
  });

  it('finds the existing job on a retry instead of reporting a second one', async () => {
    const d = draft({ probablyNew: undefined });
    const first = await adapter.createCase(conn, d);
    const again = await adapter.createCase(conn, d);
    expect(again).toEqual({ ...first, created: false });
    expect(await adminCall<AdminCase[]>(sim, `/cases?reference=${d.reference}`)).toHaveLength(1);
  });

  it('after a create whose answer was lost (retryable), the retry finds that job: exactly one exists', async () => {
    const d = draft();
    sim.faults.ultimo.set({ dropRate: 1 });
    await expect(adapter.createCase(conn, d)).rejects.toMatchObject({ retryable: true });
    sim.faults.ultimo.reset();
    const retry = await adapter.createCase(conn, { ...d, probablyNew: false });
    expect(retry.created).toBe(false);
    expect(await adminCall<AdminCase[]>(sim, `/cases?reference=${d.reference}`)).toEqual([
      expect.objectContaining({ id: retry.id }),
    ]);
  });

  it('fails without retry on a refused report, a wrong API key or a wrong ApplicationElementId', async () => {
    const tooLong = connection(sim.baseUrls.ultimo, { options: { descriptionMaxLength: 200 } });
    await expect(adapter.createCase(tooLong, draft({ subject: 'y'.repeat(150) }))).rejects.toMatchObject({
      retryable: false,
      httpStatus: 400,
      message: expect.stringContaining('Description is longer than 80'),
    });
    const wrongKey = connection(sim.baseUrls.ultimo, {
      credentials: { apiKey: 'nope', applicationElementId: ELEMENT_ID },
    });
    await expectCredentialsRefused(adapter, wrongKey, draft());
    const wrongElement = connection(sim.baseUrls.ultimo, {
      credentials: { apiKey: 'sim-ultimo-key', applicationElementId: '00000000-0000-4000-8000-000000000000' },
    });
    await expect(adapter.createCase(wrongElement, draft())).rejects.toMatchObject({
      retryable: false,
      httpStatus: 400,
    });
    expect(ultimo.jobs.all()).toHaveLength(0);
  });

  it("uses Ultimo's documented ApplicationElementId for REST_ReportJob when none is configured", async () => {
    const bare = connection(sim.baseUrls.ultimo, { credentials: { apiKey: 'sim-ultimo-key' } });
    const ref = await adapter.createCase(bare, draft());
    expect(ref.created).toBe(true);
    // The note workflow is the customer's own: its element id must be configured.
    await expect(adapter.addNote(bare, ref, { text: 'x', visibility: 'internal' })).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('applicationElementIds'),
    });
  });

  it('adds notes through the note workflow, or appended to a job text when configured so', async () => {
    const ref = await adapter.createCase(conn, draft());
    await adapter.addNote(conn, ref, { text: 'De melder stuurde een foto.', visibility: 'public' });
    await adapter.addNote(conn, ref, { text: 'Intern: zie ook vorige melding.', visibility: 'internal' });
    const [adminCase] = await adminCall<AdminCase[]>(sim, '/cases');
    expect(adminCase.notes.map((n) => [n.text, n.public])).toEqual([
      ['De melder stuurde een foto.', true],
      ['Intern: zie ook vorige melding.', false],
    ]);
    const appending = connection(sim.baseUrls.ultimo, {
      options: { notes: { mode: 'append', field: 'Text' } },
    });
    await adapter.addNote(appending, ref, { text: 'eerste', visibility: 'public' });
    await adapter.addNote(appending, ref, { text: 'tweede', visibility: 'internal' });
    expect(ultimo.jobs.get(ref.id)!.Text).toMatch(/Meldpunt\] eerste\n\n\[.* Meldpunt, intern\] tweede$/);
  });

  it('puts a job on hold with a ProgressStatus (the reason as a note) and resumes it', async () => {
    const ref = await adapter.createCase(conn, draft());
    await adapter.setOnHold(conn, ref, { onHold: true, reason: 'Wacht op foto van de melder' });
    let [adminCase] = await adminCall<AdminCase[]>(sim, '/cases');
    expect(adminCase.onHold).toBe(true);
    expect(adminCase.notes.map((n) => n.text)).toEqual(['In wacht: Wacht op foto van de melder']);
    await adapter.setOnHold(conn, ref, { onHold: false, reason: null });
    [adminCase] = await adminCall<AdminCase[]>(sim, '/cases');
    expect(adminCase.onHold).toBe(false);
  });

  it('reads statuses back: finished -> resolved with the feedback text, active -> in_progress, closed -> closed', async () => {
    const [done, busy, shut] = [
      await adapter.createCase(conn, draft()),
      await adapter.createCase(conn, draft()),
      await adapter.createCase(conn, draft()),
    ];
    ultimo.jobs.create({ ...ultimo.jobs.get(done.id)!, ExternalId: null }); // reported in Ultimo itself: not ours
    await adminCall(sim, `/cases/${done.id}/status`, {
      status: 'completed',
      closingText: 'Putdeksel vastgezet.',
    });
    await adminCall(sim, `/cases/${busy.id}/status`, { status: 'in_progress' });
    await adminCall(sim, `/cases/${shut.id}/status`, { status: 'closed' });
    const { changes } = await pollAll(adapter, conn);
    const latest = new Map(changes.map((c) => [c.externalId, c]));
    expect(latest.size).toBe(3);
    expect(latest.get(done.id)).toMatchObject({
      status: 'resolved',
      remoteStatus: '16',
      closingText: 'Putdeksel vastgezet.',
      notes: [],
    });
    expect(latest.get(busy.id)).toMatchObject({
      status: 'in_progress',
      remoteStatus: '4',
      closingText: null,
    });
    expect(latest.get(shut.id)).toMatchObject({ status: 'closed', remoteStatus: '32' });
    expect(latest.get(done.id)!.reference).toMatch(/^ZWVL-2026-/);
  });

  it('pages the poll on (change date, Id): 25 jobs in a burst (sharing seconds), pages of 10, none skipped', async () => {
    const paged = connection(sim.baseUrls.ultimo, {
      options: { rateLimit: { requests: 10_000 }, pageSize: 10 },
    });
    const refs: ExternalCase[] = [];
    for (let i = 0; i < 25; i++) refs.push(await adapter.createCase(paged, draft()));
    const first = await adapter.fetchChanges(paged, null, new Date(Date.now() - 60_000));
    expect(first).toMatchObject({ more: true });
    expect(first.changes).toHaveLength(10);
    // A job already read changes mid-pass: it must come back, at the latest on the next pass.
    await adminCall(sim, `/cases/${refs[2].id}/status`, { status: 'in_progress' });
    const rest = await pollAll(adapter, paged, first.cursor);
    // At least the 15 left take two pages; a pass that crosses a second boundary rereads the
    // unfinished second (the cursor only moves past seconds that are over), which can add a page.
    expect(rest.pages.length).toBeGreaterThanOrEqual(2);
    expect(rest.pages.map((p) => p.more)).toEqual([...rest.pages.slice(1).map(() => true), false]);
    const seen = new Set([...first.changes, ...rest.changes].map((c) => c.externalId));
    expect(seen.size).toBe(25);
    const nextPass = await pollAll(adapter, paged, rest.cursor);
    expect(nextPass.changes.find((c) => c.externalId === refs[2].id)).toMatchObject({
      status: 'in_progress',
    });
  });

  it('reports a 5xx as retryable', async () => {
    sim.faults.ultimo.set({ errorRate: 1 });
    const error = (await adapter.createCase(conn, draft()).catch((e: unknown) => e)) as BackOfficeError;
    expect(error).toBeInstanceOf(BackOfficeError);
    expect(error.retryable).toBe(true);
    expect(error.httpStatus).toBeGreaterThanOrEqual(500);
  });
});

describe("Ultimo connector and Ultimo's request quota", () => {
  let sim: RunningSimulator;
  let ultimo: UltimoSimulator;
  const adapter = new UltimoAdapter();

  beforeAll(async () => {
    // Ultimo's 100 per 10 s, scaled down to 40 per second to keep the test quick.
    ultimo = new UltimoSimulator({ requestsPer10s: 40, windowMs: 1000 });
    sim = await startBackOfficeSimulator([ultimo]);
  });
  afterAll(() => sim.close());

  it('keeps 120 quick calls under the quota with its client-side limiter (no 429)', async () => {
    const conn = connection(sim.baseUrls.ultimo, {
      options: { rateLimit: { requests: 40, windowMs: 1000, maxWaitMs: 1500 } },
    });
    const started = Date.now();
    const lanes = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 30; i++) expect(await adapter.health(conn)).toEqual({ ok: true });
    });
    await Promise.all(lanes);
    expect(ultimo.stats).toEqual({ requests: 120, rateLimited: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("turns Ultimo's own 429 into a retryable error with retryAfterMs", async () => {
    ultimo.reset();
    const unlimited = connection(sim.baseUrls.ultimo);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => adapter.createCase(unlimited, draft()).catch((e: unknown) => e)),
    );
    const refused = outcomes.filter((o) => o instanceof Error);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(refused[0]).toMatchObject({ retryable: true, httpStatus: 429, retryAfterMs: 1000 });
    expect(ultimo.jobs.all()).toHaveLength(50 - refused.length);
  });

  it('turns an injected 429 into a retryable error with the Retry-After', async () => {
    sim.faults.ultimo.set({ rateLimitRate: 1, retryAfterSeconds: 3 });
    const conn = connection(sim.baseUrls.ultimo, {
      options: { rateLimit: { requests: 1000, windowMs: 1000 } },
    });
    await expect(adapter.createCase(conn, draft())).rejects.toMatchObject({
      retryable: true,
      httpStatus: 429,
      retryAfterMs: 3000,
    });
  });
});
