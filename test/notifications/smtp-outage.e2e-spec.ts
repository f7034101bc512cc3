import { Queue } from 'bullmq';
import { MAIL_DELIVERY_JOB, MAIL_DELIVERY_QUEUE, NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import type { OutboxMessage } from '@meldpunt/outbox';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import {
  notificationsSettled,
  notificationStatuses,
  reporterEmail,
  staff,
  startMailTestApp,
  ticketsWithReporters,
} from './notification-test-kit';

describe('E-mail delivery when the SMTP server fails', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let agent: ReturnType<typeof staff>;

  beforeAll(async () => {
    // Take a free port, then leave it closed: the server is down when the tickets arrive.
    await smtp.start(0);
    await smtp.stop();
    t = await startMailTestApp(smtp.url, { MAIL_ATTEMPTS: '8' });
    agent = staff(t, await t.token());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const statuses = (ids: string[]) => notificationStatuses(t, ids);

  it('retries while the server is down, then delivers every e-mail exactly once', async () => {
    const { emails, ids } = await ticketsWithReporters(agent, 5);
    await waitFor(
      async () => (await statuses(ids)).filter((s) => s === 'retrying').length === 5,
      10_000,
      'all retrying',
    );
    const failed = (await agent.history(ids[0])).find((e) => e.type === 'notification_failed');
    expect(failed?.data).toMatchObject({ kind: 'acknowledgement', status: 'retrying' });
    expect(String(failed?.data.error)).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    await waitFor(() => emails.every((e) => smtp.to(e).length === 1), 15_000, 'every e-mail delivered');
    await waitFor(async () => (await statuses(ids)).every((s) => s === 'sent'), 5000, 'all sent');

    // A delivery job that runs again after the success (a duplicate, a stalled job) sends nothing,
    // and neither does the same ticket event delivered a second time (the outbox is at least once).
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    const deliveries = new Queue(MAIL_DELIVERY_QUEUE, { connection, prefix: t.redisPrefix });
    const events = new Queue(NOTIFICATION_EVENTS_QUEUE, { connection, prefix: t.redisPrefix });
    const [row] = await t.sql<{ id: string }>('SELECT id FROM notification WHERE ticket_id = $1', [ids[0]]);
    await deliveries.add(MAIL_DELIVERY_JOB, { notificationId: row.id }, { jobId: 'duplicate-after-success' });
    const [created] = await t.sql<OutboxMessage & { payload: Record<string, unknown> }>(
      `SELECT id::text AS "eventId", type, aggregate_id AS "aggregateId", municipality_code AS "municipalityCode",
              payload, created_at AS "createdAt" FROM outbox_event WHERE aggregate_id = $1 AND type = 'ticket.created'`,
      [ids[0]],
    );
    await events.add('events', { events: [created] }, { jobId: 'the-same-event-again' });
    await notificationsSettled(t, 15_000);
    expect((await events.getJob('the-same-event-again'))?.returnvalue).toEqual(['acknowledgement: sent']);
    expect((await deliveries.getJob('duplicate-after-success'))?.returnvalue).toBe('settled already');
    await Promise.all([deliveries.close(), events.close()]);

    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
    const history = await agent.history(ids[0]);
    expect(history.filter((e) => e.type === 'notification_sent')).toHaveLength(1);
    expect(history.find((e) => e.type === 'notification_sent')?.data.attempts).toBeGreaterThan(1);
  });

  it('marks a refused address failed at once, shows it to the municipality’s agents, and retries on request', async () => {
    const email = reporterEmail();
    smtp.unknownRecipients.add(email);
    const ticket = await agent.createTicket({}, { email });
    await waitFor(async () => (await statuses([ticket.id]))[0] === 'failed', 10_000, 'failed');

    const kortrijk = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const menen = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    const failures = await t
      .http()
      .get('/api/v1/notifications/failures')
      .set('Authorization', `Bearer ${kortrijk}`);
    expect(failures.status).toBe(200);
    const failure = failures.body.find((f: { ticketId: string }) => f.ticketId === ticket.id);
    expect(failure).toMatchObject({ kind: 'acknowledgement', recipient: email, attempts: 1 });
    expect(failure.lastError).toContain('550');
    const elsewhere = await t
      .http()
      .get('/api/v1/notifications/failures')
      .set('Authorization', `Bearer ${menen}`);
    expect(elsewhere.body.some((f: { ticketId: string }) => f.ticketId === ticket.id)).toBe(false);
    expect(
      (await agent.history(ticket.id)).find((e) => e.type === 'notification_failed')?.data,
    ).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('550'),
    });

    smtp.unknownRecipients.delete(email);
    const hidden = await t
      .http()
      .post(`/api/v1/notifications/failures/${failure.id}/retry`)
      .set('Authorization', `Bearer ${menen}`);
    expect(hidden.status).toBe(404);
    const retry = await t
      .http()
      .post(`/api/v1/notifications/failures/${failure.id}/retry`)
      .set('Authorization', `Bearer ${kortrijk}`);
    expect(retry.status).toBe(202);
    await smtp.waitFor(email);
    await waitFor(async () => (await statuses([ticket.id]))[0] === 'sent', 5000, 'sent after the retry');
  });
});
