import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/report/render-text';
import { getRulePack } from '../../src/core/rules/registry';
import { loadAllLabels } from '../accuracy/labels';
import { auditLabelledSite } from '../accuracy/run-labelled-site';

const SITE = 'agency-municipal';
const GOLDEN = join(import.meta.dirname, `${SITE}.report.txt`);

/**
 * The Thai text report of agency-municipal, a site with the traps of issue 9: rows linking the wrong
 * thing (wrong-content), evidence filed under another item's menu, an image-only page, hub
 * pages. Every verdict shows its reason; the file is what a web admin reads. Regenerate with
 * `npm run update:golden` and review the diff.
 */
describe('golden text report: agency-municipal (wrong-content, misfiled, image-only)', () => {
  it('matches test/golden/agency-municipal.report.txt', async () => {
    const site = loadAllLabels(join(import.meta.dirname, '../sites')).find((s) => s.labels.site === SITE);
    if (!site) throw new Error(`test/sites/${SITE}/labels.json is missing`);
    const report = await auditLabelledSite(site.dir, site.labels);
    const pack = getRulePack(report.ruleset.id);
    if (!pack) throw new Error(`unknown pack ${report.ruleset.id}`);
    const text = renderText(report, pack, 'th').replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://agency-municipal.test');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
    // The traps are in it, each with its reason.
    expect(text).toContain('เนื้อหาไม่ตรงกับข้อที่ประเมิน');
    expect(text).toContain('เผยแพร่ไว้ใต้ O20');
    expect(text).toContain('เนื้อหาเป็นภาพ อ่านข้อความไม่ได้');
  }, 60_000);
});
