import { randomUUID } from 'node:crypto';
import { RequestContext } from '@meldpunt/identity';
import { CitizenTicketService } from '@meldpunt/tickets';
import { CitizenAccessTokens } from '../../libs/notifications/src/citizen-access-tokens';
import { NotificationRecords } from '../../libs/notifications/src/notification-records';
import { startTestApp, type TestApp } from '../support/test-app';
import { staff } from './notification-test-kit';

/**
 * The batched statements of the mail pipeline (a job's events, deliveries side by side) on the real
 * PostgreSQL: each request gets the answer it would have had alone, and one bad item spoils none of
 * the others.
 */
describe('Batched notification records', () => {
  let t: TestApp;
  let records: NotificationRecords;
  let tokens: CitizenAccessTokens;
  let ticketId: string;
  const ctx = RequestContext.system('notifications');

  beforeAll(async () => {
    t = await startTestApp();
    records = t.app.get(NotificationRecords);
    tokens = t.app.get(CitizenAccessTokens);
    // No consent: nothing in the app opens a notification for this ticket by itself.
    ticketId = (await staff(t, await t.token()).createTicket({}, { consent: false })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const key = (eventId: string) =>
    ({ ticketId, eventId, kind: 'acknowledgement', municipalityCode: 'kortrijk' }) as const;

  it('opens rows once per key, in the order asked, also when some exist already', async () => {
    const [existing] = await records.openMany([key('900001')]);
    const rows = await records.openMany([key('900002'), key('900001'), key('900003')]);

    expect(rows.map((r) => r.eventId)).toEqual(['900002', '900001', '900003']);
    expect(rows[1].id).toBe(existing.id);
    const [{ n }] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM notification WHERE ticket_id = $1 AND event_id IN (900001, 900002, 900003)`,
      [ticketId],
    );
    expect(Number(n)).toBe(3);
  });

  it('claims an e-mail asked for twice in one batch once, with the first request’s link', async () => {
    const [a, b] = await records.openMany([key('900011'), key('900012')]);
    const first = tokens.mint();
    const second = tokens.mint();

    const answers = await records.claimMany(
      [
        { id: a.id, link: first },
        { id: a.id, link: second },
        { id: b.id, link: tokens.mint() },
        { id: randomUUID(), link: tokens.mint() },
      ],
      60_000,
    );

    expect(answers.map((x) => (typeof x === 'string' ? x : x.id))).toEqual([a.id, 'busy', b.id, 'settled']);
    const stored = await t.sql<{ token_hash: string }>(
      'SELECT token_hash FROM citizen_access_token WHERE notification_id = $1',
      [a.id],
    );
    expect(stored.map((s) => s.token_hash)).toEqual([first.tokenHash]);
    expect(await records.claim(a.id, 60_000)).toBe('busy');
  });

  it('records several outcomes in one statement and ends their leases', async () => {
    const [a, b] = await records.openMany([key('900021'), key('900022')]);
    await records.claimMany([{ id: a.id }, { id: b.id }], 60_000);

    await records.recordMany([
      {
        id: a.id,
        outcome: {
          status: 'sent',
          attempts: 1,
          language: 'nl',
          recipient: 'x@example.org',
          messageId: '<m1@meldpunt>',
        },
      },
      {
        id: b.id,
        outcome: {
          status: 'retrying',
          attempts: 1,
          language: 'fr',
          recipient: 'y@example.org',
          error: '421 busy',
        },
      },
    ]);

    const rows = await t.sql<Record<string, unknown>>(
      `SELECT status, attempts, language, message_id, last_error, sending_until, sent_at IS NOT NULL AS sent
         FROM notification WHERE id = ANY($1::uuid[]) ORDER BY event_id`,
      [[a.id, b.id]],
    );
    expect(rows).toEqual([
      {
        status: 'sent',
        attempts: 1,
        language: 'nl',
        message_id: '<m1@meldpunt>',
        last_error: null,
        sending_until: null,
        sent: true,
      },
      {
        status: 'retrying',
        attempts: 1,
        language: 'fr',
        message_id: null,
        last_error: '421 busy',
        sending_until: null,
        sent: false,
      },
    ]);
  });

  it('writes the history of several outcomes, and a gone ticket fails only its own item', async () => {
    const citizenTickets = t.app.get(CitizenTicketService);
    const outcome = (notificationId: string) =>
      ({ notificationId, kind: 'acknowledgement', status: 'sent', attempts: 1 }) as const;
    const gone = randomUUID();

    const errors = await citizenTickets.recordNotificationOutcomes(ctx, [
      { ticketId, outcome: outcome('n1') },
      { ticketId: gone, outcome: outcome('n2') },
      { ticketId, outcome: outcome('n3') },
    ]);

    expect(errors.map((e) => e?.message ?? null)).toEqual([null, expect.stringContaining(gone), null]);
    const sent = await t.sql<{ id: string }>(
      `SELECT data->>'notificationId' AS id FROM ticket_event WHERE ticket_id = $1 AND type = 'notification_sent' ORDER BY id`,
      [ticketId],
    );
    expect(sent.map((s) => s.id)).toEqual(['n1', 'n3']);
  });
});
