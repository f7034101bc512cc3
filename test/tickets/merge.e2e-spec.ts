import { PUBLIC_BASE_URL, reporterEmail } from '../notifications/notification-test-kit';
import { useKortrijkInTopdesk } from '../support/kortrijk-in-topdesk';
import { statusLink } from '../support/smtp-catcher';
import { waitFor } from '../support/wait-for';

// Metres east of a point near 50.83° N, in degrees of longitude.
const east = (metres: number) => metres / (111_195 * Math.cos((50.8279 * Math.PI) / 180));
const at = (metres: number) => ({ location: { lat: 50.8279, lon: 3.2649 + east(metres) } });

/**
 * Duplicates merged into one ticket, end to end: Kortrijk works in TOPdesk (simulated over real
 * HTTP), mails go to a real SMTP server. Three people report the same broken lamp; the desk merges
 * two reports into the first; the back-office cases name each other; when the first is resolved,
 * all three reporters hear it.
 */
describe('Merging duplicate reports', () => {
  const env = useKortrijkInTopdesk();

  const merge = (token: string, id: string, body: Record<string, unknown>) =>
    env.t.http().post(`/api/v1/tickets/${id}/merge`).set('Authorization', `Bearer ${token}`).send(body);
  const report = (metres: number, email: string) =>
    env.admin.createTicket(
      { categoryCode: 'public-lighting', municipalityCode: 'kortrijk', ...at(metres) },
      { email },
    );
  const caseOf = async (reference: string) => {
    await waitFor(async () => (await env.topdesk.cases(reference)).length > 0, 10_000, `case ${reference}`);
    return (await env.topdesk.cases(reference))[0];
  };
  const notesOf = async (reference: string) => (await env.topdesk.cases(reference))[0]?.notes ?? [];

  it('cancels the duplicates into the first report, notes both cases and tells every reporter of the resolution', async () => {
    const [firstEmail, secondEmail, thirdEmail] = [reporterEmail(), reporterEmail(), reporterEmail()];
    const first = await report(0, firstEmail);
    const second = await report(30, secondEmail);
    const third = await report(60, thirdEmail);
    await Promise.all([
      env.smtp.waitFor(firstEmail),
      env.smtp.waitFor(secondEmail),
      env.smtp.waitFor(thirdEmail),
    ]);
    const firstCase = await caseOf(first.reference);
    await caseOf(second.reference);

    // The desk sees the first report as a possible duplicate of the second, mergeable.
    const related = await env.t
      .http()
      .get(`/api/v1/tickets/${second.id}/related`)
      .set('Authorization', `Bearer ${env.adminToken}`);
    expect(related.body.nearby[0]).toMatchObject({
      reference: first.reference,
      municipalityCode: 'kortrijk',
    });

    // The third into the second, then the second into the first: the third follows to the first.
    expect((await merge(env.adminToken, third.id, { intoTicket: second.reference })).status).toBe(200);
    const merged = await merge(env.adminToken, second.id, {
      intoTicket: first.reference,
      reason: 'Zelfde lamp',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'duplicate',
      mergedInto: { id: first.id, reference: first.reference },
    });
    expect(merged.body.sla.respondedAt).not.toBeNull();
    expect((await env.admin.ticket(third.id)).mergedInto).toEqual({
      id: first.id,
      reference: first.reference,
    });

    // Both histories name each other.
    const secondHistory = await env.admin.history(second.id);
    expect(secondHistory.find((e) => e.type === 'merged')!.data).toMatchObject({
      into: first.reference,
      reason: 'Zelfde lamp',
      intoCases: [firstCase.number],
    });
    const firstHistory = await env.admin.history(first.id);
    expect(firstHistory.filter((e) => e.type === 'merge_received').map((e) => e.data.from)).toEqual([
      second.reference,
    ]);
    const listed = await env.t
      .http()
      .get(`/api/v1/tickets/${first.id}/related`)
      .set('Authorization', `Bearer ${env.adminToken}`);
    expect(listed.body.merged.map((r: { reference: string }) => r.reference).sort()).toEqual(
      [second.reference, third.reference].sort(),
    );

    // The back-office cases: the duplicate's names the first and its incident; the first's the duplicate.
    await waitFor(
      async () => (await notesOf(second.reference)).some((n) => n.text.includes('melding samengevoegd met')),
      10_000,
      'merge note on the duplicate’s incident',
    );
    const secondNote = (await notesOf(second.reference)).find((n) =>
      n.text.includes('melding samengevoegd met'),
    )!;
    expect(secondNote.text).toContain(`${first.reference}, zaak ${firstCase.number}`);
    await waitFor(
      async () => (await notesOf(first.reference)).some((n) => n.text.includes(second.reference)),
      10_000,
      'merge note on the first incident',
    );

    // The duplicates' reporters hear where their report went; the first's reporter hears nothing.
    const [, secondMerged] = await env.smtp.waitFor(secondEmail, 2);
    expect(secondMerged.subject).toBe(
      `Je melding wordt samen met een gelijke melding opgevolgd (${second.reference})`,
    );
    expect(secondMerged.text).not.toContain(first.reference);
    const [, thirdMerged] = await env.smtp.waitFor(thirdEmail, 2);
    expect(thirdMerged.subject).toContain(third.reference);
    const page = await env.t.http().get(statusLink(secondMerged, PUBLIC_BASE_URL).path);
    expect(page.text).toContain('Samen opgevolgd met een gelijke melding');

    // Resolved: all three reporters get the resolution, each with their own reference and link.
    await env.admin.move(first.id, 'in_progress');
    await env.admin.move(first.id, 'resolved', 'De lamp is vervangen.');
    const [, firstResolution] = await env.smtp.waitFor(firstEmail, 2);
    const [, , secondResolution] = await env.smtp.waitFor(secondEmail, 3);
    const [, , thirdResolution] = await env.smtp.waitFor(thirdEmail, 3);
    expect(firstResolution.subject).toBe(`Je melding is afgehandeld (${first.reference})`);
    expect(secondResolution.subject).toBe(`Je melding is afgehandeld (${second.reference})`);
    expect(thirdResolution.subject).toBe(`Je melding is afgehandeld (${third.reference})`);
    for (const mail of [secondResolution, thirdResolution])
      expect(mail.text).toContain('De lamp is vervangen.');
    const resolvedPage = await env.t.http().get(statusLink(secondResolution, PUBLIC_BASE_URL).path);
    expect(resolvedPage.text).toContain('Afgehandeld');
    expect(resolvedPage.text).toContain('De lamp is vervangen.');
    const publicView = await env.t
      .http()
      .get(`/api/v1/public/tickets/${statusLink(secondResolution, PUBLIC_BASE_URL).token}`);
    expect(publicView.body).toMatchObject({ status: 'cancelled', merged: { resolved: true } });
    expect(JSON.stringify(publicView.body)).not.toContain(first.reference);
  });

  it('refuses what cannot be merged, with the field and the rule, and changes nothing', async () => {
    const one = await report(500, reporterEmail());
    const two = await report(520, reporterEmail());
    const fail = async (
      id: string,
      body: Record<string, unknown>,
      status: number,
      token = env.adminToken,
    ) => {
      const res = await merge(token, id, body);
      expect(res.status).toBe(status);
      return res.body as { errors?: { field: string; rule: string }[] };
    };
    const rules = (body: { errors?: { field: string; rule: string }[] }) =>
      (body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

    expect(rules(await fail(one.id, {}, 400))).toContain('intoTicket:matches');
    expect(rules(await fail(one.id, { intoTicket: 'ZWVL-2026-99999999' }, 400))).toEqual([
      'intoTicket:isVisibleTicket',
    ]);
    expect(rules(await fail(one.id, { intoTicket: one.reference }, 400))).toEqual([
      'intoTicket:isOtherTicket',
    ]);
    const menen = await env.admin.createTicket({
      municipalityCode: 'menen',
      categoryCode: 'public-lighting',
    });
    expect(rules(await fail(one.id, { intoTicket: menen.id }, 422))).toEqual([
      'intoTicket:isSameMunicipality',
    ]);
    // A Kortrijk agent cannot reach a Menen ticket by merging into it.
    const kortrijk = await env.t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect(rules(await fail(one.id, { intoTicket: menen.id }, 400, kortrijk))).toEqual([
      'intoTicket:isVisibleTicket',
    ]);
    expect((await fail(menen.id, { intoTicket: one.id }, 404, kortrijk)).errors).toBeUndefined();

    await env.admin.move(two.id, 'in_progress');
    await env.admin.move(two.id, 'resolved', 'Hersteld');
    await env.admin.move(two.id, 'closed');
    await fail(one.id, { intoTicket: two.id }, 409);
    expect(await env.admin.ticket(one.id)).toMatchObject({ status: 'new', mergedInto: null });
    expect((await env.admin.history(two.id)).some((e) => e.type === 'merge_received')).toBe(false);
  });
});
