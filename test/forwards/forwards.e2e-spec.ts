import { notificationsSettled, PUBLIC_BASE_URL, reporterEmail } from '../notifications/notification-test-kit';
import { useKortrijkInTopdesk } from '../support/kortrijk-in-topdesk';
import type { CaughtMessage } from '../support/smtp-catcher';
import { waitFor } from '../support/wait-for';

/** The answer link in a mail to an outside party. */
function answerLink(mail: CaughtMessage): { token: string; path: string } {
  const match = new RegExp(`${PUBLIC_BASE_URL.replace(/\./g, '\\.')}(/extern/([A-Za-z0-9_-]+))`).exec(
    mail.text,
  );
  if (!match) throw new Error(`no answer link in mail "${mail.subject}"`);
  return { path: match[1], token: match[2] };
}

/**
 * A question about a ticket to a party outside the municipality, end to end: the party gets an
 * e-mail (real SMTP) without the reporter, answers through its link on a plain HTML page, and the
 * answer lands on the ticket as an internal message and in Kortrijk's TOPdesk (simulated over
 * real HTTP) as a note.
 */
describe('Forwarding a ticket to an outside party', () => {
  const env = useKortrijkInTopdesk();

  const forward = (token: string, id: string, body: Record<string, unknown>) =>
    env.t.http().post(`/api/v1/tickets/${id}/forwards`).set('Authorization', `Bearer ${token}`).send(body);
  let parties = 0;
  const partyEmail = () => `storingen.${process.pid}.${++parties}@fluvius.example`;

  it('mails the party the question without the reporter, takes its answer and puts it on the ticket and the case', async () => {
    const email = reporterEmail();
    const ticket = await env.admin.createTicket(
      { municipalityCode: 'kortrijk', description: 'Gasgeur aan de Kerkstraat sinds vanochtend.' },
      { email, name: 'An Peeters', phone: '+32 470 12 34 56' },
    );
    await env.smtp.waitFor(email);
    const party = partyEmail();
    const sent = await forward(env.adminToken, ticket.id, {
      partyName: 'Fluvius',
      partyEmail: party,
      question: 'Kunnen jullie de gasleiding aan dit adres nakijken?',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ partyName: 'Fluvius', status: 'open', answerCount: 0 });

    const [mail] = await env.smtp.waitFor(party);
    expect(mail.subject).toBe(`Vraag van Stad Kortrijk over melding ${ticket.reference}`);
    expect(mail.text).toContain('Kunnen jullie de gasleiding aan dit adres nakijken?');
    expect(mail.text).toContain('Gasgeur aan de Kerkstraat');
    for (const secret of ['An Peeters', email, '470']) expect(mail.text + mail.html).not.toContain(secret);
    const link = answerLink(mail);
    expect(mail.text).not.toContain('/status/');

    const page = await env.t.http().get(link.path);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('Kunnen jullie de gasleiding aan dit adres nakijken?');
    expect(page.text).not.toContain('An Peeters');

    const answered = await env.t
      .http()
      .post(`${link.path}/answer`)
      .type('form')
      .send({ body: 'We komen morgen om 9 uur langs.' });
    expect(answered.status).toBe(303);
    expect(answered.headers.location).toBe(`${link.path}?done=1`);
    const after = await env.t.http().get(`${link.path}?done=1`);
    expect(after.text).toContain('Bedankt: je antwoord is bij de medewerker');
    expect(after.text).toContain('We komen morgen om 9 uur langs.');

    const history = await env.admin.history(ticket.id);
    expect(history.find((e) => e.type === 'forwarded_external')!.data).toMatchObject({
      partyName: 'Fluvius',
      question: 'Kunnen jullie de gasleiding aan dit adres nakijken?',
    });
    const answer = history.find((e) => e.type === 'message_internal')!;
    expect(answer.actor).toMatchObject({ type: 'external', name: 'Fluvius' });
    expect(answer.data.body).toBe('We komen morgen om 9 uur langs.');
    const listed = await env.t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/forwards`)
      .set('Authorization', `Bearer ${env.adminToken}`);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: sent.body.id, status: 'answered', answerCount: 1, partyEmail: party }),
    ]);

    // The back-office case gets the answer as a note, named after the party.
    await waitFor(
      async () =>
        ((await env.topdesk.cases(ticket.reference))[0]?.notes ?? []).some((n) =>
          n.text.includes('Externe partij (Fluvius): We komen morgen om 9 uur langs.'),
        ) &&
        ((await env.topdesk.cases(ticket.reference))[0]?.notes ?? []).some((n) =>
          n.text.includes('vraag doorgestuurd naar Fluvius: Kunnen jullie'),
        ),
      10_000,
      'the question and the answer as notes on the incident',
    );
    // An internal answer is not mailed to the citizen.
    await notificationsSettled(env.t);
    expect(env.smtp.messages.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('refuses bad requests with the field and the rule, strangers, unknown links and closed tickets', async () => {
    const ticket = await env.admin.createTicket({ municipalityCode: 'kortrijk' }, { email: reporterEmail() });
    const rules = async (body: Record<string, unknown>) => {
      const res = await forward(env.adminToken, ticket.id, body);
      expect(res.status).toBe(400);
      return (res.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    };
    expect(await rules({ partyName: 'Politie', partyEmail: 'geen-adres', question: 'x' })).toEqual([
      'partyEmail:isEmail',
    ]);
    expect(await rules({ partyName: 'Politie', partyEmail: 'zone@politie.example' })).toContain(
      'question:isNotEmpty',
    );

    const menen = await env.t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    const stranger = await forward(menen, ticket.id, {
      partyName: 'Politie',
      partyEmail: 'zone@politie.example',
      question: 'x',
    });
    expect(stranger.status).toBe(404);
    const strangerList = await env.t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/forwards`)
      .set('Authorization', `Bearer ${menen}`);
    expect(strangerList.status).toBe(404);

    const unknown = await env.t.http().get(`/extern/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');

    const party = partyEmail();
    expect(
      (
        await forward(env.adminToken, ticket.id, {
          partyName: 'Politie',
          partyEmail: party,
          question: 'Gevaarlijk?',
        })
      ).status,
    ).toBe(201);
    const link = answerLink((await env.smtp.waitFor(party))[0]);
    await env.admin.move(ticket.id, 'in_progress');
    await env.admin.move(ticket.id, 'resolved', 'Opgelost');
    await env.admin.move(ticket.id, 'closed');
    const page = await env.t.http().get(link.path);
    expect(page.text).toContain('Deze melding is afgesloten');
    const late = await env.t.http().post(`${link.path}/answer`).type('form').send({ body: 'Te laat' });
    expect(late.status).toBe(409);
    const again = await forward(env.adminToken, ticket.id, {
      partyName: 'Politie',
      partyEmail: party,
      question: 'Nog iets?',
    });
    expect(again.status).toBe(409);
    expect((await env.admin.history(ticket.id)).some((e) => e.data.body === 'Te laat')).toBe(false);
  });
});
