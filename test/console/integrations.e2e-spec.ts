import type { Browser, Page } from 'playwright-core';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { useConnectedApp } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';
import { ensureConsoleBuilt, launchChromium, logInWithKeyboard, openConsole } from './console-browser';
import { createAgent } from './queue-seed';

/**
 * The integrations page in a real browser: Kortrijk's TOPdesk is down, so a ticket's create ends
 * as a failure record (one attempt in this suite); the agent sees the link failing, and once
 * TOPdesk is back, retries the message from the page and sees the incident made and the link ok.
 */
describe('Agent console: back-office integrations (browser)', () => {
  const app = useConnectedApp(() => new TopdeskSimulator(), {
    env: { SYNC_ATTEMPTS: '1' },
    settings: { pollSeconds: 5 },
    beforeApp: (backOffice) => backOffice.faults({ down: true }),
  });
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureConsoleBuilt();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a failing link with its failed message, and retries it once the tool is back', async () => {
    await app.t.app.listen(0, '127.0.0.1');
    const baseUrl = (await app.t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const agent = await createAgent(app.t, app.admin, 'Els Vandenberghe', 'els');
    const ticket = await app.createTicket();
    await waitFor(
      async () => {
        const rows = await app.t.sql("SELECT 1 FROM back_office_sync_task WHERE state = 'failed'");
        return rows.length === 1;
      },
      15_000,
      'the create to fail',
    );

    page = await openConsole(browser, baseUrl);
    await logInWithKeyboard(page, agent.email, agent.password);
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await page.getByRole('heading', { name: 'Koppelingen met de back-offices' }).waitFor();
    const kortrijk = page.locator('[data-testid="integrations"] tr[data-municipality="kortrijk"]');
    await refreshUntil(async () => (await kortrijk.textContent())?.includes('Storing') ?? false);
    expect(await kortrijk.textContent()).toMatch(/TOPdesk.*Storing.*Laatste ophaling mislukt: .*HTTP 503/);
    const failure = page.locator('[data-testid="integration-failures"] tbody tr');
    expect(await failure.count()).toBe(1);
    expect(await failure.textContent()).toContain(ticket.reference);
    expect(await failure.textContent()).toContain('Aanmaken');

    app.backOffice.faults({ down: false });
    await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page
      .getByTestId('integrations-notice')
      .getByText(`${ticket.reference}: opnieuw in de wachtrij.`)
      .waitFor();
    await waitFor(
      async () => (await app.backOffice.cases(ticket.reference)).length === 1,
      15_000,
      'the incident',
    );
    await refreshUntil(async () => (await kortrijk.textContent())?.includes('In orde') ?? false);
    await page.getByText('Geen mislukte berichten.').waitFor();
  }, 60_000);

  /** Clicks "Vernieuwen" until `check` holds (the poll runs every 5 s). */
  async function refreshUntil(check: () => Promise<boolean>): Promise<void> {
    await waitFor(
      async () => {
        await page.getByRole('button', { name: 'Vernieuwen' }).click();
        await page.waitForTimeout(250);
        return check();
      },
      20_000,
      'the integrations page to show it',
    );
  }
});
