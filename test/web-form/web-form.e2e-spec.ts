import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../console/console-browser';
import { reporterEmail, startMailTestApp } from '../notifications/notification-test-kit';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';

// A 1x1 JPEG: what a phone sends, in small.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const MIN_FILL_MS = 1000;

interface Served {
  token: string;
  at: number;
}

describe('Citizen web form at /melden', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url, {
      WEB_FORM_MIN_FILL_SECONDS: String(MIN_FILL_MS / 1000),
      WEB_FORM_EMBED_ORIGINS: 'https://www.menen.be',
    });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await smtp.stop();
  });

  /** The form as a browser gets it, and a wait so the post is not "too fast". */
  async function serve(query = ''): Promise<Served & { html: string }> {
    const res = await t.http().get(`/melden${query}`);
    expect(res.status).toBe(200);
    const token = /name="form_token" value="([^"]+)"/.exec(res.text)![1];
    return { token, at: Date.now(), html: res.text };
  }
  async function post(
    served: Served,
    fields: Record<string, string>,
    files: [string, Buffer][] = [],
    query = '?lang=nl',
  ) {
    const wait = served.at + MIN_FILL_MS + 50 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let req = t.http().post(`/melden${query}`).field('form_token', served.token);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    for (const [filename, content] of files) req = req.attach('photos', content, filename);
    return req.redirects(0);
  }
  const ticketsOf = (email: string) =>
    t.sql<{
      id: string;
      reference: string;
      channel: string;
      municipality_code: string;
      category_code: string;
      kind: string;
      location_address: string;
      reporter_consent: boolean;
      reporter_language: string;
    }>('SELECT * FROM ticket WHERE reporter_email = $1', [email]);

  it('files a report with a photo without any script, and leads to the citizen’s own status page', async () => {
    const email = reporterEmail();
    const served = await serve('?lang=fr');
    expect(served.html).toContain('<html lang="fr">');
    const res = await post(
      served,
      {
        category: 'public-lighting',
        description: 'Le lampadaire devant le numéro 12 ne fonctionne plus.',
        address: 'Kerkstraat 12, Heule',
        name: 'Anne Dupont',
        email,
        consent: 'yes',
        website: '',
      },
      [['C:\\fakepath\\lampadaire.jpg', JPEG]],
      '?lang=fr',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/status\/[A-Za-z0-9_-]+\?lang=fr&done=report$/);
    const [ticket] = await ticketsOf(email);
    expect(ticket).toMatchObject({
      channel: 'web',
      kind: 'report',
      category_code: 'public-lighting',
      municipality_code: 'kortrijk',
      location_address: 'Kerkstraat 12, Heule',
      reporter_consent: true,
      reporter_language: 'fr',
    });
    const status = await t.http().get(res.headers.location);
    expect(status.status).toBe(200);
    expect(status.text).toContain(ticket.reference);
    expect(status.text).toContain('Merci, nous avons bien reçu votre signalement.');
    const [ack] = await smtp.waitFor(email);
    expect(ack.subject).toContain(ticket.reference);

    // The photo is kept with the ticket, known by its bytes, for the agents of that municipality only.
    const token = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const list = await t
      .http()
      .get(`/api/v1/tickets/${ticket.reference}/attachments`)
      .set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ filename: 'lampadaire.jpg', contentType: 'image/jpeg', size: JPEG.length }),
    ]);
    const file = await t
      .http()
      .get(list.body[0].url)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.body as Buffer, JPEG)).toBe(0);
    const menen = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    expect((await t.http().get(list.body[0].url).set('Authorization', `Bearer ${menen}`)).status).toBe(404);
    expect((await t.http().get(list.body[0].url)).status).toBe(401);

    // The reporter's rights: the export names the photo, the erasure takes it away with the rest.
    const admin = await t.token();
    const exported = await t
      .http()
      .get('/api/v1/gdpr/export')
      .query({ email })
      .set('Authorization', `Bearer ${admin}`);
    expect(exported.body.tickets[0].attachments).toEqual([
      expect.objectContaining({ filename: 'lampadaire.jpg', contentType: 'image/jpeg', size: JPEG.length }),
    ]);
    const erased = await t
      .http()
      .post('/api/v1/gdpr/erasure')
      .send({ email })
      .set('Authorization', `Bearer ${admin}`);
    expect(erased.body.anonymised).toBe(1);
    expect(await t.sql('SELECT id FROM ticket_attachment WHERE ticket_id = $1', [ticket.id])).toEqual([]);
  });

  it('sends the form back with the mistakes next to their fields and the values kept; nothing is filed', async () => {
    const email = reporterEmail();
    const res = await post(
      await serve(),
      {
        category: 'public-lighting',
        description: '  ',
        address: '<b>Markt</b> 1',
        email: 'not-an-address',
        consent: 'yes',
      },
      [['foto.jpg', Buffer.from('MZ this is a program, not a photo')]],
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(/<a href="#description">Beschrijving: Vul dit in\.<\/a>/);
    expect(res.text).toMatch(/<a href="#email">E-mailadres: Dit is geen geldig e-mailadres\.<\/a>/);
    expect(res.text).toContain('Alleen foto’s (JPEG, PNG, WebP, HEIC) en PDF-bestanden.');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="&lt;b&gt;Markt&lt;/b&gt; 1"');
    expect(res.text).not.toContain('<b>Markt</b>');
    expect(await ticketsOf('not-an-address')).toHaveLength(0);
    expect(await ticketsOf(email)).toHaveLength(0);

    const unlocated = await post(await serve(), { category: 'roads-pavements', description: 'Een put.' });
    expect(unlocated.status).toBe(422);
    expect(unlocated.text).toContain('Geef een adres of postcode, of kies de gemeente.');
  });

  it('files a form sent twice (a double click, the back button) once', async () => {
    const email = reporterEmail();
    // Menen's website shows the form in a frame: only there, and the form then leaves the frame.
    const embedded = await t.http().get('/melden?gemeente=menen&embed=1');
    expect(embedded.headers['content-security-policy']).toContain('frame-ancestors https://www.menen.be');
    expect(embedded.text).toContain('target="_top"');
    expect((await t.http().get('/melden')).headers['content-security-policy']).toContain(
      "frame-ancestors 'none'",
    );
    const served = await serve('?gemeente=menen');
    expect(served.html).toMatch(/<option value="menen" selected>Stad Menen<\/option>/);
    const fields = {
      category: 'litter-dumping',
      description: 'Zakken afval aan de kerk.',
      municipality: 'menen',
      email,
    };
    const [first, second] = [await post(served, fields), await post(served, fields)];
    expect([first.status, second.status]).toEqual([303, 303]);
    const tickets = await ticketsOf(email);
    expect(tickets).toHaveLength(1);
    expect(tickets[0].municipality_code).toBe('menen');
    expect(tickets[0].reporter_consent).toBe(false);
  });

  it('files nothing for a robot: the hidden field, a form sent too fast, a token not ours', async () => {
    const email = reporterEmail();
    const fields = { category: 'animals', description: 'Koop goedkope pillen', postcode: '8500', email };
    const trapped = await post(await serve(), { ...fields, website: 'https://spam.example' });
    expect(trapped.status).toBe(200);
    expect(trapped.text).toContain('Bedankt');

    const served = await serve();
    const fast = await t
      .http()
      .post('/melden?lang=nl')
      .field('form_token', served.token)
      .field('category', 'animals')
      .field('description', 'Snel')
      .field('postcode', '8500')
      .field('email', email)
      .redirects(0);
    expect(fast.status).toBe(422);
    expect(fast.text).toContain('Kijk je gegevens na en verstuur opnieuw.');
    expect(fast.text).not.toContain(served.token);

    const forged = await post({ token: `${served.token.slice(0, -2)}xx`, at: 0 }, fields);
    expect(forged.status).toBe(422);
    const blind = await t.http().post('/melden').type('form').send(fields).redirects(0);
    expect(blind.status).toBe(422);
    expect(await ticketsOf(email)).toHaveLength(0);
  });

  it('is filled in and sent in Chromium with script off, and has no axe violations (WCAG 2.1 AA)', async () => {
    const email = reporterEmail();
    const dir = mkdtempSync(join(tmpdir(), 'melden-'));
    const photo = join(dir, 'put.jpg');
    writeFileSync(photo, JPEG);

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${base}/melden`);
    await page.getByLabel('Onderwerp').selectOption('roads-pavements');
    await page.getByLabel('Beschrijving').fill('Een diepe put in het fietspad.');
    await page.getByLabel('Adres of plaats').fill('Doorniksesteenweg 100');
    await page.getByLabel('Postcode').fill('8500');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Stuur me per e-mail bericht over deze melding').check();
    await page.getByLabel("Foto's of documenten").setInputFiles(photo);
    await new Promise((r) => setTimeout(r, MIN_FILL_MS));
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.waitForURL(/\/status\//);
    const [ticket] = await ticketsOf(email);
    expect(await page.textContent('h1')).toContain(ticket.reference);
    await noScript.close();

    // axe runs as a script, so in a context of its own (the page's CSP would refuse it).
    const audited = await browser.newContext({ bypassCSP: true });
    const check = await audited.newPage();
    const violations = async (url: string, before?: () => Promise<void>) => {
      await check.goto(url);
      if (before) await before();
      await check.addScriptTag({ content: axe.source });
      // A string, evaluated in the page: this file is compiled without the DOM's types.
      const result = await check.evaluate<{ violations: { id: string; nodes: { target: string[] }[] }[] }>(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
      );
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    // The audit does find what it looks for: an unlabelled field on a page without a language.
    expect(
      await violations('about:blank', () =>
        check.setContent('<html><body><input type="text"></body></html>'),
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^label: /), expect.stringMatching(/^html-has-lang: /)]),
    );
    for (const lang of ['nl', 'fr', 'en']) {
      expect(await violations(`${base}/melden?lang=${lang}`)).toEqual([]);
    }
    // With its errors shown (the browser's own checks skipped, as an old browser would).
    expect(
      await violations(`${base}/melden`, async () => {
        await check.evaluate(`document.querySelector('form').setAttribute('novalidate', '')`);
        await check.getByLabel('E-mailadres').fill('wrong');
        await check.getByRole('button', { name: 'Melding versturen' }).click();
        await check.waitForSelector('#errors');
      }),
    ).toEqual([]);
    await audited.close();
  });
});
