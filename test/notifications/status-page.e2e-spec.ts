import { SmtpCatcher, statusLink } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { PUBLIC_BASE_URL, reporterEmail, staff, startMailTestApp } from './notification-test-kit';

describe('The citizen’s status page, public endpoints and staff tools', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let admin: string;
  let agent: ReturnType<typeof staff>;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url);
    admin = await t.token();
    agent = staff(t, admin);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function ticketWithLink(language = 'nl') {
    const email = reporterEmail();
    const ticket = await agent.createTicket({}, { email, language });
    const [mail] = await smtp.waitFor(email);
    return { ticket, email, token: statusLink(mail, PUBLIC_BASE_URL).token };
  }

  it('answers the question and gives feedback with plain HTML forms, no script needed', async () => {
    const { ticket, token } = await ticketWithLink();
    await agent.move(ticket.id, 'in_progress');
    await agent.move(ticket.id, 'waiting_for_citizen', 'Brandt de lamp helemaal niet, of flikkert ze?');

    const waiting = await t.http().get(`/status/${token}`);
    expect(waiting.text).toContain('We wachten op je antwoord');
    expect(waiting.text).toContain('Brandt de lamp helemaal niet, of flikkert ze?');
    expect(waiting.text).toContain(`<form method="post" action="/status/${token}/reply?lang=nl">`);
    expect(waiting.text).not.toContain('<script');

    const posted = await t
      .http()
      .post(`/status/${token}/reply?lang=nl`)
      .type('form')
      .send({ body: 'Ze brandt helemaal niet.' });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/status/${token}?lang=nl&done=reply#messages`);
    const thanked = await t.http().get(`/status/${token}?lang=nl&done=reply`);
    expect(thanked.text).toContain('Bedankt, we hebben je bericht goed ontvangen.');
    expect(thanked.text).toContain('Ze brandt helemaal niet.');
    expect(thanked.text).toContain('In behandeling');
    expect((await agent.ticket(ticket.id)).status).toBe('in_progress');

    await agent.move(ticket.id, 'resolved', 'De lamp is vervangen.');
    const rated = await t
      .http()
      .post(`/status/${token}/feedback?lang=nl`)
      .type('form')
      .send({ score: '5', comment: '' });
    expect(rated.status).toBe(303);
    expect((await t.http().get(`/status/${token}`)).text).toContain('Bedankt! Je gaf ons 5 op 5.');
    const invalid = await t.http().post(`/status/${token}/feedback`).type('form').send({ score: '9' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toContain('text/html');
  });

  it('shows the page in another language on request, and closed tickets take no replies', async () => {
    const { ticket, token } = await ticketWithLink('nl');
    const english = await t.http().get(`/status/${token}?lang=en`);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain(`Your report ${ticket.reference}`);
    for (const to of ['in_progress', 'resolved', 'closed']) await agent.move(ticket.id, to);
    const refused = await t.http().post(`/api/v1/public/tickets/${token}/replies`).send({ body: 'Nog iets' });
    expect(refused.status).toBe(409);
    expect((await t.http().get(`/status/${token}`)).text).not.toContain('name="body"');
  });

  it('reveals nothing for unknown, malformed or forged tokens, and validates input', async () => {
    const unknown = 'A'.repeat(43);
    for (const token of [unknown, 'short', '../../etc/passwd']) {
      const api = await t.http().get(`/api/v1/public/tickets/${encodeURIComponent(token)}`);
      expect(api.status).toBe(404);
      expect(api.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'This link is unknown or has expired',
      });
      const page = await t.http().get(`/status/${encodeURIComponent(token)}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Deze link werkt niet (meer).');
    }
    const { token } = await ticketWithLink();
    const empty = await t.http().post(`/api/v1/public/tickets/${token}/replies`).send({ body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'body' });
    const score = await t.http().post(`/api/v1/public/tickets/${token}/feedback`).send({ score: 6 });
    expect(score.status).toBe(400);
    expect(score.body.errors.map((e: { field: string }) => e.field)).toContain('score');
    const notYet = await t.http().post(`/api/v1/public/tickets/${token}/feedback`).send({ score: 3 });
    expect(notYet.status).toBe(409);
  });

  it('previews every template for admins, in every language, with sample data', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const json = await t
      .http()
      .get('/api/v1/notifications/preview/resolution?language=fr&format=json')
      .set(auth);
    expect(json.status).toBe(200);
    expect(json.body.subject).toBe(
      'Votre signalement a été traité (ZWVL-' + new Date().getUTCFullYear() + '-000042)',
    );
    expect(json.body.html).toContain('Ville de Courtrai');
    const html = await t
      .http()
      .get('/api/v1/notifications/preview/clarification?municipality=menen')
      .set(auth);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('Stad Menen');
    const text = await t
      .http()
      .get('/api/v1/notifications/preview/acknowledgement?language=en&format=text')
      .set(auth);
    expect(text.text).toMatch(/^Subject: We have received your report/);
    expect((await t.http().get('/api/v1/notifications/preview/spam').set(auth)).status).toBe(400);
    const paths = Object.keys((await t.http().get('/api/docs-json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/public/tickets/{token}',
        '/api/v1/public/tickets/{token}/replies',
        '/api/v1/public/tickets/{token}/feedback',
        '/api/v1/notifications/failures',
        '/api/v1/notifications/preview/{kind}',
      ]),
    );
    const agentToken = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const forbidden = await t
      .http()
      .get('/api/v1/notifications/preview/resolution')
      .set('Authorization', `Bearer ${agentToken}`);
    expect(forbidden.status).toBe(403);
  });

  it('lets an admin change how a municipality signs, and keeps the dev mail page closed with a real SMTP server', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const updated = await t
      .http()
      .put('/api/v1/notifications/profiles/wevelgem')
      .set(auth)
      .send({ senderAddress: 'meldpunt@wevelgem.be', forwardedMail: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      senderAddress: 'meldpunt@wevelgem.be',
      forwardedMail: true,
      displayName: { nl: 'Gemeente Wevelgem' },
    });
    const email = reporterEmail();
    const ticket = await agent.createTicket({ municipalityCode: 'wevelgem', location: undefined }, { email });
    await agent.move(ticket.id, 'in_progress');
    // Two delivery jobs: they may reach the SMTP server in either order.
    const mails = await smtp.waitFor(email, 2);
    expect(mails.map((m) => m.parsed.from?.value[0].address)).toEqual([
      'meldpunt@wevelgem.be',
      'meldpunt@wevelgem.be',
    ]);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `Je melding is doorgegeven aan de bevoegde dienst (${ticket.reference})`,
      `We hebben je melding goed ontvangen (${ticket.reference})`,
    ]);
    expect((await t.http().get('/dev/mails')).status).toBe(404);
  });
});
