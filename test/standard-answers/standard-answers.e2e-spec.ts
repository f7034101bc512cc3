import { startTestApp, type TestApp } from '../support/test-app';

const texts = (nl: string) => ({ nl, fr: `${nl} (fr)`, en: `${nl} (en)` });

describe('Standard answers: kept by supervisors, offered on a ticket filled in for it', () => {
  let t: TestApp;
  let admin: string;
  let kortrijkSupervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
    kortrijkSupervisor = await t.token({ roles: ['supervisor'], municipalities: ['kortrijk'] });
  });
  afterAll(() => t.close());

  const post = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/standard-answers').set('Authorization', `Bearer ${token}`).send(body);

  it('offers the answers that fit the ticket, most specific first, with its values in the reporter’s language', async () => {
    expect(
      (await post(admin, { title: 'Algemeen', body: texts('Beste {name}, bedankt voor {reference}.') }))
        .status,
    ).toBe(201);
    expect(
      (
        await post(kortrijkSupervisor, {
          municipalityCode: 'kortrijk',
          categoryCode: 'public-lighting',
          status: 'new',
          title: 'Lamp doorgegeven',
          body: {
            nl: 'De lamp in {address} is doorgegeven.',
            fr: "L'éclairage ({category}) à {municipality} est transmis.",
            en: 'Passed on.',
          },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(kortrijkSupervisor, {
          municipalityCode: 'kortrijk',
          categoryCode: 'parking',
          title: 'Parkeren',
          body: texts('Parkeren'),
        })
      ).status,
    ).toBe(201);

    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        kind: 'report',
        channel: 'phone',
        categoryCode: 'public-lighting',
        description: 'Lamp stuk',
        location: { address: 'Grote Markt 1', postcode: '8500' },
        reporter: { name: 'Anne', language: 'fr' },
      });
    const agent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const offered = await t
      .http()
      .get(`/api/v1/tickets/${created.body.reference}/standard-answers`)
      .set('Authorization', `Bearer ${agent}`);
    expect(offered.status).toBe(200);
    expect(offered.body).toEqual([
      expect.objectContaining({
        title: 'Lamp doorgegeven',
        language: 'fr',
        text: "L'éclairage (Éclairage public) à Ville de Courtrai est transmis.",
      }),
      expect.objectContaining({
        title: 'Algemeen',
        text: `Beste Anne, bedankt voor ${created.body.reference}. (fr)`,
      }),
    ]);
    const dutch = await t
      .http()
      .get(`/api/v1/tickets/${created.body.id}/standard-answers?lang=nl`)
      .set('Authorization', `Bearer ${agent}`);
    expect(dutch.body[0].text).toBe('De lamp in Grote Markt 1 is doorgegeven.');
    // An agent of another municipality does not see the ticket, nor its answers.
    const menen = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    expect(
      (
        await t
          .http()
          .get(`/api/v1/tickets/${created.body.id}/standard-answers`)
          .set('Authorization', `Bearer ${menen}`)
      ).status,
    ).toBe(404);
  });

  it('refuses unknown placeholders and categories with the field and the rule, and keeps scopes', async () => {
    const bad = await post(kortrijkSupervisor, {
      municipalityCode: 'kortrijk',
      categoryCode: 'no-such-category',
      title: 'Fout',
      body: { nl: 'Beste {naam}', fr: 'x', en: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'categoryCode', rule: 'isKnownCategory' }),
        expect.objectContaining({ field: 'body.nl', rule: 'knownPlaceholders' }),
      ]),
    );
    expect((await post(kortrijkSupervisor, { title: 'Regio', body: texts('x') })).status).toBe(403);
    expect(
      (await post(kortrijkSupervisor, { municipalityCode: 'menen', title: 'Menen', body: texts('x') }))
        .status,
    ).toBe(403);
    const agent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect((await post(agent, { municipalityCode: 'kortrijk', title: 'x', body: texts('x') })).status).toBe(
      403,
    );
    expect((await post(kortrijkSupervisor, { municipalityCode: 'kortrijk', title: 'x' })).status).toBe(400);

    const regional = (
      await t.http().get('/api/v1/standard-answers').set('Authorization', `Bearer ${admin}`)
    ).body.find((a: { title: string }) => a.title === 'Algemeen');
    const edit = await t
      .http()
      .put(`/api/v1/standard-answers/${regional.id}`)
      .set('Authorization', `Bearer ${kortrijkSupervisor}`)
      .send({ title: 'Overgenomen', body: texts('x') });
    expect(edit.status).toBe(403);
    const own = (
      await post(kortrijkSupervisor, { municipalityCode: 'kortrijk', title: 'Weg', body: texts('x') })
    ).body;
    const remove = async () =>
      (
        await t
          .http()
          .delete(`/api/v1/standard-answers/${own.id}`)
          .set('Authorization', `Bearer ${kortrijkSupervisor}`)
      ).status;
    expect(await remove()).toBe(204);
    // Gone: a second removal finds nothing.
    expect(await remove()).toBe(404);
  });
});
