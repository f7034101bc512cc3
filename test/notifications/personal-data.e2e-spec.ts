import { randomBytes, randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

/** The GDPR export and erasure reach what notifications hold: addresses, comments, links. */
describe('Notifications in the GDPR export and erasure', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token();
  });
  afterAll(() => t.close());

  it('exports the mails and feedback of a reporter, and erasure removes their personal data', async () => {
    const email = `burger.${randomBytes(4).toString('hex')}@example.be`;
    const ticket = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(ticketBody({ reporter: { email, consent: true } }));
    const id = ticket.body.id;
    await t.sql(
      `INSERT INTO notification (id, ticket_id, municipality_code, kind, event_id, language, recipient, status, last_error)
       VALUES ($1, $2, 'kortrijk', 'acknowledgement', 1, 'nl', $3, 'failed', $4)`,
      [randomUUID(), id, email, `550 mailbox ${email} unavailable`],
    );
    await t.sql(
      `INSERT INTO feedback (event_id, ticket_id, municipality_code, score, comment, given_at) VALUES (1, $1, 'kortrijk', 4, 'Snel geholpen, An', now())`,
      [id],
    );
    await t.sql(
      `INSERT INTO citizen_access_token (token_hash, ticket_id, municipality_code, expires_at) VALUES ($1, $2, 'kortrijk', now() + interval '1 year')`,
      [randomBytes(32).toString('hex'), id],
    );

    const exported = await t
      .http()
      .get(`/api/v1/gdpr/export?email=${encodeURIComponent(email)}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('Snel geholpen, An');
    expect(
      exported.body.notifications ?? exported.body.sections?.notifications ?? exported.body,
    ).toBeDefined();
    expect(JSON.stringify(exported.body)).toContain('550 mailbox');

    const erased = await t
      .http()
      .post('/api/v1/gdpr/erasure')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email });
    expect(erased.status).toBeLessThan(300);
    const [mail] = await t.sql<{ recipient: string | null; last_error: string | null; kind: string }>(
      'SELECT recipient, last_error, kind FROM notification WHERE ticket_id = $1',
      [id],
    );
    expect(mail).toEqual({ recipient: null, last_error: null, kind: 'acknowledgement' });
    const [feedback] = await t.sql<{ comment: string | null; score: number }>(
      'SELECT comment, score FROM feedback WHERE ticket_id = $1',
      [id],
    );
    expect(feedback).toEqual({ comment: null, score: 4 });
    expect(await t.sql('SELECT 1 FROM citizen_access_token WHERE ticket_id = $1', [id])).toEqual([]);
  });
});
