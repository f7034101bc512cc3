import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import {
  notificationsSettled,
  notificationStatuses,
  reporterEmail,
  staff,
  startMailTestApp,
  ticketsWithReporters,
} from './notification-test-kit';

/**
 * The worker keeps its SMTP connections open between mails. When the mail server crashes or
 * restarts, those connections are dead: the pool must notice, open new ones once the server is
 * back, and still send every e-mail exactly once.
 */
describe('Pooled SMTP connections when the mail server restarts', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let agent: ReturnType<typeof staff>;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url, { SMTP_MAX_CONNECTIONS: '2', MAIL_ATTEMPTS: '8' });
    agent = staff(t, await t.token());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const statuses = (ids: string[]) => notificationStatuses(t, ids);

  const tickets = (count: number) => ticketsWithReporters(agent, count);

  it('reuses its connections, survives a crash with downtime and a quick restart, and sends each mail once', async () => {
    const before = await tickets(6);
    await waitFor(() => before.emails.every((e) => smtp.to(e).length === 1), 10_000, 'first mails');
    // Six mails over at most two connections: the pool, not one connection per mail.
    expect(smtp.connections).toBeLessThanOrEqual(2);

    // A crash with downtime: the idle pooled connections die, new ones are refused for a while.
    await smtp.drop();
    const during = await tickets(3);
    await waitFor(
      async () => (await statuses(during.ids)).every((s) => s === 'retrying'),
      10_000,
      'retrying while down',
    );
    await smtp.start();
    await waitFor(() => during.emails.every((e) => smtp.to(e).length === 1), 15_000, 'sent once back');

    // A quick restart: the pool holds connections to the old process, which are cut.
    await smtp.drop();
    await smtp.start();
    const after = await tickets(4);
    await waitFor(() => after.emails.every((e) => smtp.to(e).length === 1), 15_000, 'sent after the restart');

    await notificationsSettled(t, 15_000);
    const all = [before, during, after];
    for (const { emails, ids } of all) {
      for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
      expect(await statuses(ids)).toEqual(ids.map(() => 'sent'));
    }
    // The same stable Message-ID per notification, whichever connection carried it.
    const [row] = await t.sql<{ id: string }>('SELECT id FROM notification WHERE ticket_id = $1', [
      during.ids[0],
    ]);
    expect(smtp.to(during.emails[0])[0].parsed.messageId).toBe(`<${row.id}@${t.config.mailFromDomain}>`);
  });

  it('after an unknown outcome (cut after the data, before the 250) retries as one recorded attempt, with the same Message-ID', async () => {
    const email = reporterEmail();
    smtp.cutAfterData.add(email);
    const ticket = (await agent.createTicket({}, { email })).id;
    await waitFor(() => smtp.to(email).length === 2, 15_000, 'the retry after the cut');
    await notificationsSettled(t, 15_000);
    // The pool re-sends by itself only a mail of which no byte went out; this one did, so the
    // second copy is the job's retry: recorded, and recognisable as a repeat by its Message-ID.
    const [first, second] = smtp.to(email);
    expect(second.parsed.messageId).toBe(first.parsed.messageId);
    const [row] = await t.sql<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM notification WHERE ticket_id = $1',
      [ticket],
    );
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    const history = await agent.history(ticket);
    expect(history.filter((e) => e.type === 'notification_failed')).toHaveLength(1);
    expect(history.filter((e) => e.type === 'notification_sent')).toHaveLength(1);
  });
});
