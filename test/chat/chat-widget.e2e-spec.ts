import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { launchChromium } from '../console/console-browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { ask, connect, next } from './chat-client';

/**
 * A municipal website on another origin adds the one script tag; a citizen chats from it in
 * Chromium with an agent on the console socket.
 */
describe('Chat widget on a municipal website (Chromium)', () => {
  let t: TestApp;
  let site: Server;
  let siteUrl: string;
  let base: string;
  let browser: Browser;
  let agent: Socket;

  beforeAll(async () => {
    site = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="nl"><head><title>Stad Kortrijk</title></head><body><h1>Stad Kortrijk</h1>` +
          `<script src="${base}/chat/widget.js" data-gemeente="kortrijk" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    // Another origin than the api: localhost against 127.0.0.1.
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50', WEB_FORM_EMBED_ORIGINS: siteUrl });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    agent = await connect(`${base}/console`, { token: await t.token({ roles: ['regional_agent'] }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    agent?.disconnect();
    await browser?.close();
    await t.close();
    await new Promise((resolve) => site.close(resolve));
  });

  it('opens from the button, talks with the agent both ways, and ends with the ticket’s number', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(siteUrl);
    const button = page.getByRole('button', { name: 'Chat met ons' });
    await button.click();
    expect(await page.getByRole('button', { name: 'Chat sluiten' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    const chat = page.frameLocator('iframe[title="Chat met ons"]');
    await chat.getByLabel('Waarmee kunnen we je helpen?').fill('Het containerpark is dicht, klopt dat?');
    await chat.getByLabel('E-mailadres').fill('an.peeters@example.be');
    const offered = next<{ chat: { id: string } }>(agent, 'chat.waiting');
    await chat.getByRole('button', { name: 'Chat starten' }).click();
    const { chat: waiting } = await offered;
    await chat.getByText('Je bent aan de beurt zodra een medewerker vrij is.').waitFor();

    expect(await ask(agent, 'chat.accept', { chatId: waiting.id })).toMatchObject({ ok: true, taken: false });
    await chat.getByText(/Je chat met /).waitFor();
    await ask(agent, 'chat.typing', { chatId: waiting.id, typing: true });
    await chat.getByText('De medewerker typt…').waitFor();
    await ask(agent, 'chat.message', { chatId: waiting.id, body: 'Ja, vandaag wegens inventaris.' });
    await chat.getByText('Ja, vandaag wegens inventaris.').waitFor();

    const answer = next<{ message: { body: string } }>(
      agent,
      'chat.message',
      (p) => p.message.body === 'Dank je!',
    );
    await chat.getByLabel('Bericht').fill('Dank je!');
    await chat.getByRole('button', { name: 'Versturen' }).click();
    await answer;

    const end = await ask<{ chat: { ticketReference: string } }>(agent, 'chat.end', {
      chatId: waiting.id,
      categoryCode: 'waste-collection',
    });
    await chat.getByText(`Je melding heeft nummer ${end.chat.ticketReference}.`).waitFor();
    await page.context().close();
  });

  it('has no axe violations on the chat page, and offers the form when nobody is online', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const violations = async () => {
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate<{ violations: { id: string; nodes: { target: string[] }[] }[] }>(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
      );
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    for (const lang of ['nl', 'fr', 'en']) {
      await page.goto(`${base}/chat?gemeente=kortrijk&lang=${lang}`);
      await page.locator('#start-form').waitFor();
      expect(await violations()).toEqual([]);
    }
    agent.disconnect();
    await page.goto(`${base}/chat?gemeente=kortrijk`);
    const form = page.getByRole('link', { name: 'Doe je melding of stel je vraag via het formulier' });
    await form.waitFor();
    expect(await form.getAttribute('href')).toBe('/melden?gemeente=kortrijk&lang=nl');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
