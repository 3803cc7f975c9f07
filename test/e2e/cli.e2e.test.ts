import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../src/core/report/schema';
import { SITES_DIR } from '../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `oit-audit` bin as a user would (npx resolves to the same file). */
function cli(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    // Not a GitHub runner here, whatever runs these tests: no annotations, no job summary.
    const { GITHUB_ACTIONS: _a, GITHUB_STEP_SUMMARY: _s, ...env } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...env, OIT_AUDIT_LANG: 'th' },
    });
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

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('oit-audit score / rules', () => {
  it('reproduces seed D3: 91.50, rating A, from the ten indicators', async () => {
    const r = await cli([
      'score',
      '--indicators',
      '90.08,84.02,80.81,80.75,83.41,94.79,88.92,84.27,97.78,100',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.score - 91.5)).toBeLessThanOrEqual(0.005);
    expect(out.rating).toBe('A');
  });

  it('prints a Thai text summary from tool scores', async () => {
    const r = await cli(['score', '--iit', '80.79', '--eit', '84.47', '--oit', '97.50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ITA   88.58  ระดับ A');
  });

  it('reads a survey file at question level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-cli-'));
    const questions: Record<string, number> = {};
    for (let i = 1; i <= 30; i++) questions[`I${i}`] = 80;
    for (let i = 1; i <= 15; i++) questions[`E${i}`] = 90;
    writeFileSync(join(dir, 'survey.json'), JSON.stringify({ questions }));
    const r = await cli(['score', '--survey', 'survey.json', '--oit', '100', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ iit: 80, eit: 90, oit: 100, rating: 'A' });
  });

  it('a closed stdout (`| head`) ends quietly: no EPIPE stack, the normal exit code', async () => {
    const r = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'rules'], {
        env: { ...process.env, OIT_AUDIT_LANG: 'en' },
      });
      // The reader goes away before the first write, as `head` does after its lines.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('lists 48 items as JSON', async () => {
    const r = await cli(['rules', 'ita-2562', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.items).toHaveLength(48);
    expect(out.items.find((i: { id: string }) => i.id === 'O48').weight).toBeCloseTo(1.4286, 3);
  });

  const bad: [string, string[], RegExp][] = [
    ['a score above 100', ['score', '--iit', '105', '--eit', '80', '--oit', '90'], /0–100/],
    ['nine indicator values', ['score', '--indicators', '1,2,3,4,5,6,7,8,9'], /10/],
    ['a missing survey file', ['score', '--survey', 'nope.json', '--oit', '90'], /nope\.json/],
    ['an unknown flag', ['score', '--bogus'], /bogus/],
    ['an unknown command', ['frobnicate'], /frobnicate/],
    ['a URL without a scheme', ['audit', 'www.example.go.th'], /https:\/\/www\.example\.go\.th/],
    ['an unknown format', ['audit', 'http://127.0.0.1:9/', '--format', 'pdf'], /--format/],
    ['an unknown required item', ['audit', 'http://127.0.0.1:9/', '--required', 'O99'], /O99/],
    ['a pagination cap of 0', ['audit', 'http://127.0.0.1:9/', '--pagination-cap', '0'], /--pagination-cap/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with a message for ${what}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('exits 2 for malformed survey JSON and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-cli-'));
    writeFileSync(join(dir, 'survey.json'), '{"iit": 80,');
    const r = await cli(['score', '--survey', 'survey.json', '--oit', '90'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/survey\.json/);
    expect(r.stderr).toMatch(/JSON/);
  });
});

describe('oit-audit audit against loopback sites', () => {
  let complete: SiteServer;
  let gaps: SiteServer;
  beforeAll(async () => {
    complete = await startSiteServer({ root: join(SITES_DIR, 'agency-complete') });
    gaps = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
  });
  afterAll(async () => {
    await complete?.close();
    await gaps?.close();
  });
  // The fixture sites are written against FY2562's O1–O48: pin the pack (auto would pick ita-2568).
  const common = ['--year', '2568', '--rules', 'ita-2562', '--delay', '0', '--no-offsite-check', '--quiet'];

  it('exit 0: JSON report with 48 items, evidence for passes, reasons for the rest', async () => {
    const r = await cli([
      'audit',
      `${complete.url}/`,
      ...common,
      '--format',
      'json',
      '--iit',
      '95',
      '--eit',
      '95',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(r.stdout));
    expect(report.items).toHaveLength(48);
    expect(report.items.every((i) => i.outcome === 'pass' && i.evidence.length > 0)).toBe(true);
    expect(report.ita?.rating).toBe('AA');
    // The guard kept every request on the audited host.
    expect(complete.requests.length).toBeGreaterThan(10);
  });

  it('exit 1: --fail-under above the projected score, --required item missing; --out written anyway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-cli-'));
    const r = await cli(
      [
        'audit',
        `${gaps.url}/`,
        ...common,
        '--fail-under',
        '85',
        '--required',
        'O5,O1',
        '--format',
        'md',
        '--out',
        'gaps.md',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/OIT \d+\.\d\d/);
    expect(r.stderr).toContain('O5');
    expect(r.stderr).not.toMatch(/O5, O1|O1,/);
    const md = readFileSync(join(dir, 'gaps.md'), 'utf8');
    expect(md).toContain('## 9.1');
    expect(md).toContain('O25');
  });

  it('auto picks ita-2568 for FY2568: survey scores without published weights still give a report (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-cli-'));
    const r = await cli(
      [
        'audit',
        `${gaps.url}/`,
        '--year',
        '2568',
        '--delay',
        '0',
        '--no-offsite-check',
        '--quiet',
        '--iit',
        '83.81',
        '--eit',
        '89.33',
        '--format',
        'json',
        '--out',
        'r.json',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')));
    expect(report.ruleset.id).toBe('ita-2568');
    // The measures draft keeps the given scores: nothing can be projected without weights.
    const measures = (report as { measures?: unknown }).measures;
    expect(measures).toBeDefined();
    const md = await cli(['measures', 'r.json', '--format', 'md'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toContain('NaN');
  });

  it('--pagination-cap bounds the pages of one paginated list (an endless calendar here)', async () => {
    const hostile = await startSiteServer({ root: join(SITES_DIR, 'agency-hostile') });
    try {
      const calendarPages = async (cap: string) => {
        hostile.resetStats();
        const r = await cli([
          'audit',
          `${hostile.url}/`,
          ...common,
          '--format',
          'json',
          '--pagination-cap',
          cap,
        ]);
        expect(r.code, r.stderr).toBeLessThanOrEqual(1);
        return hostile.requests.filter((q) => q.path.startsWith('/calendar')).length;
      };
      expect(await calendarPages('3')).toBeLessThanOrEqual(3);
      const twelve = await calendarPages('12');
      expect(twelve).toBeGreaterThan(3);
      expect(twelve).toBeLessThanOrEqual(12);
    } finally {
      await hostile.close();
    }
  });

  it('text output groups by sub-indicator with reasons and the top fixes', async () => {
    const r = await cli(['audit', `${gaps.url}/`, ...common]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9.1 ข้อมูลพื้นฐาน');
    expect(r.stdout).toContain('✗ O2');
    expect(r.stdout).toContain('องค์ประกอบไม่ครบ');
    expect(r.stdout).toContain('ควรแก้ก่อน');
  });

  it('exit 3 when the site is unreachable', async () => {
    const port = await closedPort();
    const r = await cli(['audit', `http://127.0.0.1:${port}/`, ...common]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/127\.0\.0\.1/);
  });
});
