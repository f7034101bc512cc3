import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

describe('SLA: policies, preview, calendars and ticket clocks', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
  });
  afterAll(() => t.close());

  const auth = () => ({ Authorization: `Bearer ${admin}` });

  it('seeds the default policies', async () => {
    const res = await t.http().get('/api/v1/sla/policies').set(auth());
    expect(res.status).toBe(200);
    const p1 = res.body.find((p: { priority: string | null }) => p.priority === 'P1');
    expect(p1).toMatchObject({
      responseTarget: { value: 2, unit: 'hours' },
      resolutionTarget: { value: 24, unit: 'hours' },
      warnAtPercent: 75,
    });
    expect(res.body.find((p: { kind?: string }) => p.kind === 'complaint').resolutionTarget).toEqual({
      value: 720,
      unit: 'hours',
    });
  });

  it('previews the worked example: a report on Friday 16:55 before Easter 2027', async () => {
    const res = await t.http().post('/api/v1/sla/preview').set(auth()).send({
      municipalityCode: 'kortrijk',
      categoryCode: 'public-lighting',
      receivedAt: '2027-03-26T16:55:00+01:00',
    });
    expect(res.status).toBe(200);
    // Day of receipt does not count; Easter Monday is a holiday: day 1 is Tuesday 30 March, 17:00 CEST.
    expect(res.body.responseDueAt).toBe('2027-03-30T15:00:00.000Z');
    // Ten open days: 30, 31 Mar, 1, 2, 5 ... 9, 12 Apr (Kortrijk stays open until 19:00 on Mondays).
    expect(res.body.resolutionDueAt).toBe('2027-04-12T17:00:00.000Z');
  });

  it('previews a P1 at 23:00 on a Sunday: around the clock', async () => {
    const res = await t.http().post('/api/v1/sla/preview').set(auth()).send({
      municipalityCode: 'menen',
      categoryCode: 'roads-pavements',
      priority: 'P1',
      receivedAt: '2027-05-16T23:00:00+02:00',
    });
    expect(res.body).toMatchObject({
      responseDueAt: '2027-05-16T23:00:00.000Z',
      resolutionDueAt: '2027-05-17T21:00:00.000Z',
    });
  });

  it('answers preview errors with the field named', async () => {
    const res = await t
      .http()
      .post('/api/v1/sla/preview')
      .set(auth())
      .send({ municipalityCode: 'gent', categoryCode: 'x-y', receivedAt: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['receivedAt']);
    const unknown = await t
      .http()
      .post('/api/v1/sla/preview')
      .set(auth())
      .send({ municipalityCode: 'gent', categoryCode: 'animals', receivedAt: '2027-01-04T10:00:00+01:00' });
    expect(unknown.body.errors[0].field).toBe('municipalityCode');
  });

  it('creates, refuses duplicate matchers and updates a policy; admins only', async () => {
    const body = {
      municipalityCode: 'avelgem',
      categoryCode: 'animals',
      priority: null,
      responseTarget: { value: 4, unit: 'business_hours' },
      resolutionTarget: { value: 3, unit: 'business_days' },
    };
    const empty = await t.http().post('/api/v1/sla/policies').set(auth()).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['responseTarget', 'resolutionTarget']),
    );
    const created = await t.http().post('/api/v1/sla/policies').set(auth()).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, warnAtPercent: 75, kind: null });
    expect((await t.http().post('/api/v1/sla/policies').set(auth()).send(body)).status).toBe(409);
    const updated = await t
      .http()
      .put(`/api/v1/sla/policies/${created.body.id}`)
      .set(auth())
      .send({ ...body, warnAtPercent: 80 });
    expect(updated.body.warnAtPercent).toBe(80);
    const fractional = await t
      .http()
      .post('/api/v1/sla/policies')
      .set(auth())
      .send({ ...body, categoryCode: 'parking', resolutionTarget: { value: 1.5, unit: 'business_days' } });
    expect(fractional.status).toBe(400);
    const agent = await t.token({ roles: ['regional_agent'] });
    expect(
      (await t.http().post('/api/v1/sla/policies').set('Authorization', `Bearer ${agent}`).send(body)).status,
    ).toBe(403);
  });

  it('gives every new ticket its deadlines, as the preview announces', async () => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'harelbeke' }));
    const preview = await t.http().post('/api/v1/sla/preview').set(auth()).send({
      municipalityCode: 'harelbeke',
      categoryCode: 'public-lighting',
      kind: 'report',
      priority: 'P3',
      receivedAt: res.body.createdAt,
    });
    expect(res.body.sla).toMatchObject({
      responseDueAt: preview.body.responseDueAt,
      resolutionDueAt: preview.body.resolutionDueAt,
      paused: false,
      respondedAt: null,
    });
  });

  it('moves the deadlines to the 24/7 track when an agent raises a ticket to P1', async () => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'menen' }));
    const created = new Date(res.body.createdAt).getTime();
    const raised = await t
      .http()
      .patch(`/api/v1/tickets/${res.body.id}`)
      .set(auth())
      .send({ priority: 'P1' });
    expect(raised.status).toBe(200);
    expect(new Date(raised.body.sla.responseDueAt).getTime() - created).toBe(2 * 3600_000);
    expect(new Date(raised.body.sla.resolutionDueAt).getTime() - created).toBe(24 * 3600_000);
    const [row] = await t.sql<{ sla_policy: { id: string } }>('SELECT sla_policy FROM ticket WHERE id = $1', [
      res.body.id,
    ]);
    expect(row.sla_policy.id).toBe('5a1a0000-0000-4000-8000-000000000004');
  });

  it('pauses both clocks while waiting for the citizen and resumes with the time that was left', async () => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth())
      .send(ticketBody({ municipalityCode: 'deerlijk' }));
    const id = res.body.id;
    await t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth()).send({ to: 'in_progress' });
    const waiting = await t
      .http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(auth())
      .send({ to: 'waiting_for_citizen', message: 'Welk huisnummer?' });
    expect(waiting.body.sla.paused).toBe(true);
    const [row] = await t.sql<{ resolution_remaining_ms: string; sla_version: number }>(
      'SELECT resolution_remaining_ms, sla_version FROM ticket WHERE id = $1',
      [id],
    );
    expect(Number(row.resolution_remaining_ms)).toBeGreaterThan(0);
    // Three days pass while the citizen thinks.
    await t.sql(`UPDATE ticket SET sla_paused_at = sla_paused_at - interval '3 days' WHERE id = $1`, [id]);
    const resumed = await t
      .http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(auth())
      .send({ to: 'in_progress' });
    expect(resumed.body.sla.paused).toBe(false);
    expect(new Date(resumed.body.sla.resolutionDueAt).getTime()).toBeGreaterThanOrEqual(
      new Date(res.body.sla.resolutionDueAt).getTime(),
    );
    const [after] = await t.sql<{ resolution_remaining_ms: string | null; sla_version: number }>(
      'SELECT resolution_remaining_ms, sla_version FROM ticket WHERE id = $1',
      [id],
    );
    expect(after).toEqual({ resolution_remaining_ms: null, sla_version: row.sla_version + 1 });
  });

  it('returns the open intervals of a municipality, without public holidays', async () => {
    const res = await t
      .http()
      .get(
        '/api/v1/municipalities/kortrijk/calendar?from=2027-03-29T00:00:00%2B02:00&to=2027-03-31T00:00:00%2B02:00',
      );
    expect(res.status).toBe(200);
    // Easter Monday is closed; Tuesday has two intervals.
    expect(res.body).toEqual({
      timezone: 'Europe/Brussels',
      intervals: [
        { start: '2027-03-30T06:30:00.000Z', end: '2027-03-30T10:00:00.000Z' },
        { start: '2027-03-30T11:30:00.000Z', end: '2027-03-30T15:00:00.000Z' },
      ],
    });
    expect(
      (await t.http().get('/api/v1/municipalities/kortrijk/calendar?from=nope&to=2027-03-31T00:00:00Z'))
        .status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .get('/api/v1/municipalities/atlantis/calendar?from=2027-03-29T00:00:00Z&to=2027-03-31T00:00:00Z')
      ).status,
    ).toBe(404);
  });

  it('lets an admin change opening hours, validated, and the calendar follows', async () => {
    const weekly = {
      mon: [['09:00', '12:00']],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [['10:00', '12:00']],
      sun: [],
    };
    const bad = await t
      .http()
      .put('/api/v1/municipalities/kuurne/opening-hours')
      .set(auth())
      .send({ weekly: { ...weekly, mon: [['12:00', '09:00']] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('weekly');
    const never = await t
      .http()
      .put('/api/v1/municipalities/kuurne/opening-hours')
      .set(auth())
      .send({ weekly: Object.fromEntries(Object.keys(weekly).map((d) => [d, []])) });
    expect(never.status).toBe(400);
    expect(never.body.errors[0]).toMatchObject({ field: 'weekly', rule: 'hasOpeningTime' });
    const missing = await t
      .http()
      .put('/api/v1/municipalities/kuurne/opening-hours')
      .set(auth())
      .send({ weekly: { mon: [] } });
    expect(missing.status).toBe(400);
    const ok = await t
      .http()
      .put('/api/v1/municipalities/kuurne/opening-hours')
      .set(auth())
      .send({ weekly, closedDates: ['2027-05-03'] });
    expect(ok.status).toBe(200);
    const calendar = await t
      .http()
      .get(
        '/api/v1/municipalities/kuurne/calendar?from=2027-05-01T00:00:00%2B02:00&to=2027-05-11T00:00:00%2B02:00',
      );
    // 1 May is Labour Day and 3 May a closing day: the first open interval is Saturday 8 May.
    expect(calendar.body.intervals.map((i: { start: string }) => i.start)).toEqual([
      '2027-05-08T08:00:00.000Z',
      '2027-05-10T07:00:00.000Z',
    ]);
  });

  it('reports compliance per municipality and category', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await t
            .http()
            .post('/api/v1/tickets')
            .set(auth())
            .send(ticketBody({ municipalityCode: 'wevelgem', categoryCode: 'parking' }))
        ).body.id,
      );
    await t
      .http()
      .post(`/api/v1/tickets/${ids[0]}/messages`)
      .set(auth())
      .send({ visibility: 'public', body: 'We kijken ernaar.' });
    await t.sql('UPDATE ticket SET response_breached = true WHERE id = $1', [ids[1]]);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const res = await t
      .http()
      .get(
        `/api/v1/reports/sla?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&municipality=wevelgem`,
      )
      .set(auth());
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        municipalityCode: 'wevelgem',
        categoryCode: 'parking',
        tickets: 3,
        response: { met: 1, breached: 1, open: 1, complianceRate: 0.5 },
        resolution: { met: 0, breached: 0, open: 3, complianceRate: null },
      },
    ]);
    const menen = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    const scoped = await t
      .http()
      .get(`/api/v1/reports/sla?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      .set('Authorization', `Bearer ${menen}`);
    expect(scoped.body.every((r: { municipalityCode: string }) => r.municipalityCode === 'menen')).toBe(true);
  });
});
