import { Queue } from 'bullmq';
import { MAIL_DELIVERY_JOB, MAIL_DELIVERY_QUEUE, NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import type { OutboxMessage } from '@meldpunt/outbox';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { createShortSlaPolicy } from '../factories/sla-policy.factory';
import {
  notificationsSettled,
  startMailTestApp,
  PUBLIC_BASE_URL,
  reporterEmail,
  staff,
} from './notification-test-kit';

/** SLA breaches e-mail the municipality's team, through the same idempotent pipeline as citizen mails. */
describe('Escalation e-mails on SLA breaches', () => {
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

  const auth = () => ({ Authorization: `Bearer ${admin}` });

  async function setEscalationEmail(code: string, escalationEmail: string | null) {
    const res = await t
      .http()
      .put(`/api/v1/notifications/profiles/${code}`)
      .set(auth())
      .send({ escalationEmail });
    expect(res.status).toBe(200);
    expect(res.body.escalationEmail).toBe(escalationEmail);
  }

  const slaEvents = (id: string) =>
    t.sql<{ type: string; clock: string }>(
      `SELECT type, data->>'clock' AS clock FROM ticket_event WHERE ticket_id = $1 AND type LIKE 'sla_%' ORDER BY id`,
      [id],
    );
  const escalations = (id: string) =>
    t.sql<{ id: string; status: string; recipient: string | null; language: string | null }>(
      `SELECT id, status, recipient, language FROM notification WHERE ticket_id = $1 AND kind = 'escalation' ORDER BY event_id`,
      [id],
    );

  /** Both clocks warned and breached, and whatever that called for went through the queues. */
  async function allTimersFired(id: string) {
    await waitFor(async () => (await slaEvents(id)).length === 4, 15_000, 'two warnings and two breaches');
    await notificationsSettled(t, 15_000);
  }

  it('mails the team once per breached clock, none for the warnings, in the municipality’s language', async () => {
    const team = `team.zwevegem.${process.pid}@example.be`;
    await setEscalationEmail('zwevegem', team);
    await createShortSlaPolicy(t, admin, 'zwevegem', { response: 1, resolution: 2 });
    const citizen = reporterEmail();
    const ticket = await agent.createTicket(
      { municipalityCode: 'zwevegem' },
      { email: citizen, language: 'en' },
    );

    await smtp.waitFor(team, 2, 15_000);
    await allTimersFired(ticket.id);
    expect((await slaEvents(ticket.id)).map((e) => `${e.clock}.${e.type}`).sort()).toEqual([
      'resolution.sla_breached',
      'resolution.sla_warning',
      'response.sla_breached',
      'response.sla_warning',
    ]);
    // Nothing more arrives later: the warnings mail no one.
    await new Promise((r) => setTimeout(r, 500));
    const mails = smtp.to(team);
    expect(mails).toHaveLength(2);

    const byClock = (clock: string) =>
      mails.find((m) => m.parsed.headers.get('x-meldpunt-sla-breach') === clock)!;
    const response = byClock('response');
    const resolution = byClock('resolution');
    expect(response.subject).toBe(`Termijn eerste reactie overschreden (${ticket.reference})`);
    expect(resolution.subject).toBe(`Termijn afhandeling overschreden (${ticket.reference})`);
    expect(response.text).toMatch(
      new RegExp(
        `Voor ticket ${ticket.reference} \\(Gemeente Zwevegem\\) is de termijn voor de eerste reactie verstreken op \\w+ \\d+ \\w+( \\d{4})? om \\d\\d:\\d\\d\\.`,
      ),
    );
    expect(resolution.text).toContain('de termijn voor de afhandeling verstreken op');
    for (const mail of [response, resolution]) {
      // Dutch, the municipality's language, though the reporter writes English.
      expect(mail.html).toContain('<html lang="nl">');
      expect(mail.parsed.from?.value[0]).toEqual({
        name: 'Gemeente Zwevegem',
        address: 'meldpunt@zwevegem.meldpunt.local',
      });
      expect(mail.parsed.headers.get('x-meldpunt-reference')).toBe(ticket.reference);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(`${PUBLIC_BASE_URL}/console/tickets/${ticket.reference}`);
        expect(part).toContain('Openbare verlichting');
        expect(part).toContain('De straatlamp voor huisnummer 12 brandt al een week niet meer.');
        // Staff mail: no private citizen link, nothing of the reporter.
        expect(part).not.toContain('/status/');
        expect(part).not.toContain(citizen);
        expect(part).not.toContain('An Peeters');
      }
    }
    // The citizen hears of their report, not of the breaches.
    expect(smtp.to(citizen).map((m) => m.subject)).toEqual([
      `We have received your report (${ticket.reference})`,
    ]);

    const rows = await escalations(ticket.id);
    expect(rows.map((r) => [r.status, r.recipient, r.language])).toEqual([
      ['sent', team, 'nl'],
      ['sent', team, 'nl'],
    ]);
    await waitFor(
      async () =>
        (await agent.history(ticket.id)).filter(
          (e) => e.type === 'notification_sent' && e.data.kind === 'escalation',
        ).length === 2,
      5000,
      'two escalations in the history',
    );
    const sent = (await agent.history(ticket.id)).filter(
      (e) => e.type === 'notification_sent' && e.data.kind === 'escalation',
    );
    expect(sent.map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'escalation', status: 'sent', attempts: 1 }),
      expect.objectContaining({ kind: 'escalation', status: 'sent', attempts: 1 }),
    ]);

    // The same breach delivered again (the outbox is at least once) and a delivery job run again
    // after its success send nothing.
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    const deliveries = new Queue(MAIL_DELIVERY_QUEUE, { connection, prefix: t.redisPrefix });
    const events = new Queue(NOTIFICATION_EVENTS_QUEUE, { connection, prefix: t.redisPrefix });
    try {
      const [breach] = await t.sql<OutboxMessage>(
        `SELECT id::text AS "eventId", type, aggregate_id AS "aggregateId", municipality_code AS "municipalityCode",
                payload, created_at AS "createdAt"
           FROM outbox_event WHERE aggregate_id = $1 AND type = 'ticket.sla.breached' ORDER BY id LIMIT 1`,
        [ticket.id],
      );
      await events.add('events', { events: [breach] }, { jobId: 'the-same-breach-again' });
      await deliveries.add(MAIL_DELIVERY_JOB, { notificationId: rows[0].id }, { jobId: 'escalation-again' });
      await notificationsSettled(t, 15_000);
      expect((await events.getJob('the-same-breach-again'))?.returnvalue).toEqual(['escalation: sent']);
      expect((await deliveries.getJob('escalation-again'))?.returnvalue).toBe('settled already');
    } finally {
      await Promise.all([deliveries.close(), events.close()]);
    }
    expect(smtp.to(team)).toHaveLength(2);
  });

  it('sends nothing without an escalation address, and keeps the breach as skipped', async () => {
    // Set, then restored to the default (none).
    await setEscalationEmail('deerlijk', `team.deerlijk.${process.pid}@example.be`);
    await setEscalationEmail('deerlijk', null);
    await createShortSlaPolicy(t, admin, 'deerlijk', { response: 1, resolution: 2 });
    const citizen = reporterEmail();
    const ticket = await agent.createTicket({ municipalityCode: 'deerlijk' }, { email: citizen });

    await allTimersFired(ticket.id);
    await new Promise((r) => setTimeout(r, 500));
    const aboutTicket = smtp.messages.filter((m) => m.subject.includes(ticket.reference));
    expect(aboutTicket.map((m) => m.to)).toEqual([citizen]);
    expect(smtp.messages.some((m) => m.to.startsWith('team.deerlijk.'))).toBe(false);
    expect((await escalations(ticket.id)).map((r) => [r.status, r.recipient])).toEqual([
      ['skipped', null],
      ['skipped', null],
    ]);
    expect(
      (await agent.history(ticket.id)).some(
        (e) => e.type.startsWith('notification_') && e.data.kind === 'escalation',
      ),
    ).toBe(false);
  });

  it('mails the breach to the mailbox of the team a routed ticket went to, not the municipality', async () => {
    await setEscalationEmail('spiere-helkijn', `gemeente.spiere.${process.pid}@example.be`);
    const mailbox = `groen.spiere.${process.pid}@example.be`;
    const team = await t
      .http()
      .post('/api/v1/municipalities/spiere-helkijn/teams')
      .set(auth())
      .send({ name: 'Technische dienst', email: mailbox, categoryCodes: ['public-lighting'] });
    expect(team.status).toBe(201);
    await createShortSlaPolicy(t, admin, 'spiere-helkijn', { response: 1, resolution: 2 });
    const ticket = await agent.createTicket(
      { municipalityCode: 'spiere-helkijn' },
      { email: reporterEmail() },
    );
    expect((await agent.ticket(ticket.id)).team).toEqual({ id: team.body.id, name: 'Technische dienst' });

    const mails = await smtp.waitFor(mailbox, 2, 15_000);
    expect(mails.map((m) => m.parsed.headers.get('x-meldpunt-sla-breach')).sort()).toEqual([
      'resolution',
      'response',
    ]);
    await allTimersFired(ticket.id);
    expect(smtp.messages.some((m) => m.to.startsWith('gemeente.spiere.'))).toBe(false);
    expect((await escalations(ticket.id)).map((r) => [r.status, r.recipient])).toEqual([
      ['sent', mailbox],
      ['sent', mailbox],
    ]);
  });

  it('refuses an escalation address that is not one, and previews the escalation for admins', async () => {
    const bad = await t
      .http()
      .put('/api/v1/notifications/profiles/kortrijk')
      .set(auth())
      .send({ escalationEmail: 'not an address' });
    expect(bad.status).toBe(400);

    const preview = await t
      .http()
      .get('/api/v1/notifications/preview/escalation?format=json&municipality=menen')
      .set(auth());
    expect(preview.status).toBe(200);
    const reference = `ZWVL-${new Date().getUTCFullYear()}-000042`;
    expect(preview.body.subject).toBe(`Termijn eerste reactie overschreden (${reference})`);
    expect(preview.body.html).toContain('Stad Menen');
    expect(preview.body.text).toContain(`${PUBLIC_BASE_URL}/console/tickets/${reference}`);
    const french = await t
      .http()
      .get('/api/v1/notifications/preview/escalation?format=text&language=fr')
      .set(auth());
    expect(french.text).toMatch(/^Subject: Délai de première réponse dépassé/);
  });
});
