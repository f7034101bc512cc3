import { SmsSimulator } from '../../apps/backoffice-sim/src/sms/sms-simulator';
import { reporterEmail, staff, startMailTestApp } from '../notifications/notification-test-kit';
import { ALWAYS, NOT_NOW, setOpeningHours } from '../support/opening-hours';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * On call (wachtdienst), end to end: an urgent ticket out of Kortrijk's hours pages the first
 * person on watch by SMS (a simulated provider over real HTTP) and e-mail (a real SMTP server);
 * nobody acknowledges in time, so the next is paged, who takes it from the API the console uses.
 */
describe('On call: paging the person on watch for an urgent ticket out of hours', () => {
  const smtp = new SmtpCatcher();
  const sms = new SmsSimulator();
  let t: TestApp;
  let adminToken: string;
  let admin: ReturnType<typeof staff>;
  const people: Record<'first' | 'second', { id: string; email: string; phone: string; token?: string }> = {
    first: { id: '', email: `wacht1.${process.pid}@kortrijk.example`, phone: '+32470111111' },
    second: { id: '', email: `wacht2.${process.pid}@kortrijk.example`, phone: '+32470222222' },
  };

  beforeAll(async () => {
    await smtp.start(0);
    await sms.start(0);
    t = await startMailTestApp(smtp.url, {
      SMS_URL: sms.url,
      SMS_TOKEN: sms.token,
      ON_CALL_ACK_MS: '4000',
      ON_CALL_SWEEP_MS: '200',
    });
    adminToken = await t.token();
    admin = staff(t, adminToken);
    for (const [code, weekly] of [
      ['kortrijk', NOT_NOW],
      ['kuurne', NOT_NOW],
      ['menen', ALWAYS],
    ] as const) {
      await setOpeningHours(t, adminToken, code, weekly);
    }
    for (const [key, person] of Object.entries(people)) {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          email: person.email,
          name: `Wacht ${key}`,
          password: 'correct-horse-battery-1',
          roles: ['municipal_agent'],
          municipalities: ['kortrijk'],
        });
      expect(res.status).toBe(201);
      person.id = res.body.id;
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp.stop(), sms.stop()]);
  });

  const shift = (token: string, code: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/municipalities/${code}/on-call-shifts`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  const now = Date.now();
  const tonight = {
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 12 * 3600_000).toISOString(),
  };
  const pagesOf = async (id: string) =>
    (await t.http().get(`/api/v1/tickets/${id}/pages`).set('Authorization', `Bearer ${adminToken}`)).body as {
      step: number;
      name: string | null;
      status: string;
      channels: string[];
      escalateAt: string;
      acknowledgedBy: string | null;
    }[];

  it('pages the first on watch, escalates to the next when unacknowledged, and stops when one takes it', async () => {
    const supervisor = await t.token({ roles: ['supervisor'], municipalities: ['kortrijk'] });
    expect(
      (
        await shift(supervisor, 'kortrijk', {
          userId: people.first.id,
          ...tonight,
          position: 1,
          phone: '0470 11 11 11',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await shift(supervisor, 'kortrijk', {
          userId: people.second.id,
          ...tonight,
          position: 2,
          phone: '+32470222222',
        })
      ).status,
    ).toBe(201);
    const onDuty = await t
      .http()
      .get('/api/v1/municipalities/kortrijk/on-call')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(onDuty.body.map((s: { userName: string }) => s.userName)).toEqual(['Wacht first', 'Wacht second']);

    // Logged in before the night starts: the acknowledgement below must come within the 4 s.
    people.second.token = await loginAs(people.second.email);
    const ticket = await admin.createTicket(
      {
        municipalityCode: 'kortrijk',
        priority: 'P1',
        subject: 'Boom over de weg',
        description: 'Boom blokkeert de N43.',
      },
      { email: reporterEmail(), name: 'An Peeters' },
    );

    // The first on watch: an SMS and an e-mail with the console link; nothing of the reporter.
    await waitFor(async () => sms.to(people.first.phone).length === 1, 10_000, 'SMS to the first on watch');
    const text = sms.to(people.first.phone)[0].text;
    expect(text).toContain(ticket.reference);
    expect(text).toContain(`/console/tickets/${ticket.reference}`);
    const [mail] = await smtp.waitFor(people.first.email);
    expect(mail.subject).toBe(`DRINGEND – wachtdienst Stad Kortrijk: ${ticket.reference}`);
    expect(mail.text).toContain('Boom blokkeert de N43.');
    expect(mail.text + text).not.toContain('An Peeters');

    // Nobody acknowledges within 4 s: the second is paged, the first's page is unanswered.
    await waitFor(async () => sms.to(people.second.phone).length === 1, 10_000, 'SMS to the second on watch');
    expect((await pagesOf(ticket.id)).map((p) => [p.step, p.name, p.status])).toEqual([
      [0, 'Wacht first', 'unanswered'],
      [1, 'Wacht second', 'paged'],
    ]);

    // The second takes it from the console (the API it uses); no one else is called after that.
    const ack = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/pages/acknowledge`)
      .set('Authorization', `Bearer ${people.second.token}`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ step: 1, status: 'acknowledged', acknowledgedBy: 'Wacht second' });
    // Past the moment the second's page would have escalated, and a sweep after it: nobody else.
    const escalateAt = new Date((await pagesOf(ticket.id))[1].escalateAt).getTime();
    await new Promise((r) => setTimeout(r, Math.max(0, escalateAt - Date.now()) + 600));
    const pages = await pagesOf(ticket.id);
    expect(pages.map((p) => p.status)).toEqual(['unanswered', 'acknowledged']);
    expect(sms.messages.filter((m) => m.text.includes(ticket.reference))).toHaveLength(2);
    const types = (await admin.history(ticket.id)).map((e) => e.type);
    expect(types.filter((type) => type.startsWith('on_call'))).toEqual([
      'on_call_paged',
      'on_call_paged',
      'on_call_acknowledged',
    ]);
    const again = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/pages/acknowledge`)
      .set('Authorization', `Bearer ${adminToken}`);
    expect(again.status).toBe(409);
  });

  it('pages nobody within opening hours or for less urgent tickets, and records an empty roster', async () => {
    const open = await admin.createTicket({ municipalityCode: 'menen', priority: 'P1' });
    const lessUrgent = await admin.createTicket({ municipalityCode: 'kortrijk', priority: 'P2' });
    const nobody = await admin.createTicket({ municipalityCode: 'kuurne', priority: 'P1' });
    await waitFor(
      async () => (await admin.history(nobody.id)).some((e) => e.type === 'on_call_unanswered'),
      10_000,
      'the empty roster on record',
    );
    expect(await pagesOf(nobody.id)).toEqual([
      expect.objectContaining({ step: 0, name: null, status: 'unanswered' }),
    ]);
    expect(await pagesOf(open.id)).toEqual([]);
    expect(await pagesOf(lessUrgent.id)).toEqual([]);
  });

  it('keeps the roster to people who work for the municipality, with clear errors, for its supervisors', async () => {
    const rules = async (token: string, body: Record<string, unknown>, status: number, code = 'kortrijk') => {
      const res = await shift(token, code, body);
      expect(res.status).toBe(status);
      return ((res.body.errors ?? []) as { field: string; rule: string }[]).map(
        (e) => `${e.field}:${e.rule}`,
      );
    };
    expect(
      await rules(
        adminToken,
        { userId: people.first.id, startsAt: tonight.endsAt, endsAt: tonight.startsAt },
        400,
      ),
    ).toEqual(['endsAt:isAfterStartsAt']);
    expect(await rules(adminToken, { userId: people.first.id, ...tonight }, 400, 'menen')).toEqual([
      'userId:hasScope',
    ]);
    expect(await rules(adminToken, { userId: people.first.id, ...tonight, phone: '12' }, 400)).toContain(
      'phone:isPhoneNumber',
    );
    const agent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    await rules(agent, { userId: people.first.id, ...tonight }, 403);
    const menenSupervisor = await t.token({ roles: ['supervisor'], municipalities: ['menen'] });
    await rules(menenSupervisor, { userId: people.first.id, ...tonight }, 403);
  });

  async function loginAs(email: string): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'correct-horse-battery-1' });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }
});
