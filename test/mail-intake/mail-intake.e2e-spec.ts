import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { InboundSmtpServer } from '@meldpunt/mail-intake';
import {
  notificationsSettled,
  reporterEmail,
  staff,
  startMailTestApp,
} from '../notifications/notification-test-kit';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';

const KORTRIJK = 'meldpunt@kortrijk.meldpunt.local';
const MENEN = 'meldpunt@menen.meldpunt.local';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface TicketRow {
  id: string;
  reference: string;
  status: string;
  channel: string;
  kind: string;
  municipality_code: string;
  reporter_email: string;
  reporter_name: string | null;
  reporter_language: string | null;
  reporter_consent: boolean;
  subject: string;
  description: string;
}

describe('E-mail intake: the municipalities mailboxes over SMTP', () => {
  const outgoing = new SmtpCatcher();
  let t: TestApp;
  let client: Transporter;
  let agent: ReturnType<typeof staff>;

  beforeAll(async () => {
    await outgoing.start(0);
    t = await startMailTestApp(outgoing.url, { MAIL_INTAKE_PORT: '0', MAIL_INTAKE_MAX_BYTES: '200000' });
    const port = t.app.get(InboundSmtpServer).port;
    // A real SMTP client, as the municipality's mail relay delivers.
    client = createTransport({ host: '127.0.0.1', port: port!, secure: false, ignoreTLS: true, pool: false });
    agent = staff(t, await t.token());
  });
  afterAll(async () => {
    client?.close();
    await t.close();
    await outgoing.stop();
  });

  const ticketsFrom = (email: string) =>
    t.sql<TicketRow>('SELECT * FROM ticket WHERE reporter_email = $1 ORDER BY number', [email]);
  const messages = (ticketId: string) =>
    t.sql<{ data: { body: string; via?: string }; actor: { type: string; name: string } }>(
      `SELECT data, actor FROM ticket_event WHERE ticket_id = $1 AND type = 'message_public' ORDER BY id`,
      [ticketId],
    );

  it('makes a ticket of a new mail, answers it in the writer’s language, and only once per mail', async () => {
    const email = reporterEmail();
    const messageId = `<${randomUUID()}@mail.example.be>`;
    const mail = {
      from: { name: 'Anne Dupont', address: email },
      to: KORTRIJK,
      subject: 'Lampadaire en panne',
      text: 'Bonjour, le lampadaire devant ma maison ne fonctionne plus depuis une semaine. Cordialement, Anne',
      messageId,
      attachments: [
        { filename: 'lampadaire.png', content: PNG },
        { filename: 'notes.docx', content: Buffer.from('PK\x03\x04 a word document') },
      ],
    };
    const sent = await client.sendMail(mail);
    // Committed before the 250: the ticket is there the moment the relay hears back.
    const [ticket] = await ticketsFrom(email);
    expect(sent.response).toBe(`250 2.0.0 Filed as ticket ${ticket.reference}`);
    expect(ticket).toMatchObject({
      channel: 'email',
      kind: 'question',
      municipality_code: 'kortrijk',
      reporter_name: 'Anne Dupont',
      reporter_language: 'fr',
      reporter_consent: true,
      subject: 'Lampadaire en panne',
      status: 'new',
    });
    expect(ticket.description).toContain('ne fonctionne plus depuis une semaine');

    const [ack] = await outgoing.waitFor(email);
    expect(ack.subject).toContain(ticket.reference);
    expect(ack.subject).toMatch(/Nous avons bien reçu/);
    // The photo comes with it (checked by its bytes); the Word file is not a photo or a PDF.
    expect(
      await t.sql('SELECT filename, content_type, size FROM ticket_attachment WHERE ticket_id = $1', [
        ticket.id,
      ]),
    ).toEqual([{ filename: 'lampadaire.png', content_type: 'image/png', size: PNG.length }]);

    // The relay did not hear the 250 and delivers again; a second copy comes through Menen's mailbox.
    expect((await client.sendMail(mail)).response).toMatch(/^250/);
    expect((await client.sendMail({ ...mail, to: MENEN })).response).toMatch(/^250/);
    expect(await ticketsFrom(email)).toHaveLength(1);
    await notificationsSettled(t);
    expect(outgoing.to(email)).toHaveLength(1);
  });

  it('threads a reply to our mail into its ticket, and an answer to a question resumes it', async () => {
    const email = reporterEmail();
    const firstMessageId = `<${randomUUID()}@mail.example.be>`;
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Straatlamp',
      text: 'De straatlamp in mijn straat is stuk.',
      messageId: firstMessageId,
    });
    const [ticket] = await ticketsFrom(email);
    const [ack] = await outgoing.waitFor(email);
    await agent.move(ticket.id, 'in_progress');
    await agent.move(ticket.id, 'waiting_for_citizen', 'Aan welk huisnummer staat de lamp?');
    const [, question] = await outgoing.waitFor(email, 2);

    const reply = {
      from: email,
      to: KORTRIJK,
      subject: `Re: ${question.subject}`,
      text: `Aan nummer 12.\n\nOp ma 7 dec. 2026 om 10:02 schreef Stad Kortrijk <${KORTRIJK}>:\n> Aan welk huisnummer staat de lamp?`,
      messageId: `<${randomUUID()}@mail.example.be>`,
      inReplyTo: question.parsed.messageId,
      references: [ack.parsed.messageId!, question.parsed.messageId!],
    };
    expect((await client.sendMail(reply)).response).toMatch(/^250/);
    expect(await ticketsFrom(email)).toHaveLength(1);
    const [row] = await ticketsFrom(email);
    expect(row.status).toBe('in_progress');
    expect((await messages(ticket.id)).map((m) => m.data)).toEqual([
      { body: 'Aan nummer 12.', via: 'email' },
    ]);
    expect((await messages(ticket.id))[0].actor.type).toBe('citizen');

    // Delivered twice: one message.
    await client.sendMail(reply);
    expect(await messages(ticket.id)).toHaveLength(1);

    // A follow-up to the citizen's own first mail (from their sent folder) finds the ticket too,
    // with another subject and no mail of ours in the thread.
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Re: Straatlamp',
      text: 'Ze flikkert nu ook overdag.',
      inReplyTo: firstMessageId,
      references: [firstMessageId],
    });
    expect(await ticketsFrom(email)).toHaveLength(1);
    expect((await messages(ticket.id)).map((m) => m.data.body)).toEqual([
      'Aan nummer 12.',
      'Ze flikkert nu ook overdag.',
    ]);
  });

  it('threads by the reference in the subject only for the reporter’s own address', async () => {
    const email = reporterEmail();
    await client.sendMail({
      from: email,
      to: MENEN,
      subject: 'Zwerfvuil',
      text: 'Er ligt afval aan de kerk.',
    });
    const [ticket] = await ticketsFrom(email);
    expect(ticket.municipality_code).toBe('menen');

    await client.sendMail({
      from: email,
      to: MENEN,
      subject: `Nog een foto bij ${ticket.reference}`,
      text: 'Het ligt er nog steeds.',
    });
    expect(await ticketsFrom(email)).toHaveLength(1);
    expect((await messages(ticket.id)).map((m) => m.data.body)).toEqual(['Het ligt er nog steeds.']);

    const stranger = reporterEmail();
    await client.sendMail({
      from: stranger,
      to: MENEN,
      subject: `Over ${ticket.reference}`,
      text: 'Ik zag het ook.',
    });
    expect(await messages(ticket.id)).toHaveLength(1);
    expect(await ticketsFrom(stranger)).toHaveLength(1);
  });

  it('makes a new ticket of a reply to a closed one', async () => {
    const email = reporterEmail();
    const first = `<${randomUUID()}@mail.example.be>`;
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Put',
      text: 'Een put in de weg.',
      messageId: first,
    });
    const [ticket] = await ticketsFrom(email);
    await agent.move(ticket.id, 'in_progress');
    await agent.move(ticket.id, 'resolved', 'De put is gevuld.');
    await agent.move(ticket.id, 'closed');
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Re: Put',
      text: 'Er is een nieuwe put, een meter verder.',
      inReplyTo: first,
      references: [first],
    });
    const tickets = await ticketsFrom(email);
    expect(tickets.map((r) => r.status)).toEqual(['closed', 'new']);
    expect(tickets[1].subject).toBe('Put');
    expect(await messages(ticket.id)).toHaveLength(0);
  });

  it('files no out-of-office, bounce or list mail, and answers none of them', async () => {
    const email = reporterEmail();
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Boom',
      text: 'Er hangt een tak over de weg.',
    });
    const [ticket] = await ticketsFrom(email);
    const [ack] = await outgoing.waitFor(email);
    const inReply = { inReplyTo: ack.parsed.messageId, references: [ack.parsed.messageId!] };

    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Afwezig: We hebben je melding goed ontvangen',
      text: 'Ik ben afwezig tot maandag.',
      headers: { 'Auto-Submitted': 'auto-replied' },
      ...inReply,
    });
    const outOfOffice = await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'X-Auto-Response-Suppress': 'All' },
    });
    await client.sendMail({
      envelope: { from: '', to: [KORTRIJK] },
      from: `MAILER-DAEMON@example.be`,
      to: KORTRIJK,
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system.',
      ...inReply,
    });
    await client.sendMail({
      from: email,
      to: KORTRIJK,
      subject: 'Buurtnieuws',
      text: 'De nieuwsbrief van deze week.',
      headers: { 'List-Id': '<buurt.example.be>' },
    });
    expect(outOfOffice.response).toBe('250 2.0.0 Accepted, not filed (auto-reply)');
    expect(await ticketsFrom(email)).toHaveLength(1);
    expect(await messages(ticket.id)).toHaveLength(0);
    await notificationsSettled(t);
    expect(outgoing.to(email)).toHaveLength(1);
  });

  it('answers 451 while the database cannot take the mail, so the relay delivers it again', async () => {
    const email = reporterEmail();
    const mail = {
      from: email,
      to: KORTRIJK,
      subject: 'Wateroverlast',
      text: 'De kelder loopt onder.',
      messageId: `<${randomUUID()}@mail.example.be>`,
    };
    await t.sql('ALTER TABLE idempotency_key RENAME TO idempotency_key_away');
    try {
      await expect(client.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      await t.sql('ALTER TABLE idempotency_key_away RENAME TO idempotency_key');
    }
    expect(await ticketsFrom(email)).toHaveLength(0);
    expect((await client.sendMail(mail)).response).toMatch(/^250 2\.0\.0 Filed as ticket /);
    expect(await ticketsFrom(email)).toHaveLength(1);
  });

  it('refuses unknown mailboxes at RCPT TO and mails over the size limit, naming the rule', async () => {
    const email = reporterEmail();
    await expect(
      client.sendMail({ from: email, to: 'info@elders.be', subject: 'x', text: 'Hallo' }),
    ).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('no mailbox of the contact centre'),
    });
    await expect(
      client.sendMail({ from: email, to: KORTRIJK, subject: 'Groot', text: 'x'.repeat(300_000) }),
    ).rejects.toMatchObject({
      responseCode: 552,
      response: expect.stringContaining('larger than 200000 bytes'),
    });
    expect(await ticketsFrom(email)).toHaveLength(0);
  });
});
