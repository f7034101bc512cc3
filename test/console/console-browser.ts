import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');

/** Debian's Chromium, headless; .ci/run installs it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The suite runs against the built console (npm test builds first); build it when run alone. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'console', 'index.html'))) return;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** An agent's browser window: its own context (cookies, storage), Belgian locale and time. */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  prepare?: (page: Page) => Promise<void>,
  bypassCSP = false,
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    bypassCSP,
  });
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(`${baseUrl}/console/`);
  return page;
}

/** `openConsole` for an axe check: axe's script must get past the console's CSP. */
export function openConsoleForAxe(browser: Browser, baseUrl: string): Promise<Page> {
  return openConsole(browser, baseUrl, undefined, true);
}

/** Logs in with the keyboard only: the e-mail field has the focus when the page opens. */
export async function logInWithKeyboard(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').waitFor();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Wachtrij' }).waitFor();
}
