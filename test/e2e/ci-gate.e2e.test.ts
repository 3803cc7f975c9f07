import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
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

/** Runs the real bin in `cwd`; GitHub variables only when the test sets them. */
function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env, OIT_AUDIT_LANG: 'en' };
  delete base.GITHUB_ACTIONS;
  delete base.GITHUB_STEP_SUMMARY;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env } });
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

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'oit-ci-'));
}

function writeConfig(dir: string, config: unknown, name = 'oit-audit.config.json'): void {
  writeFileSync(join(dir, name), JSON.stringify(config, null, 2));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Parses JUnit XML with htmlparser2 in XML mode (through cheerio). */
const parseXml = (xml: string) => load(xml, { xml: { xmlMode: true, decodeEntities: true } });

// The fixture sites are written against FY2562's O1–O48: pin the pack (auto would pick ita-2568).
const quick = { year: 2568, delay: 0, offsiteCheck: false, rules: 'ita-2562' };

describe('CI gate: config file, exit codes, reporters, baseline', () => {
  let complete: SiteServer;
  let gaps: SiteServer;
  // Reports of the first two tests, reused as baselines (tests in a file run in order).
  let goodReport = '';
  let gapsReport = '';
  beforeAll(async () => {
    complete = await startSiteServer({ root: join(SITES_DIR, 'agency-complete') });
    gaps = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
  });
  afterAll(async () => {
    await complete?.close();
    await gaps?.close();
  });

  it('exit 0: the config supplies site and gates; junit (48 testcases), csv and report.json land in outputDir', async () => {
    const dir = tmp();
    writeConfig(dir, {
      site: `${complete.url}/`,
      ...quick,
      gates: { failUnder: 85, required: ['O5', 'O30'], maxMissing: 0 },
      formats: ['junit', 'csv'],
      outputDir: 'oit-reports',
    });
    const r = await cli(['audit', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('O48');
    const $ = parseXml(readFileSync(join(dir, 'oit-reports/junit.xml'), 'utf8'));
    expect($('testcase')).toHaveLength(48);
    expect($('failure, error')).toHaveLength(0);
    expect($('testsuites').attr('tests')).toBe('48');
    const csv = readFileSync(join(dir, 'oit-reports/report.csv'), 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(49);
    goodReport = join(dir, 'oit-reports/report.json');
    const report = auditReportSchema.parse(JSON.parse(readFileSync(goodReport, 'utf8')));
    expect(report.items).toHaveLength(48);
  });

  it('exit 1 in GitHub Actions: ≤10 annotations led by the failing item, summary appended, reports written anyway', async () => {
    const dir = tmp();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '## earlier step\n');
    const r = await cli(
      [
        'audit',
        `${gaps.url}/`,
        '--year',
        '2568',
        '--rules',
        'ita-2562',
        '--delay',
        '0',
        '--no-offsite-check',
        '-q',
        '--reporter',
        'junit',
        '--format',
        'github,csv',
        '--output-dir',
        'out',
        '--required',
        'O5',
      ],
      dir,
      { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    );
    expect(r.code, r.stderr).toBe(1);
    const annotations = r.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.length).toBeLessThanOrEqual(10);
    expect(annotations[0]).toMatch(/^::error title=O5 .*::O5 fail/);
    expect(annotations.slice(1).every((l) => l.startsWith('::warning title=O'))).toBe(true);
    expect(r.stderr).toContain('gate failed: required item(s) not passed: O5');
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('## earlier step\n### ❌ oit-audit: gate failed')).toBe(true);
    expect(md).toContain('| O25 ');
    expect(readFileSync(join(dir, 'out/github-summary.md'), 'utf8')).toContain('gate failed');
    // `--format github,csv`: a comma-separated list counts as two formats.
    expect(readFileSync(join(dir, 'out/report.csv'), 'utf8').split('\n').length).toBeGreaterThan(48);
    const $ = parseXml(readFileSync(join(dir, 'out/junit.xml'), 'utf8'));
    expect($('testcase')).toHaveLength(48);
    expect($('testcase > failure').length).toBeGreaterThan(10);
    expect($('testcase > skipped').length).toBeGreaterThan(0);
    gapsReport = join(dir, 'out/report.json');
    expect(existsSync(gapsReport)).toBe(true);
  });

  it('flags override the config; levels and maxMissing gate the missing items', async () => {
    const dir = tmp();
    writeConfig(dir, { site: `${gaps.url}/`, ...quick, gates: { failUnder: 99 } });
    const levels = join(dir, 'levels');
    mkdirSync(levels);
    writeConfig(levels, {
      site: `${gaps.url}/`,
      ...quick,
      items: { O36: 'off', O25: 'warn' },
      gates: { maxMissing: 0 },
    });
    const report = auditReportSchema.parse(JSON.parse(readFileSync(gapsReport, 'utf8')));
    const missing = report.items.filter((i) => i.outcome === 'fail' || i.outcome === 'error').length;
    expect(report.items.find((i) => i.id === 'O36')?.outcome).toBe('fail');
    expect(report.items.find((i) => i.id === 'O25')?.outcome).toBe('fail');
    const [failing, overridden, within, over] = await Promise.all([
      cli(['audit', '-q'], dir),
      cli(['audit', '-q', '--fail-under', '50'], dir),
      // O36 (off) and O25 (warn) do not count.
      cli(['audit', '-q', '--max-missing', String(missing - 2)], levels),
      cli(['audit', '-q', '--max-missing', String(missing - 3)], levels),
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/gate failed: OIT \d+\.\d\d is below 99/);
    expect(overridden.code).toBe(0);
    expect(within.code, within.stderr).toBe(0);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/item\(s\) missing, at most \d+ allowed: O2, /);
    expect(over.stderr).not.toMatch(/allowed: .*O(36|25)\b/);
    // Four whole audits at once: on a loaded 2-core machine they take longer than the default 30 s.
  }, 120_000);

  it('--baseline fails only on items that passed there and no longer pass, and names them', async () => {
    const dir = tmp();
    const args = [
      'audit',
      `${gaps.url}/`,
      '--year',
      '2568',
      '--rules',
      'ita-2562',
      '--delay',
      '0',
      '--no-offsite-check',
      '-q',
    ];
    const [same, worse] = await Promise.all([
      // Same problems as the baseline: nothing new, green (even with a required item still missing).
      cli([...args, '--baseline', gapsReport, '--required', 'O5'], dir),
      // Against a baseline where everything passed: every missing item is a regression.
      cli([...args, '--baseline', goodReport], dir),
    ]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toMatch(/not passing since the baseline.*O5/);
    expect(worse.code).toBe(1);
    expect(worse.stderr).toMatch(/passed in the baseline and no longer pass: .*O2 \(fail\).*O5 \(fail\)/);
  }, 120_000);

  it('a baseline of another year warns and is left out instead of failing item by item', async () => {
    const dir = tmp();
    // goodReport was made for 2568, where everything passed: against it item by item the gaps
    // site would fail (see above). Made for 2567, it is not comparable.
    const r = await cli(
      [
        'audit',
        `${gaps.url}/`,
        '--year',
        '2567',
        '--rules',
        'ita-2562',
        '--delay',
        '0',
        '--no-offsite-check',
        '--baseline',
        goodReport,
        '--format',
        'json',
        '--progress',
        'none',
      ],
      dir,
      { GITHUB_ACTIONS: 'true' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: baseline .* was made under fiscal year 2568 \(this run: 2567\)/);
    expect(r.stderr).toMatch(/^::warning title=oit-audit baseline::/m);
    expect(r.stderr).not.toMatch(/no longer pass/);
    const report = auditReportSchema.parse(JSON.parse(r.stdout));
    expect(report.runWarnings.some((w) => w.includes('2568'))).toBe(true);
  }, 120_000);

  it('reports state the assessed year, whether it was the default, and the rule pack', async () => {
    const dir = tmp();
    // The fixture sites use the FY2562 numbering: the pack is pinned, the year is what is tested.
    const base = [
      'audit',
      `${complete.url}/`,
      '--rules',
      'ita-2562',
      '--delay',
      '0',
      '--no-offsite-check',
      '--progress',
      'none',
    ];
    const [given, byDefault] = await Promise.all([
      cli([...base, '--year', '2568', '--output-dir', 'given', '--format', 'junit'], dir),
      cli([...base, '--output-dir', 'default', '--format', 'md'], dir),
    ]);
    expect(given.code, given.stderr).toBe(0);
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(given.stdout).toMatch(/rules ita-2562 · assessed FY 2568 \(BE; as given\)/);
    expect(byDefault.stdout).toMatch(/assessed FY \d{4} \(BE; default: the current fiscal year/);
    const g = auditReportSchema.parse(JSON.parse(readFileSync(join(dir, 'given/report.json'), 'utf8')));
    const d = auditReportSchema.parse(JSON.parse(readFileSync(join(dir, 'default/report.json'), 'utf8')));
    expect(g.assessmentYearSource).toBe('option');
    expect(d.assessmentYearSource).toBe('default');
    const junit = parseXml(readFileSync(join(dir, 'given/junit.xml'), 'utf8'));
    expect(junit('property[name="assessmentYearSource"]').attr('value')).toBe('option');
    expect(junit('property[name="ruleset"]').attr('value')).toBe('ita-2562');
    expect(readFileSync(join(dir, 'default/report.md'), 'utf8')).toMatch(
      /Rules `ita-2562` · assessed FY \d{4} \(BE; default/,
    );
  }, 120_000);

  it('without a TTY, --progress lines logs status lines with pages, documents, items and elapsed time', async () => {
    const dir = tmp();
    const r = await cli(
      [
        'audit',
        `${complete.url}/`,
        '--year',
        '2568',
        '--rules',
        'ita-2562',
        '--delay',
        '0',
        '--no-offsite-check',
        '--format',
        'json',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('progress: '));
    // At least the line closing the crawl and the final one; more when the run is slow.
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const last = lines.at(-1) ?? '';
    const report = auditReportSchema.parse(JSON.parse(r.stdout));
    expect(last).toContain(`${report.crawl.pagesFetched} pages fetched`);
    expect(last).toMatch(/48\/48 items decided · elapsed \d+:\d\d/);
  }, 120_000);

  const usage: [string, (dir: string) => string[], RegExp][] = [
    [
      'a config value out of range',
      (dir) => {
        writeConfig(dir, { site: 'http://127.0.0.1:9/', gates: { failUnder: 150 } });
        return ['audit'];
      },
      /"gates\.failUnder": from 0 to 100/,
    ],
    [
      'an unknown config key',
      (dir) => {
        writeConfig(dir, { site: 'http://127.0.0.1:9/', maxpages: 10 });
        return ['audit'];
      },
      /"maxpages": unknown key \(did you mean "maxPages"\?\)/,
    ],
    ['a missing --config file', () => ['audit', '--config', 'ci/none.json'], /ci\/none\.json/],
    [
      'a baseline that is not a report',
      (dir) => {
        writeFileSync(join(dir, 'old.json'), '{"items": []}');
        return ['audit', 'http://127.0.0.1:9/', '--baseline', 'old.json'];
      },
      /--baseline: old\.json is not an oit-audit JSON report/,
    ],
    [
      'two document formats without --output-dir',
      () => ['audit', 'http://127.0.0.1:9/', '--format', 'json', '--format', 'junit'],
      /need --output-dir/,
    ],
    ['no site at all', () => ['audit', '--no-config'], /no site to audit/],
    [
      'a required item turned off',
      (dir) => {
        writeConfig(dir, { site: 'http://127.0.0.1:9/', items: { O5: 'off' } });
        return ['audit', '--required', 'O5'];
      },
      /O5 is required but "items\.O5" sets it to "off"/,
    ],
  ];
  for (const [what, setup, message] of usage) {
    it(`exit 2 for ${what}`, async () => {
      const dir = tmp();
      const r = await cli(setup(dir), dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('exit 3 when the configured site is unreachable, with a GitHub error annotation', async () => {
    const dir = tmp();
    const port = await closedPort();
    writeConfig(dir, { site: `http://127.0.0.1:${port}/`, ...quick, retries: 0, outputDir: 'out' });
    const r = await cli(['audit', '-q'], dir, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(`^::error title=oit-audit::site unreachable: http://127\\.0\\.0\\.1:${port}/`, 'm'),
    );
  });
});
