import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

describe('Ticket lists, search and scope', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${token}`).send(ticketBody(body));
  const list = (token: string, query: string) =>
    t.http().get(`/api/v1/tickets?${query}`).set('Authorization', `Bearer ${token}`);

  it('pages with a cursor without duplicates or gaps while tickets are inserted', async () => {
    for (let i = 0; i < 25; i++)
      await create(admin, { municipalityCode: 'avelgem', description: `Paginering ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const res = await list(admin, `municipality=avelgem&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { description: string }) => i.description));
      cursor = res.body.nextCursor;
      // New tickets arrive between pages: they must neither shift nor repeat what is still to come.
      await create(admin, {
        municipalityCode: 'avelgem',
        description: `Nieuw tijdens bladeren ${inserted++}`,
      });
    } while (cursor);
    const original = seen.filter((d) => d.startsWith('Paginering'));
    expect(original).toHaveLength(25);
    expect(new Set(seen).size).toBe(seen.length);
    expect(original[0]).toBe('Paginering 24');
    expect(original[24]).toBe('Paginering 0');
  });

  it('finds "straatlamp" when searching "straatlampen" (Dutch stemming)', async () => {
    await create(admin, { municipalityCode: 'wervik', description: 'De straatlamp aan de kerk knippert.' });
    await create(admin, { municipalityCode: 'wervik', description: 'Een put in het voetpad.' });
    const res = await list(admin, 'municipality=wervik&q=straatlampen');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].description).toContain('straatlamp aan de kerk');
  });

  it('filters by status, category and breached', async () => {
    const created = await create(admin, {
      municipalityCode: 'kuurne',
      categoryCode: 'animals',
      kind: 'question',
    });
    await create(admin, { municipalityCode: 'kuurne', categoryCode: 'parking' });
    await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/transitions`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ to: 'in_progress' });
    const byStatus = await list(admin, 'municipality=kuurne&status=in_progress');
    expect(byStatus.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const byCategory = await list(admin, 'municipality=kuurne&categoryCode=parking');
    expect(byCategory.body.items).toHaveLength(1);
    await t.sql('UPDATE ticket SET resolution_breached = true WHERE id = $1', [created.body.id]);
    const breached = await list(admin, 'municipality=kuurne&breached=true');
    expect(breached.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await list(admin, 'municipality=kuurne&breached=false')).body.items).toHaveLength(1);
  });

  it('rejects bad filters with the field named', async () => {
    const res = await list(admin, 'status=open&limit=1000&cursor=abc');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'cursor',
      'limit',
      'status',
    ]);
  });

  describe('scope', () => {
    let menen: string;
    let menenTicket: string;
    let kortrijkTicket: string;

    beforeAll(async () => {
      menen = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
      menenTicket = (await create(admin, { municipalityCode: 'menen', description: 'Scope Menen' })).body.id;
      kortrijkTicket = (await create(admin, { municipalityCode: 'kortrijk', description: 'Scope Kortrijk' }))
        .body.id;
    });

    it('lists only the municipalities of a municipal agent, even when asking for others', async () => {
      const all = await list(menen, 'limit=200');
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(all.body.items.every((i: { municipalityCode: string }) => i.municipalityCode === 'menen')).toBe(
        true,
      );
      const foreign = await list(menen, 'municipality=kortrijk');
      expect(foreign.body.items).toEqual([]);
    });

    it('answers 404 for a ticket outside the scope, for reads and writes alike', async () => {
      expect(
        (await t.http().get(`/api/v1/tickets/${menenTicket}`).set('Authorization', `Bearer ${menen}`)).status,
      ).toBe(200);
      const auth = { Authorization: `Bearer ${menen}` };
      expect((await t.http().get(`/api/v1/tickets/${kortrijkTicket}`).set(auth)).status).toBe(404);
      expect((await t.http().get(`/api/v1/tickets/${kortrijkTicket}/history`).set(auth)).status).toBe(404);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tickets/${kortrijkTicket}/transitions`)
            .set(auth)
            .send({ to: 'in_progress' })
        ).status,
      ).toBe(404);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tickets/${kortrijkTicket}/messages`)
            .set(auth)
            .send({ visibility: 'internal', body: 'x' })
        ).status,
      ).toBe(404);
      const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM ticket WHERE id = $1', [
        kortrijkTicket,
      ]);
      expect(status).toBe('new');
    });

    it('refuses intake for a municipality outside the scope', async () => {
      const res = await create(menen, { municipalityCode: 'kortrijk' });
      expect(res.status).toBe(403);
      expect((await create(menen, { location: { postcode: '8930' } })).status).toBe(201);
    });

    it('refuses staff routes without a token and admin routes to agents', async () => {
      expect((await t.http().get('/api/v1/tickets')).status).toBe(401);
      expect(
        (await t.http().get('/api/v1/tickets').set('Authorization', 'Bearer forged.token.value')).status,
      ).toBe(401);
      expect((await t.http().get('/api/v1/users').set('Authorization', `Bearer ${menen}`)).status).toBe(403);
    });
  });
});
