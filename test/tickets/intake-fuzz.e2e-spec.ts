import fc from 'fast-check';
import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

/**
 * Random JSON thrown at the intake: the answer is always one of 201/400/409/422 (403 cannot
 * happen for the admin), never a 500, and every ticket that exists has its history and outbox row.
 */
describe('Intake under random input (property-based)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token();
  });
  afterAll(() => t.close());

  const valid = ticketBody();
  const fieldValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      'report',
      'question',
      'complaint',
      'phone',
      'web',
      'public-lighting',
      'kortrijk',
      '8500',
      'P1',
      '',
    ),
    fc.string({ maxLength: 50 }),
    fc.double(),
  );
  const mutatedBody = fc
    .record({
      drop: fc.subarray(Object.keys(valid)),
      set: fc.dictionary(
        fc.constantFrom(...Object.keys(valid), 'subject', 'priority', 'urgent', 'municipalityCode', 'x'),
        fieldValue,
        {
          maxKeys: 3,
        },
      ),
      nested: fc.dictionary(
        fc.constantFrom('email', 'phone', 'consent', 'language', 'name', 'postcode', 'lat', 'lon'),
        fieldValue,
        {
          maxKeys: 3,
        },
      ),
    })
    .map(({ drop, set, nested }) => {
      const body: Record<string, unknown> = { ...valid, ...set };
      for (const key of drop) delete body[key];
      if (typeof body.reporter === 'object' && body.reporter !== null && !Array.isArray(body.reporter)) {
        body.reporter = { ...body.reporter, ...nested };
      }
      return body;
    });
  // The valid body itself among them: a random mutation is valid only about 1 time in 100, so
  // without it a run of 300 could see no 201 at all (it happened) and prove nothing about creation.
  const anything = fc.oneof(mutatedBody, fc.constant(valid), fc.jsonValue({ maxDepth: 3 }));

  it('answers only 201/400/409/422 and never leaves a half-written ticket', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        anything,
        fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
        async (body, key) => {
          const req = t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${token}`);
          if (key) req.set('Idempotency-Key', key);
          const res = await req.set('Content-Type', 'application/json').send(JSON.stringify(body));
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          expect([201, 400, 409, 422]).toContain(res.status);
          if (res.status >= 400) {
            expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.get(201)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
    const orphans = await t.sql(`
      SELECT t.id FROM ticket t
      WHERE NOT EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'created')
         OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.aggregate_id = t.id AND o.type = 'ticket.created')`);
    expect(orphans).toEqual([]);
  });
});
