import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../../src/cli/render-report';
import { AUDIT_FORMATS } from '../../../../src/cli/report-formats';
import { type AuditOptions, runAudit } from '../../../../src/core/audit';
import { evaluateGates } from '../../../../src/core/report/gates';
import { renderAnnotations, renderGithubSummary } from '../../../../src/core/report/render-github';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { AuditReport } from '../../../../src/core/report/schema';
import { createNodeEnv } from '../../../../src/node/node-env';
import { SITES_DIR } from '../../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../../helpers/site-server';

interface Labels {
  assessmentYear: number;
  now: string;
  expectPack: string;
  items: Record<string, { outcome: string }>;
}

const servers: SiteServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const labelsOf = (site: string): Labels =>
  JSON.parse(readFileSync(join(SITES_DIR, site, 'labels.json'), 'utf8'));

/** Audits a labelled site at the clock of its labels, on 127.0.0.1 only. */
async function audit(site: string, options: Partial<AuditOptions> = {}): Promise<AuditReport> {
  const labels = labelsOf(site);
  const server = await startSiteServer({ root: join(SITES_DIR, site) });
  servers.push(server);
  const env = createNodeEnv({
    now: () => new Date(labels.now),
    allowHost: (host) => host === '127.0.0.1',
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  });
  return runAudit(
    { url: server.url, year: labels.assessmentYear, delayMs: 0, rules: 'auto', ...options },
    env,
  );
}

function agreement(report: AuditReport, labels: Labels): number {
  const same = report.items.filter((i) => labels.items[i.id]?.outcome === i.outcome).length;
  return same / Object.keys(labels.items).length;
}

describe('auto-selection on labelled sites', () => {
  it('agency-2566 assessed in 2566: the year picks ita-2566 and the site agrees', async () => {
    const report = await audit('agency-2566');
    expect(report.ruleset.id).toBe(labelsOf('agency-2566').expectPack);
    expect(report.ruleset.selection).toMatchObject({ mode: 'auto' });
    expect(report.ruleset.selection?.reasonEn).toBe("assessed year 2566: that year's NACC pack (ita-2566)");
    expect(report.ruleset.siteNumbering).toMatchObject({ family: 'nacc', year: 2566, maxCode: 43 });
    expect(report.ruleset.mismatch).toBeUndefined();
    expect(report.items).toHaveLength(43);
    // The level scheme of 2566 and its data confidence travel with the report.
    expect(report.ruleset.confidence?.rating).toBe('L');
    expect(agreement(report, labelsOf('agency-2566'))).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('agency-2566 assessed in 2570: the site\'s "ITA 2566" index wins over the year, with a warning', async () => {
    const report = await audit('agency-2566', { year: 2570 });
    expect(report.ruleset.id).toBe('ita-2566');
    expect(report.ruleset.selection?.reasonEn).toMatch(
      /^the site's ITA index \(http:\/\/127\.0\.0\.1:\d+\/ita\/\) is labelled ITA 2566/,
    );
    expect(report.runWarnings.some((w) => w.includes('use --rules ita-2569'))).toBe(true);
  }, 120_000);

  it('agency-2569 assessed in 2570: no 2570 pack, the latest earlier one (ita-2569) with a warning', async () => {
    const report = await audit('agency-2569', { year: 2570 });
    expect(report.ruleset.id).toBe('ita-2569');
    expect(report.ruleset.selection?.reasonEn).toBe(
      'no NACC pack for 2570 yet: using the latest earlier one, ita-2569',
    );
    expect(report.runWarnings.some((w) => w.includes('no pack for 2570 yet'))).toBe(true);
    // 2569 weights are unknown and O2, O6, O7 are low-confidence: the report says both.
    expect(report.ruleset.weightsKnown).toBe(false);
    expect(report.ruleset.lowConfidenceItems).toEqual(['O2', 'O6', 'O7']);
    expect(
      report.runWarnings.some((w) => w.includes('items O2, O6, O7 of ita-2569 are low-confidence')),
    ).toBe(true);
  }, 120_000);

  it('agency-2569 at its labelled year scores the 26 items', async () => {
    const labels = labelsOf('agency-2569');
    const report = await audit('agency-2569');
    expect(report.ruleset.id).toBe(labels.expectPack);
    expect(report.items).toHaveLength(26);
    expect(agreement(report, labels)).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('hospital-moit: MOIT codes on the ITA index select the MOPH pack, and say why', async () => {
    const labels = labelsOf('hospital-moit');
    const report = await audit('hospital-moit');
    expect(report.ruleset.id).toBe(labels.expectPack);
    expect(report.ruleset.family).toBe('moph');
    expect(report.ruleset.selection?.reasonEn).toMatch(
      /uses MOIT codes \(20 items, labelled 2569\): MOPH MOIT pack moph-moit-2569$/,
    );
    expect(report.items.map((i) => i.id)).toContain('MOIT22');
    expect(report.ita).toBeNull();
    expect(agreement(report, labels)).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});

describe('a MOIT site scored against ita-2562 (forced) warns in every output format', () => {
  it('text, json, md, html, junit, csv, GitHub summary and annotations all carry the mismatch', async () => {
    const report = await audit('hospital-moit', { rules: 'ita-2562' });
    const pack = getRulePack('ita-2562')!;
    expect(report.ruleset.id).toBe('ita-2562');
    expect(report.ruleset.selection?.mode).toBe('forced');
    expect(report.ruleset.mismatch?.en).toMatch(
      /^the site uses MOPH "MOIT" codes \(page http:\/\/127\.0\.0\.1:\d+\/ita\/\) but was scored against ita-2562/,
    );
    expect(report.runWarnings[0]).toMatch(/^!! ชุดเกณฑ์ไม่ตรงกับเว็บไซต์: .* — !! PACK MISMATCH: /);
    for (const lang of ['th', 'en'] as const) {
      const expected = lang === 'en' ? report.ruleset.mismatch!.en : report.ruleset.mismatch!.th;
      for (const format of AUDIT_FORMATS) {
        const out = await renderReport(report, pack, format, lang);
        // JSON and XML escape quotes; compare on a stretch of the message without them.
        const probe = lang === 'en' ? 'but was scored against ita-2562' : 'แต่ตรวจด้วยชุดเกณฑ์ ita-2562';
        expect(out, `${format} ${lang}`).toContain(probe);
        if (format === 'text') expect(out, `${format} ${lang}`).toContain(expected);
        if (format === 'csv') expect(out, `${format} ${lang}`).toContain(expected.replace(/"/g, '""'));
      }
      const gate = evaluateGates(report, {});
      expect(renderGithubSummary(report, pack, gate, lang)).toContain(
        lang === 'en' ? 'RULE PACK MISMATCH' : 'ชุดเกณฑ์ไม่ตรงกับเว็บไซต์',
      );
      expect(renderAnnotations(report, gate, {}, lang)).toMatch(/^::warning title=oit-audit%3A /);
    }
  }, 120_000);

  it('the same site under auto has no mismatch', async () => {
    const report = await audit('hospital-moit');
    expect(report.ruleset.mismatch).toBeUndefined();
    expect(report.runWarnings.some((w) => w.includes('PACK MISMATCH'))).toBe(false);
  }, 120_000);
});
