import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, type TestApp } from '../support/test-app';

const names = (nl: string) => ({ nl, fr: `${nl} (fr)`, en: `${nl} (en)` });

describe('Categories per municipality: turned off, renamed, added, mapped to the back-office', () => {
  let t: TestApp;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
    supervisor = await t.token({ roles: ['supervisor'], municipalities: ['kortrijk'] });
  });
  afterAll(() => t.close());

  const choose = (token: string, municipality: string, code: string, body: Record<string, unknown>) =>
    t
      .http()
      .put(`/api/v1/municipalities/${municipality}/category-settings/${code}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  const offered = async (municipality: string) =>
    (await t.http().get(`/api/v1/municipalities/${municipality}/categories`)).body as {
      code: string;
      name: { nl: string };
      origin: string;
    }[];
  const file = (body: Record<string, unknown>) =>
    t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${admin}`).send(ticketBody(body));

  it('a category turned off is not offered there, and a ticket in it is refused with the field and the rule', async () => {
    const before = await offered('kortrijk');
    expect(before.map((c) => c.code)).toContain('green-maintenance');
    const off = await choose(supervisor, 'kortrijk', 'green-maintenance', { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ code: 'green-maintenance', enabled: false, origin: 'regional' });

    expect((await offered('kortrijk')).map((c) => c.code)).not.toContain('green-maintenance');
    // Only Kortrijk: Menen still offers it, and the regional list is unchanged.
    expect((await offered('menen')).map((c) => c.code)).toContain('green-maintenance');
    const regional = await t.http().get('/api/v1/categories');
    expect(regional.body.map((c: { code: string }) => c.code)).toContain('green-maintenance');

    const refused = await file({ categoryCode: 'green-maintenance', municipalityCode: 'kortrijk' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'categoryCode', rule: 'isOfferedByMunicipality' }),
    ]);
    expect((await t.sql(`SELECT 1 FROM ticket WHERE category_code = 'green-maintenance'`)).length).toBe(0);
    const menen = await file({ categoryCode: 'green-maintenance', municipalityCode: 'menen', location: {} });
    expect(menen.status).toBe(201);

    // A ticket of Kortrijk cannot be moved into it either.
    const lighting = await file({ municipalityCode: 'kortrijk' });
    const moved = await t
      .http()
      .patch(`/api/v1/tickets/${lighting.body.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ categoryCode: 'green-maintenance' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0]).toMatchObject({ field: 'categoryCode', rule: 'isOfferedByMunicipality' });

    // Reset: back to the regional default.
    const reset = await t
      .http()
      .delete('/api/v1/municipalities/kortrijk/category-settings/green-maintenance')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(reset.status).toBe(204);
    expect((await offered('kortrijk')).map((c) => c.code)).toContain('green-maintenance');
  });

  it('a renamed category carries the municipality’s name where citizens and agents read it', async () => {
    const renamed = await choose(admin, 'kortrijk', 'public-lighting', { name: names('Straatlampen') });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: names('Straatlampen'),
      regionalName: expect.objectContaining({ nl: 'Openbare verlichting' }),
    });
    expect((await offered('kortrijk')).find((c) => c.code === 'public-lighting')?.name.nl).toBe(
      'Straatlampen',
    );
    expect((await offered('menen')).find((c) => c.code === 'public-lighting')?.name.nl).toBe(
      'Openbare verlichting',
    );
    // Open311 services of the jurisdiction, and a standard answer's {category}, use the new name.
    const services = await t.http().get('/open311/v2/services.json?jurisdiction_id=kortrijk');
    expect(
      services.body.find((s: { service_code: string }) => s.service_code === 'public-lighting'),
    ).toMatchObject({
      service_name: 'Straatlampen',
    });
    await t
      .http()
      .post('/api/v1/standard-answers')
      .set('Authorization', `Bearer ${admin}`)
      .send({ municipalityCode: 'kortrijk', title: 'Cat', body: names('Over {category}') });
    const ticket = await file({ municipalityCode: 'kortrijk' });
    const answers = await t
      .http()
      .get(`/api/v1/tickets/${ticket.body.id}/standard-answers?lang=nl`)
      .set('Authorization', `Bearer ${admin}`);
    expect(answers.body.find((a: { title: string }) => a.title === 'Cat').text).toBe('Over Straatlampen');

    // A name of null gives back the regional names.
    const restored = await choose(admin, 'kortrijk', 'public-lighting', { name: null });
    expect(restored.body).toMatchObject({
      name: expect.objectContaining({ nl: 'Openbare verlichting' }),
      regionalName: null,
    });
    // The region decides kinds and priority of its own categories.
    const kinds = await choose(admin, 'kortrijk', 'public-lighting', {
      kinds: ['question'],
      defaultPriority: 'P1',
    });
    expect(kinds.status).toBe(400);
    expect(kinds.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'kinds:isOwnCategory',
      'defaultPriority:isOwnCategory',
    ]);
  });

  it('a municipality adds its own category, mapped to its back-office, offered only there', async () => {
    const added = await choose(supervisor, 'kortrijk', 'parking-permits', {
      name: names('Parkeerkaarten'),
      kinds: ['question'],
      defaultPriority: 'P4',
      backOffice: { category: 'Mobiliteit', subcategory: 'Parkeerkaarten' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      code: 'parking-permits',
      origin: 'local',
      enabled: true,
      kinds: ['question'],
      defaultPriority: 'P4',
      backOffice: { category: 'Mobiliteit', subcategory: 'Parkeerkaarten' },
    });
    // The mapping is the connection's categoryMap entry: the sync files the case under it.
    const connection = await t
      .http()
      .get('/api/v1/municipalities/kortrijk/back-office')
      .set('Authorization', `Bearer ${admin}`);
    expect(connection.body.categoryMap['parking-permits']).toEqual({
      category: 'Mobiliteit',
      subcategory: 'Parkeerkaarten',
    });
    expect(await offered('kortrijk')).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'parking-permits', origin: 'local' })]),
    );
    expect((await offered('menen')).map((c) => c.code)).not.toContain('parking-permits');
    // The municipality's own web form offers it; another's does not.
    expect((await t.http().get('/melden?gemeente=kortrijk')).text).toContain('value="parking-permits"');
    expect((await t.http().get('/melden?gemeente=menen')).text).not.toContain('value="parking-permits"');
    expect(
      (await t.http().get('/api/v1/categories')).body.map((c: { code: string }) => c.code),
    ).not.toContain('parking-permits');

    const ticket = await file({
      kind: 'question',
      categoryCode: 'parking-permits',
      municipalityCode: 'kortrijk',
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ categoryCode: 'parking-permits', priority: 'P4' });
    const elsewhere = await file({
      kind: 'question',
      categoryCode: 'parking-permits',
      municipalityCode: 'menen',
      location: {},
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors[0]).toMatchObject({
      field: 'categoryCode',
      rule: 'isOfferedByMunicipality',
    });

    // Menen cannot take the code; Kortrijk cannot remove a category its tickets use, only turn it off.
    const taken = await choose(admin, 'menen', 'parking-permits', { name: names('P'), kinds: ['question'] });
    expect(taken.status).toBe(409);
    const remove = await t
      .http()
      .delete('/api/v1/municipalities/kortrijk/category-settings/parking-permits')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(remove.status).toBe(409);
    const off = await choose(supervisor, 'kortrijk', 'parking-permits', { enabled: false, backOffice: null });
    expect(off.body).toMatchObject({ enabled: false, backOffice: null });
    const settings = await t
      .http()
      .get('/api/v1/municipalities/kortrijk/category-settings')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(settings.body.find((c: { code: string }) => c.code === 'parking-permits')).toMatchObject({
      enabled: false,
    });
    expect((await offered('kortrijk')).map((c) => c.code)).not.toContain('parking-permits');

    // One nobody uses can be removed, mapping and all.
    await choose(supervisor, 'kortrijk', 'bike-sheds', {
      name: names('Fietsenstallingen'),
      kinds: ['report'],
      backOffice: { category: 'Mobiliteit' },
    });
    const gone = await t
      .http()
      .delete('/api/v1/municipalities/kortrijk/category-settings/bike-sheds')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(gone.status).toBe(204);
    expect((await t.sql(`SELECT 1 FROM category WHERE code = 'bike-sheds'`)).length).toBe(0);
    const map = await t.sql<{ m: Record<string, unknown> }>(
      `SELECT back_office->'categoryMap' AS m FROM municipality WHERE code = 'kortrijk'`,
    );
    expect(map[0].m).not.toHaveProperty('bike-sheds');
  });

  it('refuses bad input with the field and the rule, and keeps each supervisor to their municipalities', async () => {
    const badCode = await choose(admin, 'kortrijk', 'Parking_Permits', {
      name: names('x'),
      kinds: ['report'],
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0]).toMatchObject({ field: 'categoryCode', rule: 'isCategoryCode' });
    const missing = await choose(admin, 'kortrijk', 'new-thing', {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'kinds']);
    const badKinds = await choose(admin, 'kortrijk', 'new-thing', { name: names('x'), kinds: ['wish'] });
    expect(badKinds.status).toBe(400);
    expect(badKinds.body.errors[0].field).toBe('kinds');
    const badMap = await choose(admin, 'kortrijk', 'public-lighting', { backOffice: { category: 7 } });
    expect(badMap.status).toBe(400);
    expect(badMap.body.errors[0]).toMatchObject({ field: 'backOffice.category', rule: 'isString' });
    const badName = await choose(admin, 'kortrijk', 'public-lighting', { name: { nl: 'x' } });
    expect(badName.status).toBe(400);
    expect(new Set(badName.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['name.fr', 'name.en']),
    );

    expect((await choose(supervisor, 'menen', 'public-lighting', { enabled: false })).status).toBe(403);
    const agent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect((await choose(agent, 'kortrijk', 'public-lighting', { enabled: false })).status).toBe(403);
    expect((await t.http().get('/api/v1/municipalities/kortrijk/category-settings')).status).toBe(401);
    expect((await choose(admin, 'nowhere', 'public-lighting', { enabled: false })).status).toBe(404);
    expect((await t.http().get('/api/v1/municipalities/nowhere/categories')).status).toBe(404);
    // Nothing of it changed anything.
    expect((await offered('kortrijk')).find((c) => c.code === 'public-lighting')).toBeDefined();
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE action LIKE 'category.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['category.add', 'category.configure', 'category.reset']),
    );
  });
});
