import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/core/audit';
import { compareReports } from '../../../../src/core/compare/compare-reports';
import {
  renderCompareHtml,
  renderCompareMarkdown,
  renderCompareText,
} from '../../../../src/core/compare/render-compare';
import type { AuditReport } from '../../../../src/core/report/schema';
import { createNodeEnv } from '../../../../src/node/node-env';
import { SITES_DIR } from '../../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../../helpers/site-server';

let server: SiteServer;
let older: AuditReport; // the agency-2566 site under FY2562's list (48 items)
let newer: AuditReport; // the same site under its own 2566 list (43 items)

beforeAll(async () => {
  const labels = JSON.parse(readFileSync(join(SITES_DIR, 'agency-2566', 'labels.json'), 'utf8'));
  server = await startSiteServer({ root: join(SITES_DIR, 'agency-2566') });
  const env = createNodeEnv({
    now: () => new Date(labels.now),
    allowHost: (h) => h === '127.0.0.1',
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  });
  const base = { url: server.url, year: 2566, delayMs: 0 };
  older = await runAudit({ ...base, rules: 'ita-2562' }, env);
  newer = await runAudit({ ...base, rules: 'auto' }, env);
}, 180_000);
afterAll(async () => {
  await server.close();
});

const rowWith = (c: ReturnType<typeof compareReports>, newerId: string) =>
  c.items.find((r) => r.newer.some((i) => i.id === newerId))!;

describe('compare: a 2562-pack report against a 2566-pack report of the same agency', () => {
  it('lines items up through mapsTo, merged items in one row', () => {
    expect(older.ruleset.id).toBe('ita-2562');
    expect(newer.ruleset.id).toBe('ita-2566');
    const c = compareReports(older, newer);
    expect(c.acrossPacks).toBe(true);
    // 2566 O11 = FY2562 O10 + O18; O12 = O11 + O19.
    expect(rowWith(c, 'O11').older.map((i) => i.id)).toEqual(['O10', 'O18']);
    expect(rowWith(c, 'O12').older.map((i) => i.id)).toEqual(['O11', 'O19']);
    // 2566 O10 (personal-data policy) has no FY2562 counterpart; FY2562 O32 has no 2566 slot.
    expect(rowWith(c, 'O10').change).toBe('new-item');
    expect(c.items.find((r) => r.older.some((i) => i.id === 'O32'))?.change).toBe('dropped-item');
    // Every item of both reports is in exactly one row.
    expect(c.items.flatMap((r) => r.older.map((i) => i.id)).sort()).toEqual(
      older.items.map((i) => i.id).sort(),
    );
    expect(c.items.flatMap((r) => r.newer.map((i) => i.id)).sort()).toEqual(
      newer.items.map((i) => i.id).sort(),
    );
    expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(c.items.length);
    expect(c.oit.change).toBeCloseTo(newer.oit.score - older.oit.score, 9);
  });

  it('classifies each row from the outcomes: gained, lost, still missing, kept', () => {
    const flipped: AuditReport = structuredClone(newer);
    const set = (id: string, outcome: 'pass' | 'fail') => {
      const item = flipped.items.find((i) => i.id === id)!;
      item.outcome = outcome;
    };
    const c0 = compareReports(newer, newer);
    expect(c0.acrossPacks).toBe(false);
    expect(c0.counts.gained + c0.counts.lost).toBe(0);
    set('O12', 'pass'); // the stale 6-month report fixed
    set('O1', 'fail');
    const c = compareReports(newer, flipped);
    expect(rowWith(c, 'O12').change).toBe('gained');
    expect(rowWith(c, 'O1').change).toBe('lost');
    expect(rowWith(c, 'O33').change).toBe('still-missing');
    expect(c.counts.gained).toBe(1);
    expect(c.counts.lost).toBe(1);
  });

  it('renders text, Markdown, HTML (escaped) and JSON', () => {
    const c = compareReports(older, newer);
    const hostile: AuditReport = structuredClone(newer);
    hostile.items[0]!.name = '<script>alert(1)</script>';
    const h = compareReports(older, hostile);
    expect(renderCompareText(c, 'en')).toMatch(
      /^ita-2562 \(assessed 2566\) against ita-2566 \(assessed 2566\)\nOIT /,
    );
    expect(renderCompareText(c, 'en')).toContain('new item');
    expect(renderCompareMarkdown(c, 'th')).toContain('| เดิม | ใหม่ | รายการ | การเปลี่ยนแปลง |');
    const html = renderCompareHtml(h, 'en');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;script&#62;');
    expect(JSON.parse(JSON.stringify(c)).items.length).toBe(c.items.length);
  });
});
