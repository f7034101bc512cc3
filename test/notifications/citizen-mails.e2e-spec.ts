import { deadlineInWords } from '../../libs/notifications/src/templates/deadline-words';
import { SmtpCatcher, statusLink } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import {
  notificationsSettled,
  startMailTestApp,
  PUBLIC_BASE_URL,
  reporterEmail,
  staff,
} from './notification-test-kit';

describe('Citizen e-mails', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let agent: ReturnType<typeof staff>;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url);
    agent = staff(t, await t.token());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const publicApi = (token: string) => `/api/v1/public/tickets/${token}`;

  it('acknowledges a report in Dutch: reference, what we understood, the deadline in words, a working link', async () => {
    const email = reporterEmail();
    const ticket = await agent.createTicket({}, { email, language: 'nl' });
    const [mail] = await smtp.waitFor(email);

    expect(mail.subject).toBe(`We hebben je melding goed ontvangen (${ticket.reference})`);
    expect(mail.parsed.from?.value[0]).toEqual({
      name: 'Stad Kortrijk',
      address: 'meldpunt@kortrijk.meldpunt.local',
    });
    expect(mail.html).toContain('<html lang="nl">');
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('Beste An Peeters,');
      expect(part).toContain('Openbare verlichting');
      expect(part).toContain('Kerkstraat 12, 8500 Kortrijk');
      expect(part).toContain('De straatlamp voor huisnummer 12 brandt al een week niet meer.');
    }
    const due = ticket.sla.resolutionDueAt;
    expect(mail.text).toContain(
      due ? deadlineInWords(new Date(due), 'nl', 'Europe/Brussels') : 'zo snel mogelijk afhandelen',
    );

    const link = statusLink(mail, PUBLIC_BASE_URL);
    const page = await t.http().get(link.path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain(`Je melding ${ticket.reference}`);

    const api = await t.http().get(publicApi(link.token));
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({
      reference: ticket.reference,
      status: 'new',
      municipality: { code: 'kortrijk', name: 'Stad Kortrijk' },
      category: { code: 'public-lighting', name: 'Openbare verlichting' },
      resolutionDueAt: due,
      messages: [],
    });
    expect(JSON.stringify(api.body)).not.toContain(email);

    await waitFor(
      async () => (await agent.history(ticket.id)).some((e) => e.type === 'notification_sent'),
      5000,
      'notification_sent in the history',
    );
    const sent = (await agent.history(ticket.id)).find((e) => e.type === 'notification_sent');
    expect(sent?.data).toMatchObject({ kind: 'acknowledgement', status: 'sent', attempts: 1 });
  });

  it('asks the question in French; the answer through the public API lands on the ticket and resumes it', async () => {
    const email = reporterEmail();
    const ticket = await agent.createTicket({}, { email, language: 'fr' });
    await smtp.waitFor(email);
    await agent.move(ticket.id, 'in_progress');
    await agent.move(ticket.id, 'waiting_for_citizen', 'De quel côté de la rue se trouve le lampadaire ?');
    const [, question] = await smtp.waitFor(email, 2);

    expect(question.subject).toBe(`Une question au sujet de votre signalement (${ticket.reference})`);
    expect(question.text).toContain('De quel côté de la rue se trouve le lampadaire ?');
    expect(question.html).toContain('<html lang="fr">');
    const { token } = statusLink(question, PUBLIC_BASE_URL);
    expect((await t.http().get(publicApi(token))).body).toMatchObject({
      status: 'waiting_for_citizen',
      openQuestion: 'De quel côté de la rue se trouve le lampadaire ?',
      canReply: true,
    });

    const answer = await t
      .http()
      .post(`${publicApi(token)}/replies`)
      .send({ body: 'Côté église, en face du numéro 12.' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ status: 'in_progress' });
    const after = await agent.ticket(ticket.id);
    expect(after.status).toBe('in_progress');
    expect(after.sla.paused).toBe(false);
    const history = await agent.history(ticket.id);
    expect(history.slice(-2).map((e) => [e.type, e.actor.type])).toEqual([
      ['message_public', 'citizen'],
      ['status_changed', 'citizen'],
    ]);

    // An internal note stays internal; a public message is mailed; the citizen's own is not.
    await agent.say(ticket.id, 'Interne nota: netbeheerder gebeld.', 'internal');
    await agent.say(ticket.id, 'Merci ! Le gestionnaire du réseau passera cette semaine.');
    const mails = await smtp.waitFor(email, 3);
    await notificationsSettled(t);
    expect(smtp.to(email)).toHaveLength(3);
    expect(mails[2].subject).toBe(`Nouveau message concernant votre signalement (${ticket.reference})`);
    expect(mails[2].text).toContain('Le gestionnaire du réseau passera cette semaine.');
    expect(smtp.to(email).some((m) => m.text.includes('netbeheerder gebeld'))).toBe(false);

    const view = (await t.http().get(publicApi(token))).body;
    expect(view.messages.map((m: { from: string; type: string }) => `${m.from}:${m.type}`)).toEqual([
      'municipality:question',
      'citizen:message',
      'municipality:message',
    ]);
    expect(JSON.stringify(view)).not.toContain('netbeheerder gebeld');
  });

  it('announces the resolution in English with a satisfaction score; feedback and a later reply work through the links', async () => {
    const email = reporterEmail();
    const ticket = await agent.createTicket({}, { email, language: 'en' });
    await smtp.waitFor(email);
    await agent.move(ticket.id, 'in_progress');
    await agent.move(ticket.id, 'resolved', 'The grid operator replaced the lamp.');
    const [, resolution] = await smtp.waitFor(email, 2);

    expect(resolution.subject).toBe(`Your report has been resolved (${ticket.reference})`);
    expect(resolution.text).toContain('The grid operator replaced the lamp.');
    const { token } = statusLink(resolution, PUBLIC_BASE_URL);
    for (let score = 1; score <= 5; score++) {
      expect(resolution.html).toContain(`${PUBLIC_BASE_URL}/status/${token}?score=${score}#feedback`);
    }
    const preselected = await t.http().get(`/status/${token}?score=4`);
    expect(preselected.text).toMatch(/value="4" required checked/);

    const feedback = await t
      .http()
      .post(`${publicApi(token)}/feedback`)
      .send({ score: 4, comment: 'Quick, thanks!' });
    expect(feedback.status).toBe(201);
    expect((await agent.history(ticket.id)).pop()).toMatchObject({ type: 'feedback', data: { score: 4 } });
    await waitFor(
      async () => (await t.sql('SELECT score FROM feedback WHERE ticket_id = $1', [ticket.id])).length === 1,
      5000,
      'feedback row',
    );
    expect((await t.http().get(publicApi(token))).body.feedback).toMatchObject({
      score: 4,
      comment: 'Quick, thanks!',
    });

    const reopen = await t
      .http()
      .post(`${publicApi(token)}/replies`)
      .send({ body: 'It is dark again tonight.' });
    expect(reopen.body).toEqual({ status: 'in_progress' });
    expect((await agent.history(ticket.id)).pop()).toMatchObject({
      type: 'status_changed',
      data: { reopened: true },
    });
    const late = await t
      .http()
      .post(`${publicApi(token)}/feedback`)
      .send({ score: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('escapes hostile input in the e-mail and on the status page', async () => {
    const email = reporterEmail();
    const ticket = await agent.createTicket(
      { description: 'Lamp kapot <script>alert("pwned")</script> <img src=x onerror=alert(1)>' },
      { email, name: '<b>An</b>' },
    );
    const [mail] = await smtp.waitFor(email);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).not.toContain('<b>An</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(mail.text).toContain('<script>alert("pwned")</script>');

    const { token } = statusLink(mail, PUBLIC_BASE_URL);
    await t
      .http()
      .post(`${publicApi(token)}/replies`)
      .send({ body: '<script>document.cookie</script>' });
    const page = await t.http().get(`/status/${token}`);
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('&lt;script&gt;document.cookie&lt;/script&gt;');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(ticket.reference).toMatch(/^ZWVL-/);
  });

  it('sends nothing without consent or without an address', async () => {
    const noConsent = reporterEmail();
    const withoutConsent = await agent.createTicket({}, { email: noConsent, consent: false });
    const phoneOnly = await agent.createTicket({}, { email: undefined, consent: true });
    const control = reporterEmail();
    await agent.createTicket({}, { email: control });
    await smtp.waitFor(control);
    await agent.say(withoutConsent.id, 'Een publiek bericht');
    await agent.say(phoneOnly.id, 'Een publiek bericht');
    await notificationsSettled(t);
    expect(smtp.to(noConsent)).toEqual([]);
    const rows = await t.sql('SELECT id FROM notification WHERE ticket_id = ANY($1::uuid[])', [
      [withoutConsent.id, phoneOnly.id],
    ]);
    expect(rows).toEqual([]);
  });

  it('writes the next e-mail in the reporter’s new language', async () => {
    const email = reporterEmail();
    const ticket = await agent.createTicket({}, { email, language: 'nl' });
    const [first] = await smtp.waitFor(email);
    expect(first.subject).toContain('We hebben je melding goed ontvangen');
    // No API edits the reporter yet (an agent will in the console); the data is what matters here.
    await t.sql(`UPDATE ticket SET reporter_language = 'fr' WHERE id = $1`, [ticket.id]);
    await agent.say(ticket.id, 'Nous avons transmis votre signalement.');
    const [, second] = await smtp.waitFor(email, 2);
    expect(second.subject).toBe(`Nouveau message concernant votre signalement (${ticket.reference})`);
    expect(second.html).toContain('<html lang="fr">');
    const page = await t.http().get(statusLink(second, PUBLIC_BASE_URL).path);
    expect(page.text).toContain('<html lang="fr">');
  });
});
