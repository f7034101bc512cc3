import { createHash } from 'node:crypto';
import { BackOfficeAdapters, BackOfficeConnections } from '@meldpunt/adapters';
import { webhookSignature } from '@meldpunt/identity';
import { CitizenAccessTokens } from '@meldpunt/notifications';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { useConnectedApp, type TestBackOffice } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';

/**
 * The sync engine end to end against the TOPdesk simulator over real HTTP: a ticket becomes an
 * incident, messages become actions, waiting for the citizen puts it on hold, and the back-office's
 * completion comes back as our resolution with its closing text.
 */
describe('Back-office sync with TOPdesk', () => {
  const app = useConnectedApp(() => new TopdeskSimulator(), {
    env: { SYNC_BACKOFF_MS: '50', WEB_FORM_MIN_FILL_SECONDS: '0' },
    settings: {
      categoryMap: {
        '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
      },
      pollSeconds: 3600,
    },
  });

  const auth = () => ({ Authorization: `Bearer ${app.admin}` });
  const caseOf = async (reference: string) => {
    let found: Awaited<ReturnType<TestBackOffice['cases']>> = [];
    await waitFor(
      async () => (found = await app.backOffice.cases(reference)).length > 0,
      10_000,
      `incident ${reference}`,
    );
    return found;
  };
  const nudge = async () => {
    const secret = await app.t.http().post('/api/v1/integrations/kortrijk/webhook-secret').set(auth());
    const body = Buffer.from('{"event":"incident changed"}');
    const res = await app.t
      .http()
      .post('/api/v1/integrations/kortrijk/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Signature', webhookSignature(body, secret.body.secret as string))
      .send(body.toString());
    expect(res.body.outcome).toBe('polled');
  };

  it('keeps credentials write-only and sealed', async () => {
    const view = await app.t.http().get('/api/v1/municipalities/kortrijk/back-office').set(auth());
    expect(view.body).toMatchObject({
      type: 'topdesk',
      baseUrl: app.backOffice.baseUrl,
      hasCredentials: true,
    });
    expect(JSON.stringify(view.body)).not.toContain('sim-app-password');
    const [row] = await app.t.sql<{ sealed: string }>(
      "SELECT sealed FROM back_office_credential WHERE municipality_code = 'kortrijk'",
    );
    expect(row.sealed).toMatch(/^v1\./);
    expect(row.sealed).not.toContain('sim-app-password');
  });

  it('refuses incomplete settings with the field and the rule', async () => {
    const res = await app.t
      .http()
      .put('/api/v1/municipalities/menen/back-office')
      .set(auth())
      .send({ type: 'ultimo', baseUrl: 'https://menen.ultimo.net/api/v1', statusMap: { '16': 'done' } });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['statusMap.16:isIn', 'credentials.apiKey:isNotEmpty']));
    const agent = await app.t.token({ roles: ['regional_agent'] });
    const forbidden = await app.t
      .http()
      .put('/api/v1/municipalities/menen/back-office')
      .set('Authorization', `Bearer ${agent}`)
      .send({ type: 'none' });
    expect(forbidden.status).toBe(403);
  });

  it('puts the photos of a web form report on its incident, and a retried create sends none twice', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const form = await app.t.http().get('/melden');
    const token = /name="form_token" value="([^"]+)"/.exec(form.text)![1];
    const email = `foto.${Date.now()}@example.be`;
    const posted = await app.t
      .http()
      .post('/melden')
      .field('form_token', token)
      .field('category', 'public-lighting')
      .field('description', 'Lamp kapot, zie foto')
      .field('municipality', 'kortrijk')
      .field('email', email)
      .attach('photos', png, 'lamp.png')
      .redirects(0);
    expect(posted.status).toBe(303);
    const [{ reference }] = await app.t.sql<{ reference: string }>(
      'SELECT reference FROM ticket WHERE reporter_email = $1',
      [email],
    );
    let incident = (await caseOf(reference))[0] as {
      id: string;
      attachments?: { fileName: string; sha256: string }[];
    };
    await waitFor(
      async () =>
        ((incident = (await app.backOffice.cases(reference))[0] as typeof incident).attachments?.length ??
          0) > 0,
      10_000,
      'attachment on the incident',
    );
    expect(incident.attachments).toEqual([
      expect.objectContaining({
        fileName: 'lamp.png',
        sha256: createHash('sha256').update(png).digest('hex'),
      }),
    ]);
    // As a retried create would: the file is on the case already, so nothing is sent.
    const conn = (await app.t.app.get(BackOfficeConnections).get('kortrijk'))!;
    const adapter = app.t.app.get(BackOfficeAdapters).for(conn.type);
    const sent = await adapter.addAttachments!(conn, { id: incident.id, created: false }, [
      { filename: 'lamp.png', contentType: 'image/png', content: png },
    ]);
    expect(sent).toBe(0);
    expect(((await app.backOffice.cases(reference))[0] as typeof incident).attachments).toHaveLength(1);
  });

  it('creates one incident per ticket with our reference, and records it on the ticket', async () => {
    const ticket = await app.createTicket();
    const [incident] = await caseOf(ticket.reference);
    expect(incident.reference).toBe(ticket.reference);
    await waitFor(async () => {
      const res = await app.t.http().get(`/api/v1/tickets/${ticket.id}`).set(auth());
      return res.body.externalRefs.length === 1;
    });
    const res = await app.t.http().get(`/api/v1/tickets/${ticket.id}`).set(auth());
    expect(res.body.externalRefs[0]).toMatchObject({
      system: 'topdesk',
      id: incident.id,
      number: incident.number,
    });
    const history = await app.t.http().get(`/api/v1/tickets/${ticket.id}/history`).set(auth());
    expect(history.body.map((e: { type: string }) => e.type)).toContain('backoffice_linked');
  });

  it('passes messages on as actions and waiting for the citizen as on hold, in order', async () => {
    const ticket = await app.createTicket();
    const { id } = ticket;
    await app.t
      .http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth())
      .send({ visibility: 'internal', body: 'Ladder nodig' });
    await app.t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth()).send({ to: 'in_progress' });
    await app.t
      .http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(auth())
      .send({ to: 'waiting_for_citizen', message: 'Welk huisnummer precies?' });
    await waitFor(async () => (await caseOf(ticket.reference))[0].onHold, 10_000, 'on hold');
    const [incident] = await app.backOffice.cases(ticket.reference);
    expect(incident.notes.map((n) => [n.text, n.public])).toEqual(
      expect.arrayContaining([[expect.stringContaining('Ladder nodig'), false]]),
    );
    await app.t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth()).send({ to: 'in_progress' });
    await waitFor(async () => !(await app.backOffice.cases(ticket.reference))[0].onHold, 10_000, 'resumed');
  });

  it('brings the completion back as our resolution, once, with the closing text and the source', async () => {
    const ticket = await app.createTicket();
    const [incident] = await caseOf(ticket.reference);
    await waitFor(
      async () =>
        (await app.t.sql('SELECT 1 FROM back_office_link WHERE external_id = $1', [incident.id])).length > 0,
    );
    await app.backOffice.addNote(incident.id, 'Lamp besteld bij de leverancier');
    await app.backOffice.setStatus(
      incident.id,
      'completed',
      'Lamp vervangen door de ploeg openbare verlichting.',
    );
    await nudge();
    await waitFor(
      async () =>
        (await app.t.http().get(`/api/v1/tickets/${ticket.id}`).set(auth())).body.status === 'resolved',
      10_000,
      'resolved',
    );
    await nudge(); // a second look at the same change must change nothing
    await new Promise((r) => setTimeout(r, 500));
    const history = (await app.t.http().get(`/api/v1/tickets/${ticket.id}/history`).set(auth())).body as {
      type: string;
      actor: { type: string; name: string };
      data: Record<string, unknown>;
    }[];
    const fromTopdesk = history.filter((e) => e.actor.type === 'backoffice');
    expect(fromTopdesk.map((e) => e.actor.name)).toEqual(expect.arrayContaining(['TOPdesk']));
    const resolved = fromTopdesk.filter((e) => e.type === 'status_changed' && e.data.to === 'resolved');
    expect(resolved).toHaveLength(1);
    expect(resolved[0].data.message).toBe('Lamp vervangen door de ploeg openbare verlichting.');
    // No agent had responded: the back-office's completion, mailed to the citizen, stops the
    // response clock too (it used to stay open forever and count as open in the SLA report).
    const [clocks] = await app.t.sql<{ responded_at: Date | null; resolved_at: Date | null }>(
      'SELECT responded_at, resolved_at FROM ticket WHERE id = $1',
      [ticket.id],
    );
    expect(clocks.responded_at).not.toBeNull();
    expect(clocks.responded_at!.getTime()).toBeLessThanOrEqual(clocks.resolved_at!.getTime() + 1000);
    const notes = fromTopdesk.filter((e) => e.type === 'message_internal');
    expect(notes).toHaveLength(1);
    expect(notes[0].data.body).toContain('Lamp besteld bij de leverancier');
    // Nothing that came from TOPdesk went back to it.
    const [tasks] = await app.t.sql<{ n: string }>(
      "SELECT count(*) AS n FROM back_office_sync_task WHERE ticket_id = $1 AND operation <> 'create'",
      [ticket.id],
    );
    expect(Number(tasks.n)).toBe(0);
  });

  it('loses no webhook nudge that comes in the same second as a poll that already ran', async () => {
    const ticket = await app.createTicket();
    const [incident] = await caseOf(ticket.reference);
    await waitFor(
      async () =>
        (await app.t.sql('SELECT 1 FROM back_office_link WHERE external_id = $1', [incident.id])).length > 0,
    );
    const polledAt = async () =>
      (
        await app.t.sql<{ polled_at: Date | null }>(
          `SELECT polled_at FROM back_office_cursor WHERE municipality_code = 'kortrijk'`,
        )
      )[0]?.polled_at?.getTime() ?? 0;
    // At the start of a second: a nudge, its poll (nothing new), then the completion and a second
    // nudge in that same second. Polls are hourly here: only that second nudge can bring it in.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    const before = await polledAt();
    await nudge();
    await waitFor(async () => (await polledAt()) > before, 5000, 'first poll');
    await app.backOffice.setStatus(incident.id, 'completed', 'Gedaan.');
    await nudge();
    await waitFor(
      async () =>
        (await app.t.http().get(`/api/v1/tickets/${ticket.id}`).set(auth())).body.status === 'resolved',
      5000,
      'resolved by the second nudge',
    );
  });

  it('reopens the incident when the citizen reopens the resolved ticket, and it stays reopened', async () => {
    const ticket = await app.createTicket();
    const [incident] = await caseOf(ticket.reference);
    await waitFor(
      async () =>
        (await app.t.sql('SELECT 1 FROM back_office_link WHERE external_id = $1', [incident.id])).length > 0,
    );
    await app.backOffice.setStatus(incident.id, 'completed', 'Lamp vervangen.');
    const status = async () =>
      (await app.t.http().get(`/api/v1/tickets/${ticket.id}`).set(auth())).body.status;
    await nudge();
    await waitFor(async () => (await status()) === 'resolved', 10_000, 'resolved');

    // The citizen answers from their private link: "it is broken again".
    const token = await app.t.app
      .get(CitizenAccessTokens)
      .issue({ ticketId: ticket.id, municipalityCode: 'kortrijk' }, null);
    const reply = await app.t
      .http()
      .post(`/status/${token}/reply`)
      .type('form')
      .send({ body: 'De lamp is opnieuw stuk.' })
      .redirects(0);
    expect(reply.status).toBe(303);
    expect(await status()).toBe('in_progress');
    type Case = { completed: boolean; status: string; notes: { text: string; public: boolean }[] };
    let reopened: Case | undefined;
    await waitFor(
      async () => (reopened = (await app.backOffice.cases(ticket.reference))[0] as Case).completed === false,
      10_000,
      'incident reopened',
    );
    expect(reopened!.status).toBe('In behandeling');
    expect(reopened!.notes.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('de burger heeft het ticket heropend'),
        expect.stringContaining('De lamp is opnieuw stuk.'),
      ]),
    );
    // The next look at the incident finds it open: our ticket is not resolved again.
    await nudge();
    await new Promise((r) => setTimeout(r, 500));
    expect(await status()).toBe('in_progress');
  });
});
