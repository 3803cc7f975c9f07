import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../src/core/report/schema';
import { SITES_DIR } from '../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { GITHUB_ACTIONS: _a, GITHUB_STEP_SUMMARY: _s, ...env } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...env, OIT_AUDIT_LANG: 'en' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: SiteServer;
let dir: string;
beforeAll(async () => {
  server = await startSiteServer({ root: join(SITES_DIR, 'agency-2569') });
  dir = mkdtempSync(join(tmpdir(), 'oit-packs-'));
});
afterAll(async () => {
  await server.close();
});

describe('oit-audit rules and custom packs', () => {
  it('rules --json lists every bundled pack with year, family, item count and confidence', async () => {
    const r = await cli(['rules', '--json'], dir);
    expect(r.code).toBe(0);
    const packs = JSON.parse(r.stdout).packs as { id: string; year: number; family: string; items: number }[];
    expect(packs.map((p) => `${p.id} ${p.year} ${p.family} ${p.items}`)).toEqual([
      'ita-2562 2562 nacc 48',
      'ita-2563 2563 nacc 43',
      'ita-2564 2564 nacc 43',
      'ita-2565 2565 nacc 43',
      'ita-2566 2566 nacc 43',
      'ita-2568 2568 nacc 26',
      'ita-2569 2569 nacc 26',
      'moph-moit-2567 2567 moph 22',
      'moph-moit-2568 2568 moph 22',
      'moph-moit-2569 2569 moph 22',
    ]);
    expect(JSON.parse(r.stdout).packs[6]).toMatchObject({
      confidence: { items: 'M', structure: 'L', weights: null, rating: null },
      lowConfidenceItems: ['O2', 'O6', 'O7'],
      weightsKnown: false,
    });
  }, 60_000);

  it('rules init copies a pack that then audits a site under its own id', async () => {
    const init = await cli(['rules', 'init', 'my-pack', '--from', 'ita-2569'], dir);
    expect(init.code).toBe(0);
    const out = join(dir, 'report.json');
    const r = await cli(
      [
        'audit',
        server.url,
        '--rules',
        './my-pack',
        '--year',
        '2569',
        '--format',
        'json',
        '--out',
        out,
        '--quiet',
      ],
      dir,
    );
    expect(r.stderr).not.toMatch(/invalid rule pack/);
    const report = auditReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.ruleset.id).toBe('custom-ita-2569');
    expect(report.ruleset.selection?.mode).toBe('custom');
    expect(report.items).toHaveLength(26);
    expect(report.items.filter((i) => i.outcome === 'pass').length).toBeGreaterThan(15);
  }, 120_000);

  it('a broken custom pack exits 2 naming the file, the item and the field', async () => {
    await cli(['rules', 'init', 'broken', '--from', 'ita-2569'], dir);
    const file = join(dir, 'broken/items/O12.json');
    writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), freshness: 'last-year' }),
    );
    const r = await cli(['audit', server.url, '--rules', './broken', '--quiet'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken/items/O12.json: field "freshness"');
  }, 60_000);

  it('a folder that is not a pack exits 2 and says how to start one', async () => {
    const r = await cli(['audit', server.url, '--rules', './nowhere/', '--quiet'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no rule pack at ./nowhere/');
    expect(r.stderr).toContain('rules init');
  }, 60_000);
});
