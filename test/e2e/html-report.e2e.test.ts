import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import fixture from '../fixtures/seed-002-survey.json';
import { SITES_DIR } from '../helpers/audit-site';
import { describeNeeding } from '../helpers/describe-needing';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');
const PLANTED = '<script>window.__xss=1</script>';

function cli(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, OIT_AUDIT_LANG: 'th' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * A copy of agency-gaps (test/sites is never modified) with a page whose <title> carries a
 * script tag: it is the evidence of O25, found by its title from a generic link on the home page.
 */
function plantedSite(dir: string): string {
  const root = join(dir, 'site');
  cpSync(join(SITES_DIR, 'agency-gaps'), root, { recursive: true });
  writeFileSync(
    join(root, 'hr/policy-2568.html'),
    `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>นโยบายการบริหารทรัพยากรบุคคล ${PLANTED}</title></head>
<body><h1>ประกาศ ปีงบประมาณ 2568</h1><p>นโยบายของหน่วยงาน ปีงบประมาณ พ.ศ. 2568</p></body></html>\n`,
  );
  const home = join(root, 'index.html');
  writeFileSync(
    home,
    readFileSync(home, 'utf8').replace(
      '</body>',
      '<p><a href="/hr/policy-2568.html">อ่านเพิ่มเติม</a></p>\n</body>',
    ),
  );
  return root;
}

// Debian Chromium is installed by .ci/run (apt-get install chromium).
describeNeeding(['chromium'], 'oit-audit audit --format html, in Chromium', (programs) => {
  let dir: string;
  let server: SiteServer;
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oit-html-'));
    server = await startSiteServer({ root: plantedSite(dir) });
    writeFileSync(join(dir, 'survey.json'), JSON.stringify({ questions: fixture.survey.questions }));
    const r = await cli(
      [
        'audit',
        server.url,
        '--year',
        '2568',
        '--rules',
        'ita-2562',
        '--delay',
        '0',
        '--no-offsite-check',
        '--survey',
        'survey.json',
        '--format',
        'html',
        '--out',
        'report.html',
        '-q',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    html = readFileSync(join(dir, 'report.html'), 'utf8');
    browser = await chromium.launch({
      executablePath: programs.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    const context = await browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!requests.includes(r.url())) requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { context, page, requests, errors };
  }

  it('loads with no console errors and no network requests', async () => {
    const { context, page, requests, errors } = await open();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    await context.close();
  });

  it('shows the radar chart with ten axes (survey entered by question)', async () => {
    const { context, page } = await open();
    const chart = page.getByTestId('radar-chart');
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await chart.locator('line[data-axis]').count()).toBe(10);
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(await page.getByTestId('oit-bars').locator('[data-bar]').count()).toBe(7);
    await context.close();
  });

  it('shows the <script> planted in a page title as text, not markup', async () => {
    expect(html).not.toContain(PLANTED);
    const { context, page } = await open();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('body').textContent()).toContain(PLANTED);
    // Visible as text in the item whose evidence it is (the page found by its title).
    const planted = page.getByTestId('item-O25').getByText(PLANTED, { exact: false });
    expect(await planted.first().isVisible()).toBe(true);
    await context.close();
  });

  it('makes every evidence link clickable', async () => {
    const { context, page } = await open();
    const evidence = page.getByTestId('evidence');
    const n = await evidence.count();
    expect(n).toBeGreaterThan(30);
    for (let i = 0; i < n; i++) {
      const link = evidence.nth(i).locator('a.oit-url').first();
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    await context.close();
  });

  it('the "failures only" switch hides passed items without any script, and halves the page', async () => {
    const { context, page } = await open();
    const visible = () => page.locator('.oit-item:visible').count();
    const all = await visible();
    const fullHeight = await page.evaluate(() => document.body.scrollHeight);
    const notPassed = await page.locator('.oit-item:not(.oit-item-pass):not(.oit-item-na)').count();
    expect(notPassed).toBeGreaterThan(0);
    expect(notPassed).toBeLessThan(all);
    await page.getByTestId('failures-only').click();
    expect(await visible()).toBe(notPassed);
    expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThan(fullHeight / 2);
    await page.getByTestId('failures-only').click();
    expect(await visible()).toBe(all);
    await context.close();
  });
});
