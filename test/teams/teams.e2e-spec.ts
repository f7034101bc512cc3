import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, type TestApp } from '../support/test-app';

/** Teams per municipality over the real api and database: kept by admins and supervisors, tickets assigned to them. */
describe('Teams', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newUser = async (roles: string[], municipalities: string[]) => {
    const token = await t.token({ roles, municipalities });
    const me = await t.sql<{ id: string }>('SELECT id FROM staff_user ORDER BY created_at DESC LIMIT 1');
    return { token, id: me[0].id };
  };
  const newTicket = async () =>
    (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(as(admin))
        .send(ticketBody({ municipalityCode: 'kortrijk' }))
    ).body as {
      id: string;
    };
  const rules = (res: { body: { errors?: { field: string; rule: string }[] } }) =>
    (res.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

  it('is kept by admins and the municipality’s supervisors, with members who work for it', async () => {
    const els = await newUser(['municipal_agent'], ['kortrijk']);
    const menenAgent = await newUser(['municipal_agent'], ['menen']);
    const created = await t
      .http()
      .post('/api/v1/municipalities/kortrijk/teams')
      .set(as(admin))
      .send({ name: 'Team wegen', email: 'wegen@kortrijk.be', memberIds: [els.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      municipalityCode: 'kortrijk',
      name: 'Team wegen',
      email: 'wegen@kortrijk.be',
      members: [{ id: els.id, name: 'Test Agent' }],
    });

    const outsider = await t
      .http()
      .post('/api/v1/municipalities/kortrijk/teams')
      .set(as(admin))
      .send({ name: 'Groendienst', memberIds: [menenAgent.id] });
    expect(outsider.status).toBe(400);
    expect(rules(outsider)).toEqual(['memberIds:hasScope']);
    const taken = await t
      .http()
      .post('/api/v1/municipalities/kortrijk/teams')
      .set(as(admin))
      .send({ name: 'team WEGEN' });
    expect(taken.status).toBe(409);
    const noName = await t.http().post('/api/v1/municipalities/kortrijk/teams').set(as(admin)).send({});
    expect(rules(noName)).toContain('name:isNotEmpty');

    // A supervisor of Menen keeps Menen's teams, not Kortrijk's; an agent only reads.
    const menenSupervisor = await newUser(['supervisor'], ['menen']);
    const foreign = await t
      .http()
      .post('/api/v1/municipalities/kortrijk/teams')
      .set(as(menenSupervisor.token))
      .send({ name: 'Overname' });
    expect(foreign.status).toBe(403);
    const own = await t
      .http()
      .post('/api/v1/municipalities/menen/teams')
      .set(as(menenSupervisor.token))
      .send({ name: 'Groendienst Menen', memberIds: [menenAgent.id] });
    expect(own.status).toBe(201);
    expect(
      (
        await t
          .http()
          .put(`/api/v1/teams/${created.body.id}`)
          .set(as(menenSupervisor.token))
          .send({ name: 'X' })
      ).status,
    ).toBe(404);
    expect(
      (await t.http().post('/api/v1/municipalities/kortrijk/teams').set(as(els.token)).send({ name: 'Y' }))
        .status,
    ).toBe(403);
    const listed = await t.http().get('/api/v1/municipalities/kortrijk/teams').set(as(els.token));
    expect(listed.status).toBe(200);
    expect(listed.body.map((team: { name: string }) => team.name)).toEqual(['Team wegen']);
    expect((await t.http().get('/api/v1/municipalities/menen/teams').set(as(els.token))).status).toBe(403);

    const audit = await t.sql<{ action: string }>(
      "SELECT action FROM audit_event WHERE action LIKE 'team.%' ORDER BY at",
    );
    expect(audit.map((a) => a.action)).toEqual(['team.create', 'team.create']);
  });

  it('takes tickets of its municipality: assigned, listed, renamed with the team, cleared when the ticket moves', async () => {
    const team = (
      await t
        .http()
        .post('/api/v1/municipalities/kortrijk/teams')
        .set(as(admin))
        .send({ name: 'Verlichting' })
    ).body as { id: string };
    const menenTeam = (
      await t
        .http()
        .post('/api/v1/municipalities/menen/teams')
        .set(as(admin))
        .send({ name: 'Verlichting Menen' })
    ).body as { id: string };
    const ticket = await newTicket();
    const patch = (body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/tickets/${ticket.id}`).set(as(admin)).send(body);

    const assigned = await patch({ teamId: team.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.team).toEqual({ id: team.id, name: 'Verlichting' });
    const wrong = await patch({ teamId: menenTeam.id });
    expect(wrong.status).toBe(400);
    expect(rules(wrong)).toEqual(['teamId:isTeamOfMunicipality']);
    expect(rules(await patch({ teamId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['teamId:isTeam']);
    expect(rules(await patch({ teamId: 'team wegen' }))).toEqual(['teamId:isUuid']);

    const history = (await t.http().get(`/api/v1/tickets/${ticket.id}/history`).set(as(admin))).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(history.find((e) => e.data.field === 'team')?.data).toEqual({
      field: 'team',
      from: null,
      to: 'Verlichting',
    });

    const other = await newTicket();
    const listed = await t.http().get(`/api/v1/tickets?team=${team.id}`).set(as(admin));
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([ticket.id]);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(other.id);

    await t.http().put(`/api/v1/teams/${team.id}`).set(as(admin)).send({ name: 'Openbare verlichting' });
    expect((await t.http().get(`/api/v1/tickets/${ticket.id}`).set(as(admin))).body.team.name).toBe(
      'Openbare verlichting',
    );

    // An open ticket keeps its team: the team cannot go until the ticket is elsewhere.
    expect((await t.http().delete(`/api/v1/teams/${team.id}`).set(as(admin))).status).toBe(409);
    const moved = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/reroute`)
      .set(as(admin))
      .send({ municipalityCode: 'menen', reason: 'Adres in Menen' });
    expect(moved.body.team).toBeNull();
    expect((await t.http().delete(`/api/v1/teams/${team.id}`).set(as(admin))).status).toBe(204);
    expect((await t.http().get(`/api/v1/teams/${team.id}`).set(as(admin))).status).toBe(404);
  });

  it('routes a category to one team: its new tickets arrive there; no category has two teams', async () => {
    const create = (code: string, body: Record<string, unknown>) =>
      t.http().post(`/api/v1/municipalities/${code}/teams`).set(as(admin)).send(body);
    const lighting = await create('wervik', { name: 'Verlichting', categoryCodes: ['public-lighting'] });
    expect(lighting.status).toBe(201);
    expect(lighting.body.categoryCodes).toEqual(['public-lighting']);
    const intake = async (body: Record<string, unknown>) =>
      (await t.http().post('/api/v1/tickets').set(as(admin)).send(ticketBody(body))).body as {
        team: { id: string; name: string } | null;
      };
    expect((await intake({ municipalityCode: 'wervik' })).team).toEqual({
      id: lighting.body.id,
      name: 'Verlichting',
    });
    // Another category, or the same category in another municipality: no team.
    expect((await intake({ municipalityCode: 'wervik', categoryCode: 'roads-pavements' })).team).toBeNull();
    expect((await intake({ municipalityCode: 'menen' })).team).toBeNull();

    const second = await create('wervik', {
      name: 'Wegen',
      categoryCodes: ['public-lighting', 'roads-pavements'],
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain("category 'public-lighting' goes to team 'Verlichting' already");
    const unknown = await create('wervik', { name: 'Wegen', categoryCodes: ['no-such-thing'] });
    expect(unknown.status).toBe(400);
    expect(rules(unknown)).toEqual(['categoryCodes:isOfferedByMunicipality']);

    // Handed over: the category moves with a PUT; later tickets follow it.
    const roads = await create('wervik', { name: 'Wegen', categoryCodes: ['roads-pavements'] });
    expect(roads.status).toBe(201);
    expect(
      (
        await t
          .http()
          .put(`/api/v1/teams/${lighting.body.id}`)
          .set(as(admin))
          .send({ name: 'Verlichting', categoryCodes: [] })
      ).status,
    ).toBe(200);
    expect(
      (
        await t
          .http()
          .put(`/api/v1/teams/${roads.body.id}`)
          .set(as(admin))
          .send({
            name: 'Wegen',
            categoryCodes: ['roads-pavements', 'public-lighting'],
          })
      ).body.categoryCodes,
    ).toEqual(['public-lighting', 'roads-pavements']);
    expect((await intake({ municipalityCode: 'wervik' })).team?.name).toBe('Wegen');
  });
});
