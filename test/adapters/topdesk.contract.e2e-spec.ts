import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { TopdeskAdapter } from '../../libs/adapters/src/connectors/topdesk';
import { topdeskFetch } from '../../libs/adapters/src/connectors/topdesk/topdesk-http';
import {
  type BackOfficeConnection,
  BackOfficeError,
  type RemoteChange,
} from '../../libs/adapters/src/port/back-office-adapter';
import { backOfficeConnection, caseDraft } from '../factories/back-office.factory';
import { TestBackOffice } from '../support/back-office-sim';
import { expectCredentialsRefused } from '../support/back-office-contract';

/**
 * The TOPdesk connector against the TOPdesk simulator over real HTTP: what the sync engine relies
 * on (idempotent create, notes, hold, status and closing text back, paging, error classes).
 */
describe('TOPdesk connector contract', () => {
  let backOffice: TestBackOffice;
  const adapter = new TopdeskAdapter();

  const connection = (over: Partial<BackOfficeConnection> = {}): BackOfficeConnection =>
    backOfficeConnection('topdesk', backOffice.baseUrl, {
      categoryMap: {
        '*': { category: 'Dienstverlening', subcategory: 'Algemeen', operatorGroup: 'Onthaal' },
        'roads-pavements': { category: 'Openbaar domein', subcategory: 'Wegen', operatorGroup: 'Team wegen' },
      },
      ...over,
    });
  const draft = caseDraft;

  /** Every change since `since`, page after page, the way the engine polls. */
  async function allChanges(
    conn: BackOfficeConnection,
    since: Date,
  ): Promise<{ changes: RemoteChange[]; pages: boolean[] }> {
    const changes: RemoteChange[] = [];
    const pages: boolean[] = [];
    let cursor: string | null = null;
    for (let call = 0; call < 50; call++) {
      const page = await adapter.fetchChanges(conn, cursor, since);
      changes.push(...page.changes);
      pages.push(page.more);
      cursor = page.cursor;
      if (!page.more) return { changes, pages };
    }
    throw new Error('fetchChanges kept saying more');
  }

  const latest = (changes: RemoteChange[], id: string) => changes.filter((c) => c.externalId === id).at(-1);

  async function expectFailure(promise: Promise<unknown>): Promise<BackOfficeError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackOfficeError);
    return error as BackOfficeError;
  }

  beforeAll(async () => {
    backOffice = await TestBackOffice.start(new TopdeskSimulator());
  });

  afterEach(() =>
    backOffice.faults({ errorRate: 0, rateLimitRate: 0, dropRate: 0, timeoutRate: 0, down: false }),
  );

  afterAll(() => backOffice.close());

  it('reports the version as health', async () => {
    await expect(adapter.health(connection())).resolves.toEqual({ ok: true, version: expect.any(String) });
  });

  it('creates an incident with the caller, our reference, the classification and a full request', async () => {
    const conn = connection();
    const d = draft();
    const created = await adapter.createCase(conn, { ...d, probablyNew: true });
    expect(created).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^I \d{4} \d{4}$/),
      url: `${backOffice.baseUrl.replace(/\/tas\/api$/, '')}/tas/secure/incident?unid=${created.id}`,
      created: true,
    });
    const { body } = await topdeskFetch<Record<string, unknown>>(conn, {
      method: 'GET',
      path: `/incidents/id/${created.id}`,
    });
    expect(body).toMatchObject({
      externalNumber: d.reference,
      briefDescription: 'Put in het fietspad',
      caller: { dynamicName: 'An Peeters', email: 'an@example.be', phoneNumber: '+32470123456' },
      category: { name: 'Openbaar domein' },
      subcategory: { name: 'Wegen' },
      operatorGroup: { name: 'Team wegen' },
      processingStatus: { name: 'Aangemeld' },
      completed: false,
      closed: false,
    });
    expect(body.request).toContain('Diepe put vlak na de bushalte.');
    expect(body.request).toContain('Locatie: Doorniksewijk 12, 8500 (50.82, 3.26)');
    expect(body.request).toContain(`Referentie: ${d.reference}`);
    expect(body.request).toContain(d.consoleUrl);
  });

  it('cuts a subject longer than 80 characters to fit briefDescription', async () => {
    const conn = connection();
    const subject =
      'Straatverlichting defect in de volledige straat sinds vorige week, ook de zijstraten zijn donker';
    const created = await adapter.createCase(conn, draft({ subject, categoryCode: 'unknown', caller: null }));
    const { body } = await topdeskFetch<Record<string, unknown>>(conn, {
      method: 'GET',
      path: `/incidents/id/${created.id}`,
    });
    expect(body.briefDescription).toHaveLength(80);
    expect(body.briefDescription).toBe(`${subject.slice(0, 79).trimEnd()}…`);
    expect(body).toMatchObject({
      caller: { dynamicName: 'Meldpunt Zuid-West-Vlaanderen' },
      category: { name: 'Dienstverlening' },
    });
  });

  it('finds the incident again instead of creating a second one', async () => {
    const conn = connection();
    const d = draft();
    const first = await adapter.createCase(conn, d);
    const again = await adapter.createCase(conn, d);
    expect(again).toEqual({ ...first, created: false });
    expect(await backOffice.cases(d.reference)).toHaveLength(1);
  });

  it('survives a lost answer: the retry finds the incident the first call created', async () => {
    const conn = connection();
    const d = draft();
    backOffice.faults({ dropRate: 1 });
    const lost = await expectFailure(adapter.createCase(conn, { ...d, probablyNew: true }));
    expect(lost.retryable).toBe(true);
    backOffice.faults({ dropRate: 0 });
    const retried = await adapter.createCase(conn, { ...d, probablyNew: false });
    expect(retried.created).toBe(false);
    const cases = await backOffice.cases(d.reference);
    expect(cases).toHaveLength(1);
    expect(cases[0].id).toBe(retried.id);
  });

  it("fails a validation error at once, with TOPdesk's own words", async () => {
    const conn = connection({ categoryMap: { '*': { category: 'Bestaat niet' } } });
    const error = await expectFailure(adapter.createCase(conn, draft({ probablyNew: true })));
    expect(error).toMatchObject({ retryable: false, httpStatus: 400 });
    expect(error.message).toContain("'category.name'");
    expect(error.message).toContain('Bestaat niet');
  });

  it('fails a wrong application password at once (401)', async () => {
    const conn = connection({ credentials: { username: 'meldpunt', password: 'wrong' } });
    await expectCredentialsRefused(adapter, conn, draft());
  });

  it('adds public and internal notes as actions', async () => {
    const conn = connection();
    const d = draft();
    const ref = await adapter.createCase(conn, d);
    await adapter.addNote(conn, ref, { text: 'De burger stuurde een foto.', visibility: 'public' });
    await adapter.addNote(conn, ref, { text: 'Let op: herhaalde melding.', visibility: 'internal' });
    const [incident] = await backOffice.cases(d.reference);
    expect(incident.notes.map(({ text, public: isPublic, author }) => ({ text, isPublic, author }))).toEqual([
      { text: 'De burger stuurde een foto.', isPublic: true, author: 'Meldpunt koppeling' },
      { text: 'Let op: herhaalde melding.', isPublic: false, author: 'Meldpunt koppeling' },
    ]);
  });

  it('puts the incident on hold and resumes it', async () => {
    const conn = connection();
    const d = draft();
    const ref = await adapter.createCase(conn, d);
    await adapter.setOnHold(conn, ref, { onHold: true, reason: 'Wacht op foto van de burger' });
    let [incident] = await backOffice.cases(d.reference);
    expect(incident.onHold).toBe(true);
    expect(incident.notes).toEqual([
      expect.objectContaining({ text: 'Wacht op foto van de burger', public: false }),
    ]);
    await adapter.setOnHold(conn, ref, { onHold: false, reason: null });
    [incident] = await backOffice.cases(d.reference);
    expect(incident.onHold).toBe(false);
  });

  it('brings status, notes and the closing text back, without our own notes', async () => {
    const conn = connection();
    const since = new Date(Date.now() - 5000);
    const ref = await adapter.createCase(conn, draft());
    await adapter.addNote(conn, ref, { text: 'Van het meldpunt.', visibility: 'public' });

    await backOffice.setStatus(ref.id, 'in_progress');
    await backOffice.addNote(ref.id, 'Ploeg is onderweg.', true);
    let change = latest((await allChanges(conn, since)).changes, ref.id);
    expect(change).toMatchObject({
      status: 'in_progress',
      remoteStatus: 'In behandeling',
      closingText: null,
    });
    expect(change?.notes).toEqual([
      {
        id: expect.any(String),
        text: 'Ploeg is onderweg.',
        at: expect.any(String),
        author: 'Backoffice operator',
        public: true,
      },
    ]);

    await backOffice.setStatus(ref.id, 'completed', 'Put gedicht met koude asfalt.');
    change = latest((await allChanges(conn, since)).changes, ref.id);
    expect(change).toMatchObject({
      status: 'resolved',
      remoteStatus: 'Afgemeld',
      closingText: 'Put gedicht met koude asfalt.',
    });
    expect(change?.notes.map((n) => n.text)).toEqual(['Ploeg is onderweg.']);

    await backOffice.setStatus(ref.id, 'closed');
    change = latest((await allChanges(conn, since)).changes, ref.id);
    expect(change).toMatchObject({ status: 'closed', closingText: 'Put gedicht met koude asfalt.' });
  });

  it('pages through changes: 25 incidents, 10 a page, each one seen, more until the end', async () => {
    backOffice.sim.tools.topdesk.reset(); // only these incidents in the feed
    const conn = connection({ options: { pageSize: 10 } });
    const since = new Date();
    const ids = new Set<string>();
    for (let i = 0; i < 25; i++) ids.add((await adapter.createCase(conn, draft({ probablyNew: true }))).id);
    await topdeskFetch(conn, {
      method: 'POST',
      path: '/incidents',
      body: { caller: { dynamicName: 'Balie' }, briefDescription: 'Niet van ons', externalNumber: 'ANDER-1' },
    });
    const { changes, pages } = await allChanges(conn, since);
    expect(new Set(changes.map((c) => c.externalId))).toEqual(ids);
    expect(changes.every((c) => c.reference?.startsWith('ZWVL-'))).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every(Boolean)).toBe(true);
    expect(pages.at(-1)).toBe(false);
  });

  it('classifies server errors and rate limits as retryable, with Retry-After', async () => {
    const conn = connection();
    backOffice.faults({ errorRate: 1 });
    const serverError = await expectFailure(adapter.createCase(conn, draft()));
    expect(serverError.retryable).toBe(true);
    expect([500, 502, 503]).toContain(serverError.httpStatus);

    backOffice.faults({ errorRate: 0, rateLimitRate: 1, retryAfterSeconds: 7 });
    const limited = await expectFailure(adapter.fetchChanges(conn, null, new Date()));
    expect(limited).toMatchObject({ retryable: true, httpStatus: 429, retryAfterMs: 7000 });
  });
});
