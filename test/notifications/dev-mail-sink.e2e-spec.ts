import { MailSink } from '@meldpunt/notifications';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { reporterEmail, staff } from './notification-test-kit';

describe('The built-in mail sink (no SMTP_URL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50' });
  });
  afterAll(() => t.close());

  it('catches the demo’s e-mails and lists them on /dev/mails', async () => {
    const email = reporterEmail();
    const ticket = await staff(t, await t.token()).createTicket({}, { email });
    await waitFor(() => t.app.get(MailSink).mails().length > 0, 10_000, 'a mail in the sink');
    // Stored raw by the sink (it answers the worker at once); parsed when first shown, once.
    const sink = t.app.get(MailSink);
    expect(sink.mails()[0]).toEqual({
      id: expect.any(Number),
      receivedAt: expect.any(Date),
      from: 'meldpunt@kortrijk.meldpunt.local',
      to: [email],
      size: expect.any(Number),
    });
    const read = await sink.read(sink.mails()[0].id);
    expect(read?.subject).toBe(`We hebben je melding goed ontvangen (${ticket.reference})`);
    expect(await sink.read(sink.mails()[0].id)).toBe(read);
    const list = await t.http().get('/dev/mails');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`We hebben je melding goed ontvangen (${ticket.reference})`);
    expect(list.text).toContain(email);
    const [mail] = t.app.get(MailSink).mails();
    const shown = await t.http().get(`/dev/mails/${mail.id}`);
    expect(shown.text).toContain('<html lang="nl">');
    expect((await t.http().get('/dev/mails/999999')).status).toBe(404);
  });
});
