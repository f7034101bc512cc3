import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { DEMO_ACCOUNT } from '@meldpunt/platform';
import { NOT_NOW, setOpeningHours } from '../support/opening-hours';
import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';
import {
  ensureConsoleBuilt,
  launchChromium,
  logInWithKeyboard,
  openConsole,
  openConsoleForAxe,
} from './console-browser';
import { Agent, createAgent, seedQueue } from './queue-seed';
import { ask, connect, next } from '../chat/chat-client';
import { waitFor } from '../support/wait-for';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const SCREENSHOT = join(ARTIFACTS, 'console-queue.png');
const DOCS_SCREENSHOT = join(__dirname, '..', '..', 'docs', 'console-queue.png');

/**
 * The agents' console in a real browser (Debian's Chromium) against the real api, worker and
 * socket: two agents, one takes a phone call with the keyboard only, the other sees it arrive.
 */
describe('Agent console (browser)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let els: Agent;
  let jan: Agent;

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const admin = await t.token();
    els = await createAgent(t, admin, 'Els Vandenberghe', 'els');
    jan = await createAgent(t, admin, 'Jan Desmet', 'jan');
    await seedQueue(t, admin, els);
    // The caller of the test has called before: the intake must find that ticket.
    await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(
        ticketBody({
          subject: 'Straatlamp knippert',
          reporter: { name: 'An Peeters', phone: '+32 470 12 34 56' },
        }),
      );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the console at /console with a CSP, its routes, and leaves API 404s alone', async () => {
    const page = await t.http().get('/console/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    const deepLink = await t.http().get('/console/tickets/ZWVL-2026-000001');
    expect(deepLink.status).toBe(200);
    expect(deepLink.text).toContain('<div id="root">');
    const asset = await t.http().get('/console/assets/missing.js');
    expect(asset.status).toBe(404);
    const api = await t.http().get('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });

  it('takes a phone call by keyboard, shows it live in another queue, answers the citizen and resolves it', async () => {
    const [a, b] = await Promise.all([openConsole(browser, baseUrl), openConsole(browser, baseUrl)]);
    try {
      const cspViolations: string[] = [];
      for (const page of [a, b])
        page.on('console', (m) => m.type() === 'error' && cspViolations.push(m.text()));
      await Promise.all([
        logInWithKeyboard(a, els.email, els.password),
        logInWithKeyboard(b, jan.email, jan.password),
      ]);
      await Promise.all([waitLive(a), waitLive(b)]);
      await b.locator('[data-testid="queue"] tbody tr').nth(6).waitFor();

      // Agent A takes the call: n opens the intake with the focus on the phone number.
      await a.keyboard.press('n');
      await a.getByRole('heading', { name: 'Nieuwe oproep' }).waitFor();
      await waitForFocus(a, 'intake-phone');
      await typeAndTab(a, '0470 12 34 56'); // phone
      await a.getByTestId('caller-history').getByText('Straatlamp knippert').waitFor();
      await expectText(a.getByTestId('caller-history'), 'Eerdere tickets van deze beller (1)');
      await typeAndTab(a, 'an.peeters@example.be'); // e-mail
      await typeAndTab(a, 'An Peeters'); // name
      await a.keyboard.press('Tab'); // language: Nederlands
      await a.keyboard.press('Space'); // consent
      await a.keyboard.press('Tab'); // kind: report (arrow keys would change it)
      await a.keyboard.press('Tab');
      await a.keyboard.type('verlicht'); // category, searched as typed
      await a.getByRole('option', { name: /Openbare verlichting/ }).waitFor();
      await a.keyboard.press('Enter');
      await a.keyboard.press('Tab');
      await typeAndTab(a, 'De straatlamp voor nummer 3 is al drie nachten stuk.'); // description
      await typeAndTab(a, 'Straatlamp stuk in Heule'); // subject
      await a.keyboard.press('Tab'); // priority: category default
      await a.keyboard.type('Kerkstraat 3, Heule'); // address: Heule is in Kortrijk
      await expectText(a.getByTestId('intake-resolved'), 'Gemeente: Kortrijk');
      await a.getByTestId('sla-preview').waitFor();
      await a.screenshot({ path: join(ARTIFACTS, 'console-intake.png') });
      await a.keyboard.press('Control+Enter');
      const reference = (await a.getByTestId('created-reference').innerText()).trim();
      expect(reference).toMatch(/^ZWVL-\d{4}-\d{6,}$/);

      // Agent B's queue shows it without a reload, marked as new.
      const row = b.locator(`[data-testid="queue"] tr[data-reference="${reference}"]`);
      await row.waitFor({ timeout: 10_000 });
      await expectText(row, 'nieuw');
      await expectText(row, 'Straatlamp stuk in Heule');
      await b.screenshot({ path: SCREENSHOT });

      // Agent A opens the ticket and answers the citizen publicly.
      await a.keyboard.press('Tab'); // "Nieuwe oproep"
      await a.keyboard.press('Tab'); // "Ticket openen"
      await a.keyboard.press('Enter');
      await a.getByTestId('ticket').waitFor();
      await expectText(a.getByTestId('ticket-status'), 'Nieuw');
      await a.keyboard.press('r');
      await waitForFocus(a, 'composer-body');
      await a.keyboard.type(
        'Dag mevrouw Peeters, we hebben de stad Kortrijk gevraagd de lamp te herstellen.',
      );
      await a.keyboard.press('Control+Enter');
      await expectText(a.getByTestId('history'), 'Dag mevrouw Peeters');
      await expectText(a.locator('.history-item[data-type="message_public"]'), 'Antwoord aan de burger');

      // ...moves it to in progress, then to resolved with what was done (Esc leaves the text field).
      await a.keyboard.press('Escape');
      await a.keyboard.press('s');
      await expectFocused(a, 'in_progress');
      await a.keyboard.press('Enter');
      await expectText(a.getByTestId('ticket-status'), 'In behandeling');
      await a.keyboard.press('s');
      await a.keyboard.press('Tab'); // past "Vraag stellen aan de burger" to "Opgelost"
      await expectFocused(a, 'resolved');
      await a.keyboard.press('Enter');
      await a.getByTestId('transition-message').waitFor();
      await a.keyboard.type('De lamp is vervangen.');
      await a.keyboard.press('Control+Enter');
      await expectText(a.getByTestId('ticket-status'), 'Opgelost');
      expect(await a.getByTestId('ticket').getAttribute('data-status')).toBe('resolved');
      await a.screenshot({ path: join(ARTIFACTS, 'console-ticket.png'), fullPage: true });

      // The resolved ticket leaves B's queue of open tickets, live.
      await row.waitFor({ state: 'detached', timeout: 10_000 });
      const [ticket] = await t.sql<{ status: string }>('SELECT status FROM ticket WHERE reference = $1', [
        reference,
      ]);
      expect(ticket.status).toBe('resolved');
      expect(cspViolations.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    } catch (error) {
      // What each agent saw when a step failed, in test/artifacts.
      await a
        .screenshot({ path: join(ARTIFACTS, 'failure-agent-a.png'), fullPage: true })
        .catch(() => undefined);
      await b
        .screenshot({ path: join(ARTIFACTS, 'failure-agent-b.png'), fullPage: true })
        .catch(() => undefined);
      throw error;
    }
    if (process.env.UPDATE_SCREENSHOT) {
      mkdirSync(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      copyFileSync(SCREENSHOT, DOCS_SCREENSHOT);
    }
  });

  it('says plainly when the connection drops, and catches up on what it missed once back', async () => {
    // The socket goes through Playwright: it can drop it, and hold the reconnects unanswered.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    const page = await openConsole(browser, baseUrl, (p) =>
      p.routeWebSocket(/\/socket\.io\//, (ws) => {
        sockets.push(ws);
        if (!offline) ws.connectToServer();
      }),
    );
    await logInWithKeyboard(page, jan.email, jan.password);
    await waitLive(page);
    await page.locator('[data-testid="queue"] tbody tr').first().waitFor();

    offline = true;
    await sockets[sockets.length - 1].close();
    await page.getByTestId('reconnecting').waitFor();
    await page.locator('[data-live="reconnecting"]').waitFor();
    await page.locator('.queue-table.is-stale').waitFor();

    // A call comes in elsewhere while this console is cut off.
    const missed = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send(ticketBody({ subject: 'Boom over de rijweg', reporter: { name: 'Koen Lambrecht' } }));
    expect(missed.status).toBe(201);

    offline = false;
    for (const ws of sockets.slice(1)) await ws.close();
    await waitLive(page);
    await page.getByTestId('reconnecting').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="queue"] tr[data-reference="${missed.body.reference}"]`).waitFor();
    expect(await page.locator('.queue-table.is-stale').count()).toBe(0);
    await page.context().close();
  });

  it('shows the photos that came with a ticket, and another report nearby as a possible duplicate', async () => {
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send(ticketBody({ subject: 'Put met foto' }));
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await t.sql(
      `INSERT INTO ticket_attachment (id, ticket_id, municipality_code, filename, content_type, size, sha256, content)
       VALUES (gen_random_uuid(), $1, $2, 'put.png', 'image/png', $3, repeat('0', 64), $4)`,
      [created.body.id, created.body.municipalityCode, png.length, png],
    );
    const page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
    const photo = page.locator('[data-testid="attachment"] img[alt="put.png"]');
    await photo.waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="attachment"] img').naturalWidth === 1`);
    expect(await page.locator('[data-testid="attachment"] a[download="put.png"]').count()).toBe(1);
    await expectText(page.locator('#attachments-title'), 'Bijlagen (1)');

    // A second report of the same lamp, a few metres on: the first shows as a possible duplicate.
    const again = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send(ticketBody({ subject: 'Dezelfde lamp', location: { lat: 50.8279, lon: 3.2649 } }));
    await t.sql('UPDATE ticket SET location_lat = 50.82791, location_lon = 3.26492 WHERE id = $1', [
      created.body.id,
    ]);
    await page.goto(`${baseUrl}/console/tickets/${again.body.reference}`);
    await page.getByTestId('related-nearby').getByRole('link', { name: created.body.reference }).click();
    await page.waitForURL(new RegExp(`/console/tickets/${created.body.reference}$`));
    await page.context().close();
  });

  it('merges a second report of the same thing into the first: cancelled, pointing there, listed there; no axe violations', async () => {
    const admin = await t.token();
    const report = async (subject: string, lon: number) =>
      (
        await t
          .http()
          .post('/api/v1/tickets')
          .set('Authorization', `Bearer ${admin}`)
          .send(ticketBody({ subject, location: { lat: 50.8012, lon } }))
      ).body as { id: string; reference: string };
    const first = await report('Boom op fietspad', 3.2801);
    const second = await report('Omgevallen boom', 3.28015);
    const page = await openConsoleForAxe(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.goto(`${baseUrl}/console/tickets/${second.reference}`);
    await page
      .getByTestId('related-nearby')
      .getByRole('button', { name: `Hiermee samenvoegen: ${first.reference}` })
      .click();
    await expectText(
      page.locator('#merge-title'),
      `${second.reference} wordt geannuleerd als dubbele melding`,
    );
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
    await expectText(page.getByTestId('ticket-status'), 'Geannuleerd');
    await page.getByTestId('merged-into').getByRole('link').click();
    await page.waitForURL(new RegExp(`/console/tickets/${first.reference}$`));
    await expectText(page.getByTestId('related-merged'), second.reference);
    await expectText(page.getByTestId('history'), `Dubbele melding ${second.reference} hiermee samengevoegd`);
    await page.context().close();
  });

  it('asks an outside party about a ticket and shows its answer as it arrives through the party’s link; no axe violations', async () => {
    const admin = await t.token();
    const created = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${admin}`)
        .send(ticketBody({ subject: 'Gasgeur', location: { lat: 50.79, lon: 3.3 } }))
    ).body as { id: string; reference: string };
    const page = await openConsoleForAxe(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.goto(`${baseUrl}/console/tickets/${created.reference}`);
    await page.getByRole('button', { name: 'Vraag aan een externe partij' }).click();
    await page.getByLabel('Partij (bv. Fluvius, politiezone)').fill('Fluvius');
    await page.getByLabel('E-mailadres van de partij').fill('storingen@fluvius.example');
    await page.getByLabel('Vraag', { exact: true }).fill('Kunnen jullie de leiding nakijken?');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expectText(page.getByTestId('forwards'), 'Fluvius · wacht op antwoord');
    await expectText(page.getByTestId('history'), 'Vraag aan Fluvius');

    // The party's link, as its e-mail would carry it: the answer reaches the open console live.
    const token = 'F'.repeat(43);
    const [forward] = await t.sql<{ id: string; expires_at: Date }>(
      'SELECT id, expires_at FROM ticket_forward WHERE ticket_id = $1',
      [created.id],
    );
    await t.sql(
      "INSERT INTO forward_access_token (token_hash, forward_id, expires_at) VALUES (encode(sha256($1::bytea), 'hex'), $2, $3)",
      [token, forward.id, forward.expires_at],
    );
    const answered = await t
      .http()
      .post(`/extern/${token}/answer`)
      .type('form')
      .send({ body: 'Morgen om 9 uur ter plaatse.' });
    expect(answered.status).toBe(303);
    await expectText(page.getByTestId('history'), 'Morgen om 9 uur ter plaatse.');
    await expectText(page.getByTestId('forwards'), 'Fluvius · beantwoord (1)');
    await page.context().close();
  });

  it('keeps the watch on its page, shows who was paged for an urgent ticket out of hours, and takes the page; no axe violations', async () => {
    const admin = await t.token();
    const auth = { Authorization: `Bearer ${admin}` };
    await setOpeningHours(t, admin, 'wervik', NOT_NOW);
    // The supervisor's page: Els on watch for Wervik from an hour ago until an hour from now.
    const local = (ms: number) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Brussels',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(new Date(ms))
        .replace(' ', 'T');
    const roster = await openConsoleForAxe(browser, baseUrl);
    await logInWithKeyboard(roster, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await roster.getByTestId('nav-on-call').click();
    await roster.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Wervik' });
    await roster.getByLabel('Wie', { exact: true }).selectOption({ label: 'Els Vandenberghe' });
    await roster.getByLabel('Van', { exact: true }).fill(local(Date.now() - 3600_000));
    await roster.getByLabel('Tot', { exact: true }).fill(local(Date.now() + 3600_000));
    await roster.getByLabel('Gsm voor sms').fill('0470 33 33 33');
    await roster.getByRole('button', { name: 'Toevoegen' }).click();
    await expectText(roster.getByTestId('on-call-shifts'), 'Els Vandenberghe');
    await expectText(roster.getByTestId('on-call-shifts'), '+32470333333');
    await expectNoAxeViolations(roster);
    await roster.context().close();
    const created = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(auth)
        .send(ticketBody({ municipalityCode: 'wervik', priority: 'P1', subject: 'Wateroverlast' }))
    ).body as { id: string; reference: string };
    const page = await openConsoleForAxe(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.goto(`${baseUrl}/console/tickets/${created.reference}`);
    await expectText(page.getByTestId('on-call-pages'), 'Els Vandenberghe');
    await expectText(page.getByTestId('on-call-pages'), 'opgeroepen, wacht op bevestiging');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ik neem het op' }).click();
    await expectText(page.getByTestId('on-call-pages'), 'opgenomen door Els Vandenberghe');
    await expectText(page.getByTestId('history'), 'Wachtdienst opgeroepen: Els Vandenberghe');
    await page.context().close();
  });

  it('keeps a standard answer made on its page, and inserts it filled in, by keyboard, in the reply box', async () => {
    const admin = await t.token();
    const manage = await openConsole(browser, baseUrl);
    await logInWithKeyboard(manage, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await manage.getByTestId('nav-answers').click();
    await manage.getByLabel('Titel').fill('Doorgegeven');
    await manage.getByLabel('Tekst in het Nederlands').fill('Uw melding {reference} is doorgegeven.');
    await manage.getByLabel('Tekst in het Frans').fill('Transmis.');
    await manage.getByLabel('Tekst in het Engels').fill('Passed on.');
    await manage.getByRole('button', { name: 'Bewaren' }).click();
    await manage.getByText('Het standaardantwoord is bewaard.').waitFor();
    await manage.getByTestId('answers').getByText('Doorgegeven', { exact: true }).waitFor();
    // Edited on the same page: the form takes the answer, a save replaces it (PUT).
    await manage.getByRole('button', { name: 'Bewerken: Doorgegeven' }).click();
    await manage.getByRole('heading', { name: 'Standaardantwoord bewerken' }).waitFor();
    await manage
      .getByLabel('Tekst in het Nederlands')
      .fill('Uw melding {reference} is doorgegeven aan de dienst.');
    await manage.getByRole('button', { name: 'Bewaren' }).click();
    await manage.getByText('Het standaardantwoord is bewaard.').waitFor();
    await manage.getByRole('heading', { name: 'Nieuw standaardantwoord' }).waitFor();
    // A placeholder that does not exist is refused, with the reason, and nothing is kept.
    await manage.getByLabel('Titel').fill('Fout');
    await manage.getByLabel('Tekst in het Nederlands').fill('Beste {naam}');
    await manage.getByLabel('Tekst in het Frans').fill('x');
    await manage.getByLabel('Tekst in het Engels').fill('x');
    await manage.getByRole('button', { name: 'Bewaren' }).click();
    await manage.getByRole('alert').filter({ hasText: '{naam}' }).waitFor();
    await manage.context().close();
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(ticketBody({ subject: 'Met standaardantwoord' }));
    const page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
    const picker = page.getByLabel('Standaardantwoord', { exact: true });
    await picker.waitFor();
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    const inserted = `Uw melding ${created.body.reference} is doorgegeven aan de dienst.`;
    await waitFor(
      async () => (await page.getByTestId('composer-body').inputValue()) === inserted,
      5000,
      'answer inserted',
    );
    await page.context().close();
  });

  it('keeps a municipality’s categories on their page: off, renamed and mapped, its own added; the intake offers just those', async () => {
    const admin = await t.token();
    const page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await page.getByTestId('nav-categories').click();
    await page.getByRole('heading', { name: 'Categorieën per gemeente' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('avelgem');
    const saved = async () => {
      await page.getByRole('status').filter({ hasText: 'De categorie is bewaard.' }).waitFor();
    };
    // Turn one off.
    await page.getByLabel('Aangeboden: Groenonderhoud').uncheck();
    await saved();
    // Rename one and say where it goes in the back-office.
    await page.getByRole('button', { name: 'Bewerken: Openbare verlichting' }).click();
    await page.getByLabel('Naam in het Nederlands').fill('Straatlampen');
    await page.getByLabel('Back-office').fill('category = Openbaar domein\nsubcategory = Verlichting');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await saved();
    await expectText(page.getByTestId('category-public-lighting'), 'regionaal: Openbare verlichting');
    await expectText(page.getByTestId('category-public-lighting'), 'subcategory = Verlichting');
    // Add its own.
    await page.getByTestId('category-add').click();
    await page.getByLabel('Code (kleine letters, cijfers en koppeltekens)').fill('parking-permits');
    await page.getByLabel('Naam in het Nederlands').fill('Parkeerkaarten');
    await page.getByLabel('Naam in het Frans').fill('Cartes de stationnement');
    await page.getByLabel('Naam in het Engels').fill('Parking permits');
    await page.getByRole('checkbox', { name: 'Vraag', exact: true }).check();
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await saved();
    await expectText(page.getByTestId('category-parking-permits'), 'Eigen categorie');

    // What the API now says, for Avelgem only.
    const offered = (await t.http().get('/api/v1/municipalities/avelgem/categories')).body as {
      code: string;
      name: { nl: string };
    }[];
    expect(offered.map((c) => c.code)).not.toContain('green-maintenance');
    expect(offered.find((c) => c.code === 'public-lighting')?.name.nl).toBe('Straatlampen');
    expect(offered.map((c) => c.code)).toContain('parking-permits');
    const connection = await t
      .http()
      .get('/api/v1/municipalities/avelgem/back-office')
      .set('Authorization', `Bearer ${admin}`);
    expect(connection.body.categoryMap['public-lighting']).toEqual({
      category: 'Openbaar domein',
      subcategory: 'Verlichting',
    });

    // The intake for Avelgem offers its own category and its names, not the one turned off.
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-municipality').selectOption('avelgem');
    await page.getByTestId('category').fill('Parkeer');
    await page.getByRole('option', { name: /Parkeerkaarten/ }).waitFor();
    await page.getByTestId('category').fill('Straatlamp');
    await page.getByRole('option', { name: /Straatlampen/ }).waitFor();
    await page.getByTestId('category').fill('Groen');
    await page.getByRole('option', { name: /Straatlampen/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('option', { name: /Groenonderhoud/ }).count()).toBe(0);
    // Another municipality still offers it.
    await page.getByTestId('intake-municipality').selectOption('menen');
    await page.getByTestId('category').fill('Groen');
    await page.getByRole('option', { name: /Groenonderhoud/ }).waitFor();
    await page.context().close();
  });

  it('shows supervisors the overview of a period, as the API computes it, and downloads it as CSV and Excel; no axe violations', async () => {
    const admin = await t.token();
    const day = 86_400_000;
    const to = new Date(Math.ceil(Date.now() / day) * day);
    const query = (municipality?: string) =>
      new URLSearchParams({
        from: new Date(to.getTime() - 30 * day).toISOString(),
        to: to.toISOString(),
        ...(municipality ? { municipality } : {}),
      }).toString();
    const figures = async (municipality?: string) =>
      (
        await t
          .http()
          .get(`/api/v1/reports/dashboard?${query(municipality)}`)
          .set('Authorization', `Bearer ${admin}`)
      ).body;
    const region = await figures();
    const kortrijk = await figures('kortrijk');
    expect(region.volumes.total).toBeGreaterThan(kortrijk.volumes.total);

    const page = await openConsoleForAxe(browser, baseUrl);
    await logInWithKeyboard(page, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await page.getByTestId('nav-dashboard').click();
    const tickets = page
      .getByTestId('dashboard-tiles')
      .locator('div')
      .filter({ hasText: 'Tickets' })
      .locator('dd');
    await expectText(tickets, String(region.volumes.total));
    await page.getByRole('combobox', { name: 'Gemeente' }).selectOption('kortrijk');
    await waitFor(
      async () => (await tickets.innerText()) === String(kortrijk.volumes.total),
      5000,
      'Kortrijk total',
    );
    for (const c of kortrijk.volumes.byChannel as { key: string; count: number }[]) {
      await expectText(
        page
          .getByTestId('bars-channel')
          .locator('tr')
          .filter({ hasText: String(c.count) }),
        String(c.count),
      );
    }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tickets als CSV' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length - 1).toBe(kortrijk.volumes.total);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'kortrijk')).toBe(true);
    const workbook = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tickets als Excel' }).click();
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(await (await workbook).path());
    expect(sheet.length - 1).toBe(kortrijk.volumes.total);
    expect(sheet.slice(1).every((row) => row[2] === 'kortrijk')).toBe(true);

    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('keeps a municipality’s teams on their page for its supervisor: members who work for it; no axe violations', async () => {
    const admin = await t.token();
    const user = (name: string, slug: string, roles: string[], municipality = 'wevelgem') =>
      t
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          email: `${slug}@console.meldpunt.local`,
          password: 'correct-horse-battery-1',
          name,
          roles,
          municipalities: [municipality],
        });
    expect((await user('Sara Wevelgem', 'sara', ['supervisor'])).status).toBe(201);
    const piet = (await user('Piet Wevelgem', 'piet', ['municipal_agent'])).body as { id: string };
    expect((await user('Kim Kortrijk', 'kim', ['municipal_agent'], 'kortrijk')).status).toBe(201);
    const page = await openConsoleForAxe(browser, baseUrl);
    try {
      await logInWithKeyboard(page, 'sara@console.meldpunt.local', 'correct-horse-battery-1');
      await page.getByTestId('nav-teams').click();
      await page.getByRole('heading', { name: 'Teams per gemeente' }).waitFor();
      // Only her own municipality, and only the people who work for it (region-wide staff too).
      const options = await page.locator('#teams-municipality option').allTextContents();
      expect(options).toEqual(['Wevelgem']);
      await page.getByText('Deze gemeente heeft nog geen teams.').waitFor();
      await page.getByLabel('Naam', { exact: true }).fill('Groendienst');
      await page.getByLabel('Gedeelde mailbox').fill('groen@wevelgem.be');
      await page.getByRole('checkbox', { name: 'Piet Wevelgem' }).check();
      await page.getByRole('checkbox', { name: 'Groenonderhoud' }).check();
      await page.getByRole('checkbox', { name: 'Els Vandenberghe' }).waitFor();
      expect(await page.getByRole('checkbox', { name: 'Kim Kortrijk' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await page.getByRole('status').filter({ hasText: 'Het team is bewaard.' }).waitFor();
      await expectText(page.getByTestId('teams').locator('tr'), 'Piet Wevelgem');
      const [team] = (
        await t.http().get('/api/v1/municipalities/wevelgem/teams').set('Authorization', `Bearer ${admin}`)
      ).body as { name: string; email: string; members: { id: string }[]; categoryCodes: string[] }[];
      expect(team).toMatchObject({
        name: 'Groendienst',
        email: 'groen@wevelgem.be',
        members: [{ id: piet.id }],
        categoryCodes: ['green-maintenance'],
      });
      await expectText(page.getByTestId('teams').locator('tr'), 'Groenonderhoud');

      await expectNoAxeViolations(page);

      // Renamed, then removed.
      await page.getByRole('button', { name: 'Bewerken: Groendienst' }).click();
      await page.getByRole('heading', { name: 'Team bewerken' }).waitFor();
      await page.getByLabel('Naam', { exact: true }).fill('Groen en natuur');
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await expectText(page.getByTestId('teams').locator('tr'), 'Groen en natuur');
      await page.getByRole('button', { name: 'Verwijderen: Groen en natuur' }).click();
      await page.getByRole('status').filter({ hasText: 'Het team is verwijderd.' }).waitFor();
      await page.getByText('Deze gemeente heeft nog geen teams.').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('gives a ticket to a team, then sends it to the municipality it belongs to; the agent who did it sees it leave', async () => {
    const admin = await t.token();
    const kortrijk = { email: 'wout@console.meldpunt.local', password: 'correct-horse-battery-1' };
    const user = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...kortrijk, name: 'Wout Kortrijk', roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect(user.status).toBe(201);
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(ticketBody({ subject: 'Lamp aan de grens', municipalityCode: 'kortrijk' }));
    const team = await t
      .http()
      .post('/api/v1/municipalities/kortrijk/teams')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Team wegen' });
    const page = await openConsole(browser, baseUrl);
    try {
      await logInWithKeyboard(page, kortrijk.email, kortrijk.password);
      await page.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
      // The teams of the ticket's municipality are offered; choosing one saves it.
      await page.getByTestId('team').selectOption({ label: 'Team wegen' });
      await waitFor(
        async () =>
          (await t.http().get(`/api/v1/tickets/${created.body.id}`).set('Authorization', `Bearer ${admin}`))
            .body.team?.id === team.body.id,
        5000,
        'the ticket with Team wegen',
      );
      expect(await page.getByTestId('team').inputValue()).toBe(team.body.id);

      // The queue filtered by the team: this ticket only.
      await page.goto(`${baseUrl}/console/`);
      const filters = page.getByRole('search');
      await filters.getByLabel('Gemeente').selectOption('kortrijk');
      await waitFor(
        async () => (await page.getByTestId('queue').locator('tbody tr').count()) > 1,
        5000,
        'Kortrijk’s open tickets',
      );
      await filters.getByLabel('Team').selectOption({ label: 'Team wegen' });
      await waitFor(
        async () => (await page.getByTestId('queue').locator('tbody tr').count()) === 1,
        5000,
        'one ticket with Team wegen',
      );
      await expectText(page.getByTestId('queue').locator('tbody tr'), 'Lamp aan de grens');
      await page.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
      await page.getByRole('button', { name: 'Naar een andere gemeente sturen' }).click();
      await page.locator('#reroute-municipality').selectOption('menen');
      // Menen offers street lighting too: the category stays.
      expect(await page.locator('#reroute-category').inputValue()).toBe('public-lighting');
      await page.locator('#reroute-reason').fill('Het adres ligt in Menen');
      await page.getByRole('button', { name: 'Doorsturen' }).click();
      await page.waitForURL(/\/console\/?$/);
      const moved = await t
        .http()
        .get(`/api/v1/tickets/${created.body.id}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(moved.body.municipalityCode).toBe('menen');
      expect(moved.body.team).toBeNull();
      // Out of this agent's scope now: the api no longer shows it to them.
      await page.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
      await page.getByText('Dit ticket bestaat niet of valt buiten jouw gemeenten.').waitFor();
    } finally {
      await page.context().close();
    }
    // A regional agent reads the move in the history, with its reason.
    const els = await openConsole(browser, baseUrl);
    try {
      await logInWithKeyboard(els, 'els@console.meldpunt.local', 'correct-horse-battery-1');
      await els.goto(`${baseUrl}/console/tickets/${created.body.reference}`);
      const entry = els.locator('[data-testid="history"] [data-type="rerouted"]');
      await expectText(entry, 'Doorgestuurd: kortrijk → menen');
      await expectText(entry, 'Het adres ligt in Menen');
    } finally {
      await els.context().close();
    }
  });

  it('takes a live chat: the inbox offers it, the agent answers and ends it as a ticket', async () => {
    const page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, jan.email, jan.password);
    await waitLive(page);
    await page.getByTestId('nav-chats').click();
    await page.getByText('Geen wachtende chats.').waitFor();

    const citizen = await connect(`${baseUrl}/chat`);
    try {
      const started = await ask<{ chatId: string }>(citizen, 'chat.start', {
        municipality: 'kortrijk',
        name: 'Mia Claes',
        message: 'Mijn vuilniszak is niet opgehaald.',
      });
      expect(started.ok).toBe(true);
      const offered = page
        .getByTestId('chat-waiting')
        .filter({ hasText: 'Mijn vuilniszak is niet opgehaald.' });
      await offered.waitFor();
      const accepted = next(citizen, 'chat.accepted');
      await offered.getByRole('button', { name: 'Aannemen' }).click();
      await accepted;
      const conversation = page.getByTestId('chat-conversation');
      await conversation.getByText('Mijn vuilniszak is niet opgehaald.').waitFor();

      const typing = next<{ typing: boolean }>(citizen, 'chat.typing', (p) => p.typing);
      await page.getByLabel('Bericht').fill('Welke straat?');
      await typing;
      const line = next<{ message: { body: string } }>(citizen, 'chat.message');
      await conversation.getByRole('button', { name: 'Versturen' }).click();
      expect((await line).message.body).toBe('Welke straat?');
      await ask(citizen, 'chat.message', { body: 'Kapucijnenstraat.' });
      await conversation.getByText('Kapucijnenstraat.').waitFor();

      const ended = next<{ ticketReference: string }>(citizen, 'chat.ended');
      await page.getByLabel('Nieuw ticket in categorie').selectOption('waste-collection');
      await page.getByRole('button', { name: 'Afsluiten' }).click();
      const { ticketReference } = await ended;
      await expectText(page.locator('.notice'), ticketReference);
    } finally {
      citizen.disconnect();
      await page.context().close();
    }
  });

  it('lists its shortcuts on ?, speaks French and English, and forgets everything at logout', async () => {
    const page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, els.email, els.password);
    await page.locator('[data-testid="queue"] tbody tr').nth(1).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const chosen = await page
      .locator('[data-testid="queue"] tr[aria-current="true"]')
      .getAttribute('data-reference');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket').getByText(chosen!).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Wachtrij' }).waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('help').getByText('Nieuwe oproep').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('help').waitFor({ state: 'detached' });

    await page.getByTestId('language').selectOption('fr');
    await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.context().close();
  });
});

async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-live="live"]').waitFor({ timeout: 10_000 });
}

/** Runs axe (WCAG 2.1 A and AA) on the page; the page's context must bypass the console's CSP. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate<{ violations: { id: string; nodes: { target: string[] }[] }[] }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  );
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** Waits until the element with this attribute value has the keyboard focus (runs in the page). */
async function waitForFocusOn(page: Page, attribute: string, value: string): Promise<void> {
  const check = `document.activeElement?.getAttribute(${JSON.stringify(attribute)}) === ${JSON.stringify(value)}`;
  await page.waitForFunction(check, undefined, { timeout: 5000 });
}

const waitForFocus = (page: Page, testId: string) => waitForFocusOn(page, 'data-testid', testId);
const expectFocused = (page: Page, transition: string) => waitForFocusOn(page, 'data-to', transition);
