import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/report/csv';
import { auditReportSchema } from '../../src/core/report/schema';
import { SITES_DIR } from '../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], cwd: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, OIT_AUDIT_LANG: 'en' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

interface FileMark {
  ino: number;
  mtimeMs: number;
  sha256: string;
}

function mark(path: string): FileMark {
  const st = statSync(path);
  return {
    ino: st.ino,
    mtimeMs: st.mtimeMs,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  };
}

function stateIds(dir: string): string[] {
  const path = join(dir, 'state.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { id: string; status: string }];
      } catch {
        return [];
      }
    })
    .map((e) => e.id);
}

describe('oit-audit batch', () => {
  const servers: SiteServer[] = [];
  const agencies: { id: string; name: string; url: string }[] = [];
  beforeAll(async () => {
    // Five sites on five loopback ports (so they may run side by side) and one closed port.
    const sites = ['agency-complete', 'agency-gaps', 'agency-complete', 'agency-gaps', 'agency-complete'];
    for (const [i, site] of sites.entries()) {
      const server = await startSiteServer({ root: join(SITES_DIR, site) });
      servers.push(server);
      agencies.push({ id: `ag-${i + 1}`, name: `กรมทดสอบ ${i + 1}, "${site}"`, url: `${server.url}/` });
    }
    agencies.splice(2, 0, {
      id: 'down',
      name: 'หน่วยงานที่ปิดอยู่',
      url: `http://127.0.0.1:${await closedPort()}/`,
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  const csvText = () =>
    `agency_id,name,url,year\r\n${agencies.map((a) => `${a.id},"${a.name.replace(/"/g, '""')}",${a.url},2568`).join('\r\n')}\r\n`;

  it('killed with SIGKILL mid-run and resumed: every agency once, no finished report rewritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-batch-'));
    writeFileSync(join(dir, 'agencies.csv'), csvText());
    // The fixture sites are labelled for the FY2562 items (O1–O48): judged by that pack.
    const args = [
      'batch',
      'agencies.csv',
      '--out',
      'out',
      '--rules',
      'ita-2562',
      '--sites-concurrency',
      '2',
      '--delay',
      '40',
      '--no-offsite-check',
      '--retries',
      '0',
    ];
    const out = join(dir, 'out');

    // First run: kill -9 as soon as one report is recorded.
    const first = start(args, dir);
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      const lines = existsSync(join(out, 'state.jsonl'))
        ? readFileSync(join(out, 'state.jsonl'), 'utf8')
        : '';
      if (lines.includes('"status":"done"')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const finishedBefore = stateIds(out);
    expect(finishedBefore.length).toBeGreaterThan(0);
    expect(finishedBefore.length).toBeLessThan(agencies.length);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    const reports = readdirSync(out).filter((n) => n.endsWith('.json'));
    expect(reports.length).toBeGreaterThan(0);
    const marks = new Map(reports.map((n) => [n, mark(join(out, n))]));

    // Without --resume the folder is refused (exit 2), untouched.
    const refused = await start(args, dir).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already holds a batch.*\n.*--resume/);

    const resumed = await start([...args, '--resume'], dir).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/already finished/);
    expect(resumed.stderr).toMatch(new RegExp(`\\[${agencies.length}/${agencies.length}\\]`));

    // No report finished before the kill was written again.
    for (const [name, before] of marks) expect(mark(join(out, name)), name).toEqual(before);

    // Each agency exactly once in the state and in summary.csv, in the CSV's order.
    const ids = stateIds(out);
    expect([...ids].sort()).toEqual(agencies.map((a) => a.id).sort());
    const rows = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8')).map((r) => r.fields);
    const header = rows.shift()!;
    expect(rows.map((r) => r[0])).toEqual(agencies.map((a) => a.id));
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      const agency = agencies.find((a) => a.id === row[0])!;
      expect(row[col('name')]).toBe(agency.name);
      if (agency.id === 'down') {
        expect(row[col('status')]).toBe('error');
        expect(row[col('error')]).toMatch(/unreachable/);
        expect(row[col('report')]).toBe('');
      } else {
        expect(row[col('status')]).toBe('done');
        expect(Number(row[col('oit')])).toBeGreaterThan(50);
        expect(row[col('sub_10_2')]).not.toBe('');
        expect(Number(row[col('pages')])).toBeGreaterThan(10);
        const report = auditReportSchema.parse(
          JSON.parse(readFileSync(join(out, `${agency.id}.json`), 'utf8')),
        );
        expect(report.items).toHaveLength(48);
      }
    }
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<a href="ag-1.json">JSON</a>');
    expect(html).toContain('&#34;agency-gaps&#34;');
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('exit 2 naming the line of a bad row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-batch-'));
    writeFileSync(
      join(dir, 'agencies.csv'),
      'agency_id,name,url\nok,OK,http://127.0.0.1:9/\nbad,กรม,www.bad.go.th\n',
    );
    const r = await start(['batch', 'agencies.csv', '--out', 'out'], dir).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agencies\.csv line 3: the URL of bad is not valid/);
    expect(r.stderr).toMatch(/https:\/\/www\.bad\.go\.th/);
  });

  it('IIT/EIT columns and survey files give ITA and rating; each agency gets an HTML report; unreachable is a result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-batch-'));
    mkdirSync(join(dir, 'surveys'));
    writeFileSync(
      join(dir, 'surveys', 'gaps.json'),
      JSON.stringify({ indicators: { 1: 90, 2: 84, 3: 80, 4: 80, 5: 83, 6: 94, 7: 88, 8: 84 } }),
    );
    const [complete, gaps] = [agencies[0]!, agencies[1]!];
    const down = agencies.find((a) => a.id === 'down')!;
    writeFileSync(
      join(dir, 'agencies.csv'),
      'agency_id,name,url,year,iit,eit,survey\n' +
        `complete,กรมครบ,${complete.url},2568,83.81,89.33,\n` +
        `gaps,กรมขาด,${gaps.url},2568,,,surveys/gaps.json\n` +
        `down,หน่วยงานที่ปิดอยู่,${down.url},2568,,,\n`,
    );
    // FY2562 items and tool weights: the fixture sites' labels, and an ITA total to check.
    const args = [
      'batch',
      'agencies.csv',
      '--out',
      'out',
      '--rules',
      'ita-2562',
      '--delay',
      '0',
      '--no-offsite-check',
      '--retries',
      '0',
    ];
    const r = await start(args, dir).done;
    // The unreachable agency is a recorded result: the batch itself succeeded.
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\d\/3 done · \d running · \d waiting · elapsed \d+:\d\d/);
    expect(r.stderr).toMatch(/✓ complete ITA \d+\.\d\d \([A-F+]+\) · OIT/);
    const out = join(dir, 'out');
    const rows = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8')).map((x) => x.fields);
    const header = rows.shift()!;
    const col = (name: string) => header.indexOf(name);
    for (const id of ['complete', 'gaps']) {
      const row = rows.find((x) => x[0] === id)!;
      const report = auditReportSchema.parse(JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')));
      expect(report.ita, id).not.toBeNull();
      expect(Number(row[col('ita')])).toBeCloseTo(report.ita!.score, 2);
      expect(row[col('rating')]).toBe(report.ita!.rating);
      expect(row[col('html')]).toBe(`${id}.html`);
      const html = readFileSync(join(out, `${id}.html`), 'utf8');
      expect(html).toContain(report.site.finalUrl);
    }
    expect(rows.find((x) => x[0] === 'complete')![col('rating')]).not.toBe('');
    const downRow = rows.find((x) => x[0] === 'down')!;
    expect(downRow[col('error_kind')]).toBe('unreachable');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="complete.html">report</a>');
    expect(index).toContain('<a href="gaps.html">report</a>');
    expect(index).toMatch(/<h2 id="items">Items failing most \(item × agency\)<\/h2>/);

    // Retrying the errors: still unreachable, and the exit is the batch's result, not the row's.
    const retried = await start([...args, '--resume', '--retry-errors'], dir).done;
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stderr).toMatch(/✗ down site unreachable/);
    const strict = await start([...args, '--resume', '--retry-errors', '--fail-on-unreachable'], dir).done;
    expect(strict.code, strict.stderr).toBe(3);

    // The saved reports render again without a crawl: the same HTML the batch wrote.
    const rendered = await start(['report', 'out/gaps.json', '--format', 'html'], dir).done;
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toBe(readFileSync(join(out, 'gaps.html'), 'utf8'));
    const md = await start(['report', 'out/complete.json', '--format', 'md', '--out', 'complete.md'], dir)
      .done;
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(join(dir, 'complete.md'), 'utf8')).toMatch(
      /^# OIT audit: http:\/\/127\.0\.0\.1:\d+\//,
    );
    const text = await start(['report', 'out/complete.json'], dir).done;
    expect(text.stdout).toMatch(/rules ita-2562 · assessed FY 2568 \(BE; as given\)/);
    const bad = await start(['report', 'agencies.csv'], dir).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/agencies\.csv/);
  }, 90_000);

  it("judges the batch with the assessed year's pack unless --rules names one; rows of two years are refused", async () => {
    const server = await startSiteServer({ root: join(SITES_DIR, 'agency-2569') });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'oit-batch-'));
    writeFileSync(join(dir, 'agencies.csv'), `agency_id,name,url,year\nnew,กรมปีใหม่,${server.url}/,2569\n`);
    const fast = ['--delay', '0', '--no-offsite-check', '--retries', '0', '-q'];
    const r = await start(['batch', 'agencies.csv', '--out', 'out', ...fast], dir).done;
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'new.json'), 'utf8'));
    expect(report.ruleset.id).toBe('ita-2569');
    expect(report.items).toHaveLength(26);

    writeFileSync(
      join(dir, 'mixed.csv'),
      `agency_id,name,url,year\nnew,กรมปีใหม่,${server.url}/,2569\nold,กรมปีก่อน,${server.url}/,2566\n`,
    );
    const before = server.requests.length;
    const mixed = await start(['batch', 'mixed.csv', '--out', 'mixed', ...fast], dir).done;
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/assessed in different years \(2566, 2569\)/);
    expect(mixed.stderr).toMatch(/--rules/);
    expect(server.requests.length).toBe(before);
  }, 60_000);

  it('lists every bad row of the CSV at once (exit 2, nothing audited)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-batch-'));
    writeFileSync(
      join(dir, 'agencies.csv'),
      'agency_id,name,url,iit,eit,survey\nok,OK,http://127.0.0.1:9/,,,\nbad,กรม,www.bad.go.th,,,\nhalf,H,http://127.0.0.1:9/,70,,\nsv,S,http://127.0.0.1:9/,,,missing.json\n',
    );
    const r = await start(['batch', 'agencies.csv', '--out', 'out'], dir).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agencies\.csv: 3 bad rows \(nothing was audited\)/);
    expect(r.stderr).toMatch(/line 3: the URL of bad is not valid/);
    expect(r.stderr).toMatch(/line 4: half needs both iit and eit/);
    expect(r.stderr).toMatch(/line 5: cannot read the survey file of sv: missing\.json not found/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
