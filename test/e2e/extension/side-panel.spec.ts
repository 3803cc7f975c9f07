import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditReportSchema } from '../../../src/core/report/schema';
import { ARTIFACTS_DIR, EXTENSION_DIR, expect, launchWithExtension, openPanel, test } from './fixtures';

/** The NACC bands (rules/ita-2562/ruleset.json), compared on the score rounded to 2 decimals. */
function band(score: number): string {
  const v = Math.round(score * 100) / 100;
  if (v >= 95) return 'AA';
  if (v >= 85) return 'A';
  if (v >= 75) return 'B';
  if (v >= 65) return 'C';
  if (v >= 55) return 'D';
  if (v >= 50) return 'E';
  return 'F';
}

test('the manifest asks for no host access at install beyond the e2e loopback, and has no content script', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'sidePanel', 'storage']);
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.side_panel.default_path).toBe('sidepanel.html');
});

test('audit a fake agency site from the side panel: outcomes, survey, manual evidence across restarts, export', async ({
  site,
  profileDir,
}) => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  let { context, sw, extensionId } = await launchWithExtension(profileDir);
  // The audit runs in the service worker, which has no DOM (cheerio parses there).
  expect(await sw.evaluate(() => typeof document)).toBe('undefined');

  let page = await openPanel(context, extensionId);
  await expect(page.locator('h1')).toHaveText('ตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)');

  await test.step('start an audit of agency-gaps for FY2568', async () => {
    await page.getByTestId('site-url').fill(`${site.url}/`);
    await page.getByTestId('year').fill('2568');
    await page.getByText('ตั้งค่าเพิ่มเติม').click();
    await page.getByTestId('delay').fill('0');
    await expect(page.getByTestId('permission-note')).toContainText('ได้รับสิทธิ์เข้าถึง');
    await page.getByRole('button', { name: 'ตรวจเว็บไซต์นี้' }).click();
    const progress = page.getByTestId('progress');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('กำลังตรวจ');
    await expect(progress.locator('progress')).toHaveCount(2);
    await expect(page.getByTestId('report')).toBeVisible({ timeout: 120_000 });
    await expect(progress).toBeHidden();
  });

  await test.step('outcomes of several items match the site', async () => {
    const outcome = (id: string) => page.getByTestId(`item-${id}`).locator('[data-outcome]');
    await expect(outcome('O1')).toHaveAttribute('data-outcome', 'pass');
    await expect(outcome('O1')).toContainText('ผ่าน');
    await expect(outcome('O2')).toHaveAttribute('data-outcome', 'fail');
    await expect(outcome('O2')).toContainText('ไม่ผ่าน');
    await expect(outcome('O5')).toHaveAttribute('data-outcome', 'fail');
    await expect(outcome('O13')).toHaveAttribute('data-outcome', 'pass');
    await expect(outcome('O17')).toHaveAttribute('data-outcome', 'fail');
    await expect(outcome('O25')).toHaveAttribute('data-outcome', 'fail');
    await expect(outcome('O33')).toHaveAttribute('data-outcome', 'fail');
    // Expanding an item shows its evidence and problems.
    await page.getByTestId('item-O17').locator('summary').click();
    await expect(page.getByTestId('item-O17')).toContainText('ต้องเข้าสู่ระบบจึงจะเห็นข้อมูล');
    await page.getByTestId('item-O1').locator('summary').click();
    await expect(page.getByTestId('item-O1').getByTestId('evidence').first()).toBeVisible();
    await expect(page.getByTestId('sub-9.1')).toContainText('ข้อมูลพื้นฐาน');
  });

  await test.step('survey scores project the ITA rating', async () => {
    const oit = Number(await page.getByTestId('oit-score').textContent());
    expect(oit).toBeGreaterThan(0);
    await page.getByLabel('IIT', { exact: true }).fill('120');
    await page.getByLabel('EIT', { exact: true }).fill('90');
    await page.getByRole('button', { name: 'บันทึกและคำนวณ ITA' }).click();
    await expect(page.getByText('คะแนนต้องอยู่ระหว่าง 0 ถึง 100')).toBeVisible();
    await page.getByLabel('IIT', { exact: true }).fill('95');
    await page.getByRole('button', { name: 'บันทึกและคำนวณ ITA' }).click();
    const expected = 0.3 * 95 + 0.3 * 90 + 0.4 * oit;
    await expect(page.getByTestId('projected-rating')).toHaveText(band(expected));
    await expect(page.getByTestId('ita-rating')).toHaveText(band(expected));
    const shown = Number(await page.getByTestId('projected-ita').textContent());
    expect(Math.abs(shown - expected)).toBeLessThan(0.011);
  });

  const manualUrl = `${site.url}/hr/criteria.html`;
  await test.step('set manual evidence for an item', async () => {
    const item = page.getByTestId('item-O25');
    await item.locator('summary').click();
    await item.getByTestId('manual-O25').getByRole('textbox').fill(manualUrl);
    await item.getByRole('button', { name: 'ตั้งเป็นหลักฐาน' }).click();
    await expect(item.getByTestId('manual-url')).toContainText(manualUrl);
  });

  await test.step('export JSON in the report schema', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'ส่งออก JSON' }).click();
    await page.getByTestId('confirm-export').click();
    const file = await (await download).path();
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = auditReportSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
    expect(json.environment).toBe('extension');
    expect(json.assessmentYear).toBe(2568);
    expect(json.items).toHaveLength(48);
    expect(json.ita.iit).toBe(95);
  });

  await test.step('item detail: what is expected and how to fix it; failures only', async () => {
    const item = page.getByTestId('item-O2');
    if (!(await item.evaluate((el) => (el as HTMLDetailsElement).open)))
      await item.locator('summary').click();
    await expect(item.getByTestId('expects')).toContainText('เกณฑ์ต้องการ');
    await expect(item.getByTestId('how-to-fix')).toContainText('วิธีแก้ไข');
    await item.scrollIntoViewIfNeeded();
    const shots = process.env.OIT_SCREENSHOT_DIR ?? ARTIFACTS_DIR;
    mkdirSync(shots, { recursive: true });
    await item.screenshot({ path: join(shots, 'panel-item-detail.png') });
    await page.getByTestId('filter-notPassed').click();
    await expect(page.getByTestId('item-O1')).toHaveCount(0);
    await expect(page.getByTestId('item-O2')).toBeVisible();
    await page.screenshot({ path: join(shots, 'panel-failures-only.png'), fullPage: false });
    await page.getByTestId('filter-all').click();
  });

  await test.step('screenshot (Thai must render)', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'side-panel.png'), fullPage: false });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'side-panel-full.png'), fullPage: true });
  });

  await test.step('manual evidence, survey and report survive closing and reopening the browser', async () => {
    await context.close();
    ({ context, sw, extensionId } = await launchWithExtension(profileDir));
    page = await openPanel(context, extensionId);
    await expect(page.getByTestId('site-url')).toHaveValue(`${site.url}/`);
    await expect(page.getByTestId('report')).toBeVisible();
    const item = page.getByTestId('item-O25');
    await item.locator('summary').click();
    await expect(item.getByTestId('manual-url')).toContainText(manualUrl);
    await expect(page.getByLabel('IIT', { exact: true })).toHaveValue('95');
    const stored = await sw.evaluate(async (key) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      return (await chrome.storage.local.get(key))[key];
    }, `oit:manual:127.0.0.1:${site.port}`);
    expect(stored).toEqual({ O25: [manualUrl] });
  });

  await test.step('a new audit verifies the manual evidence and carries it in the report', async () => {
    await page.getByTestId('year').fill('2568');
    await page.getByRole('button', { name: 'ตรวจเว็บไซต์นี้' }).click();
    await expect(page.getByTestId('progress')).toBeVisible();
    await expect(page.getByTestId('progress')).toBeHidden({ timeout: 120_000 });
    const item = page.getByTestId('item-O25');
    if (!(await item.evaluate((el) => (el as HTMLDetailsElement).open)))
      await item.locator('summary').click();
    await expect(item.getByTestId('evidence').first()).toContainText(manualUrl);
    await expect(item).toContainText('ผู้ใช้กำหนดเอง');
    await expect(item.getByTestId('manual-url')).not.toContainText('ยังไม่ได้ตรวจ');
  });

  await context.close();
});
