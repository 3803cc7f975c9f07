import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';
import { ARTIFACTS_DIR, SITES_DIR } from './fixtures';

const BIN = resolve(import.meta.dirname, '../../../bin/oit-audit.mjs');

function run(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, OIT_AUDIT_LANG: 'th' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => done({ code, stderr }));
  });
}

test('the batch dashboard reads at 1280 px: no sideways scroll, Thai errors, BE date, links to each HTML report', async () => {
  const servers: SiteServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'oit-dash-'));
  try {
    for (const site of ['agency-complete', 'agency-gaps', 'agency-gaps']) {
      servers.push(await startSiteServer({ root: join(SITES_DIR, site) }));
    }
    const names = [
      'สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ (ส่วนกลาง)',
      'กรมส่งเสริมการปกครองท้องถิ่น',
      'องค์การบริหารส่วนตำบลหนองบัวเหนือ อำเภอเมือง จังหวัดตาก',
    ];
    const rows = servers.map((s, i) => `ag${i + 1},"${names[i]}",${s.url}/,2568,83.81,89.33`);
    rows.push('down,เทศบาลที่ปิดเว็บไซต์,http://127.0.0.1:9/,2568,,');
    writeFileSync(join(dir, 'agencies.csv'), `agency_id,name,url,year,iit,eit\n${rows.join('\n')}\n`);
    // FY2562's pack: the fixture sites are labelled for its items, and it knows the tool weights
    // an ITA total and rating need (the packs from 2568 on do not, and invent none).
    const r = await run(
      'batch agencies.csv --out out --rules ita-2562 --delay 0 --no-offsite-check --retries 0 -q'.split(' '),
      dir,
    );
    expect(r.code, r.stderr).toBe(0);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
      await page.goto(`file://${join(dir, 'out', 'index.html')}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.locator('#a-down .err')).toHaveText('เข้าเว็บไซต์ไม่ได้');
      await expect(page.locator('p.meta')).toContainText(/สร้างเมื่อ \d{1,2} \S+ 25\d\d \d\d:\d\d น\./);
      await expect(page.locator('#agencies thead')).toContainText('ข้อมูลพื้นฐาน');
      // ITA and rating come from the CSV's iit/eit.
      await expect(page.locator('#a-ag1 td').nth(4)).toHaveText(/^[A-F+]+$/);
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const shots = process.env.OIT_SCREENSHOT_DIR ?? ARTIFACTS_DIR;
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'batch-dashboard.png'), fullPage: true });
      // Sorting by OIT puts the lowest first on the second click (first click: highest first).
      await page.locator('#agencies th', { hasText: 'OIT' }).first().click();
      const first = await page.locator('#agencies tbody tr').first().getAttribute('id');
      expect(first).toBe('a-ag1');
      // Drill down: the agency's own HTML report.
      await page.locator('#a-ag2 a', { hasText: 'รายงาน' }).click();
      await expect(page).toHaveURL(/ag2\.html$/);
      await expect(page.locator('body')).toContainText('O1');
    } finally {
      await browser.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});
