import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { UltimoSimulator } from '../../apps/backoffice-sim/src/ultimo';
import {
  PUBLIC_BASE_URL,
  reporterEmail,
  staff,
  startMailTestApp,
} from '../notifications/notification-test-kit';
import { TestBackOffice } from '../support/back-office-sim';
import { SmtpCatcher, statusLink } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * A ticket sent to another municipality, end to end: Kortrijk works in TOPdesk, Menen in Ultimo
 * (both simulated over real HTTP), mails go to a real SMTP server. The SLA, the back-office, the
 * agents who see it and the citizen all follow the move.
 */
describe('Rerouting a ticket to another municipality', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let topdesk: TestBackOffice;
  let ultimo: TestBackOffice;
  let admin: ReturnType<typeof staff>;
  let adminToken: string;

  beforeAll(async () => {
    await smtp.start(0);
    topdesk = await TestBackOffice.start(new TopdeskSimulator());
    ultimo = await TestBackOffice.start(new UltimoSimulator({ requestsPer10s: 100_000 }));
    t = await startMailTestApp(smtp.url, { SYNC_BACKOFF_MS: '50' });
    await topdesk.connect(t, 'kortrijk', {
      categoryMap: {
        '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
      },
      pollSeconds: 3600,
    });
    await ultimo.connect(t, 'menen', { pollSeconds: 3600 });
    adminToken = await t.token();
    admin = staff(t, adminToken);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([topdesk?.close(), ultimo?.close(), smtp.stop()]);
  });

  const reroute = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/tickets/${id}/reroute`).set('Authorization', `Bearer ${token}`).send(body);
  const caseIn = async (backOffice: TestBackOffice, reference: string) => {
    let found: Awaited<ReturnType<TestBackOffice['cases']>> = [];
    await waitFor(
      async () => (found = await backOffice.cases(reference)).length > 0,
      10_000,
      `case ${reference}`,
    );
    return found[0];
  };

  it('moves SLA, back-office case, scope and the citizen’s mail to the new municipality', async () => {
    // Menen answers street lighting within 2 calendar hours: a target Kortrijk does not have.
    const policy = await t
      .http()
      .post('/api/v1/sla/policies')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        municipalityCode: 'menen',
        categoryCode: 'public-lighting',
        priority: null,
        responseTarget: { value: 2, unit: 'hours' },
        resolutionTarget: { value: 5, unit: 'business_days' },
      });
    expect(policy.status).toBe(201);

    const email = reporterEmail();
    const created = await admin.createTicket({ municipalityCode: 'kortrijk' }, { email });
    await smtp.waitFor(email);
    const incident = await caseIn(topdesk, created.reference);

    const kortrijkAgent = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const [agentRow] = await t.sql<{ id: string }>(
      "SELECT id FROM staff_user WHERE municipalities @> '{kortrijk}' ORDER BY created_at DESC LIMIT 1",
    );
    const assigned = await t
      .http()
      .patch(`/api/v1/tickets/${created.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ assigneeId: agentRow.id });
    expect(assigned.body.assignee?.id).toBe(agentRow.id);

    const moved = await reroute(kortrijkAgent, created.id, {
      municipalityCode: 'menen',
      reason: 'Het adres ligt in Menen',
    });
    expect(moved.status).toBe(200);
    const createdAt = (created as unknown as { createdAt: string }).createdAt;
    expect(moved.body).toMatchObject({
      municipalityCode: 'menen',
      reference: created.reference,
      assignee: null,
    });
    // The receipt stays; the new municipality's policy applies from it.
    const expected = new Date(new Date(createdAt).getTime() + 2 * 3600_000).toISOString();
    expect(moved.body.sla.responseDueAt).toBe(expected);
    // Kortrijk's agent let it go: they no longer see it, nor can they send it on again.
    const gone = await t
      .http()
      .get(`/api/v1/tickets/${created.id}`)
      .set('Authorization', `Bearer ${kortrijkAgent}`);
    expect(gone.status).toBe(404);

    // The former incident gets a note saying where the ticket went; Menen's Ultimo gets a job.
    const job = await caseIn(ultimo, created.reference);
    await waitFor(
      async () =>
        ((await topdesk.cases(created.reference))[0]?.notes ?? []).some((n) =>
          n.text.includes('doorgestuurd naar'),
        ),
      10_000,
      'note on the former incident',
    );
    const former = (await topdesk.cases(created.reference))[0];
    expect(former.id).toBe(incident.id);
    expect(former.notes.find((n) => n.text.includes('doorgestuurd'))!.text).toContain(
      'Het adres ligt in Menen',
    );

    // The history goes with the ticket: every event is the new municipality's now.
    const scopes = await t.sql<{ municipality_code: string }>(
      'SELECT DISTINCT municipality_code FROM ticket_event WHERE ticket_id = $1',
      [created.id],
    );
    expect(scopes).toEqual([{ municipality_code: 'menen' }]);
    const history = await admin.history(created.id);
    const types = history.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['rerouted', 'backoffice_released']));
    expect(history.find((e) => e.type === 'rerouted')!.data).toMatchObject({
      from: 'kortrijk',
      to: 'menen',
      reason: 'Het adres ligt in Menen',
    });
    await waitFor(
      async () =>
        ((await admin.ticket(created.id)).externalRefs as { system: string; id: string }[]).some(
          (r) => r.system === 'ultimo' && r.id === job.id,
        ),
      10_000,
      'the Ultimo job linked on the ticket',
    );

    // What happens next reaches Menen's job, not Kortrijk's incident.
    await admin.say(created.id, 'Lamp bij het kruispunt', 'internal');
    await waitFor(
      async () =>
        ((await ultimo.cases(created.reference))[0]?.notes ?? []).some((n) => n.text.includes('kruispunt')),
      10_000,
      'note on the Ultimo job',
    );
    expect(
      ((await topdesk.cases(created.reference))[0].notes ?? []).some((n) => n.text.includes('kruispunt')),
    ).toBe(false);

    // The citizen hears who has it now, from Menen, with the same personal link.
    const [, mail] = await smtp.waitFor(email, 2);
    expect(mail.subject).toBe(`Je melding gaat naar Stad Menen (${created.reference})`);
    const page = await t.http().get(statusLink(mail, PUBLIC_BASE_URL).path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Menen');
  });

  it('refuses what cannot move, with the field and the rule, and changes nothing', async () => {
    const ticket = await admin.createTicket({ municipalityCode: 'kortrijk' }, { email: reporterEmail() });
    const errors = async (body: Record<string, unknown>, status: number) => {
      const res = await reroute(adminToken, ticket.id, body);
      expect(res.status).toBe(status);
      return (res.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    };
    expect(await errors({ municipalityCode: 'menen' }, 400)).toContain('reason:isNotEmpty');
    expect(await errors({ municipalityCode: 'gent', reason: 'x' }, 400)).toEqual([
      'municipalityCode:isKnownMunicipality',
    ]);
    expect(await errors({ municipalityCode: 'kortrijk', reason: 'x' }, 400)).toEqual([
      'municipalityCode:isOtherMunicipality',
    ]);
    // Menen does not offer the category: the agent picks one it does.
    const off = await t
      .http()
      .put('/api/v1/municipalities/menen/category-settings/public-lighting')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ enabled: false });
    expect(off.status).toBe(200);
    expect(await errors({ municipalityCode: 'menen', reason: 'x' }, 422)).toEqual([
      'categoryCode:isOfferedByMunicipality',
    ]);
    const withCategory = await reroute(adminToken, ticket.id, {
      municipalityCode: 'menen',
      categoryCode: 'roads-pavements',
      reason: 'Gewestweg, Menen',
    });
    expect(withCategory.status).toBe(200);
    expect(withCategory.body).toMatchObject({ municipalityCode: 'menen', categoryCode: 'roads-pavements' });

    await admin.move(ticket.id, 'in_progress');
    await admin.move(ticket.id, 'resolved', 'Hersteld');
    const resolved = await reroute(adminToken, ticket.id, { municipalityCode: 'kortrijk', reason: 'x' });
    expect(resolved.status).toBe(409);
    expect((await admin.ticket(ticket.id)).municipalityCode).toBe('menen');
  });
});
