import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, test as base, type Page, type Worker } from '@playwright/test';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

/** The unpacked e2e build (OIT_E2E=1: http://127.0.0.1/* in host_permissions). */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output-e2e/chrome-mv3');
export const SITES_DIR = resolve(import.meta.dirname, '../../sites');
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../test-results/extension');

/** Launches Debian's Chromium headless with only our extension, on a given profile directory. */
export async function launchWithExtension(userDataDir: string): Promise<{
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
}> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 440, height: 900 },
    locale: 'th-TH',
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, sw, extensionId: new URL(sw.url()).host };
}

/** Opens the side panel page as an ordinary tab (a real side panel needs a user gesture). */
export async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('button', { name: 'ตรวจเว็บไซต์นี้' }).waitFor();
  return page;
}

export const test = base.extend<{ profileDir: string }, { site: SiteServer }>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
    async ({}, use) => {
      // The home page answers after 1.5 s so progress and cancel can be seen on a fast machine.
      const server = await startSiteServer({
        root: join(SITES_DIR, 'agency-gaps'),
        routes: { '/': { delayMs: 1500 } },
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-e2e-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
