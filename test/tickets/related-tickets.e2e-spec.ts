import { startTestApp, type TestApp } from '../support/test-app';

/** Metres east of a point near Kortrijk, in degrees of longitude. */
const east = (metres: number) => metres / (111195 * Math.cos((50.8279 * Math.PI) / 180));

describe('Related tickets: possible duplicates nearby and the reporter’s other open tickets', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    auth = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  const report = async (body: Record<string, unknown>) => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth)
      .send({
        kind: 'report',
        channel: 'phone',
        categoryCode: 'public-lighting',
        description: 'Lamp stuk',
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string };
  };
  const at = (metres: number) => ({ location: { lat: 50.8279, lon: 3.2649 + east(metres) } });

  it('lists open reports of the same category within 250 m, nearest first, and the reporter’s open tickets', async () => {
    const here = await report({ ...at(0), reporter: { name: 'An', email: 'an.related@example.be' } });
    const near = await report(at(120));
    const nearer = await report(at(40));
    const far = await report(at(400));
    const otherCategory = await report({ ...at(10), categoryCode: 'litter-dumping' });
    const closed = await report(at(20));
    for (const to of ['in_progress', 'resolved', 'closed']) {
      await t.http().post(`/api/v1/tickets/${closed.id}/transitions`).set(auth).send({ to });
    }
    const sameCaller = await report({
      categoryCode: 'parking',
      municipalityCode: 'menen',
      location: { postcode: '8930' },
      reporter: { email: 'an.related@example.be' },
    });

    const res = await t.http().get(`/api/v1/tickets/${here.reference}/related`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.nearby.map((r: { reference: string }) => r.reference)).toEqual([
      nearer.reference,
      near.reference,
    ]);
    expect(res.body.nearby[0].distanceMetres).toBeGreaterThanOrEqual(35);
    expect(res.body.nearby[0].distanceMetres).toBeLessThanOrEqual(45);
    const listed = JSON.stringify(res.body);
    for (const left of [far, otherCategory, closed]) expect(listed).not.toContain(left.reference);
    expect(res.body.sameReporter.map((r: { reference: string }) => r.reference)).toEqual([
      sameCaller.reference,
    ]);

    // A Kortrijk agent does not see the caller's Menen ticket.
    const kortrijk = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const scoped = await t
      .http()
      .get(`/api/v1/tickets/${here.id}/related`)
      .set('Authorization', `Bearer ${kortrijk}`);
    expect(scoped.body.sameReporter).toEqual([]);
    expect(scoped.body.nearby).toHaveLength(2);
  });
});
