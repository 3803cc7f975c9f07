/**
 * Issue 12 through the real `oit-audit` bin: exit codes and messages for hostile sites and bad
 * input, and batch data safety. Loopback servers only.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/report/csv';
import { LOCK_FILE } from '../../src/node/batch-state';
import { bytes, type HostileServer, page, startHostileServer } from '../helpers/hostile-server';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
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

const servers: HostileServer[] = [];
async function site(routes: Parameters<typeof startHostileServer>[0] = {}) {
  const s = await startHostileServer({
    '/robots.txt': bytes('User-agent: *\nAllow: /\n', 'text/plain'),
    '/': page('<h1>สำนักงานทดสอบ</h1><a href="/about">เกี่ยวกับ</a>'),
    '/about': page('<p>เกี่ยวกับเรา</p>'),
    ...routes,
  });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const tmp = () => mkdtempSync(join(tmpdir(), 'oit-hostile-'));
const fast = ['--delay', '0', '--retries', '0', '--max-pages', '5', '-q'];

describe('7: robots.txt that forbids the audit', () => {
  it('audit exits 3 and says robots.txt forbids it and what to do', async () => {
    const s = await site({ '/robots.txt': bytes('User-agent: *\nDisallow: /\n', 'text/plain') });
    const r = await cli(['audit', s.url, ...fast], tmp());
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/robots\.txt forbids this audit/);
    expect(r.stderr).toContain('--ignore-robots');
    expect(s.hits('/')).toBe(0);
  }, 60_000);

  it('batch records the agency as blocked, not done with 0', async () => {
    const blocked = await site({ '/robots.txt': bytes('User-agent: *\nDisallow: /\n', 'text/plain') });
    const open = await site();
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url\nb1,ปิด,${blocked.url}/\no1,เปิด,${open.url}/\n`);
    const r = await cli(['batch', 'a.csv', '--out', 'out', ...fast], dir);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).map(
      (r) => r.fields,
    );
    const status = (header ?? []).indexOf('status');
    expect(rows.find((row) => row[0] === 'b1')?.[status]).toBe('blocked');
    expect(rows.find((row) => row[0] === 'o1')?.[status]).toBe('done');
  }, 120_000);
});

describe('8–9: bad input is exit 2, before any request', () => {
  it('numbers past the timer range are refused (exit 2)', async () => {
    const s = await site();
    for (const args of [
      ['--timeout', '3000000000'],
      ['--delay', '1e20'],
      ['--delay', '99999999999'],
    ]) {
      const r = await cli(['audit', s.url, ...args, '-q'], tmp());
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(s.requests).toEqual([]);
  }, 60_000);

  it('a header value with CR/LF in the config is exit 2, not a retried "site unreachable"', async () => {
    const s = await site();
    const dir = tmp();
    writeFileSync(
      join(dir, 'oit-audit.config.json'),
      JSON.stringify({ site: `${s.url}/`, headers: { 'X-Test': 'a\r\nInjected: yes' } }),
    );
    const r = await cli(['audit', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line break|control character/);
    expect(s.requests).toEqual([]);
  }, 60_000);

  it('a --header value with CR/LF on the command line is exit 2 too', async () => {
    const s = await site();
    const r = await cli(['audit', s.url, '--header', 'X-Test: a\r\nInjected: yes', '-q'], tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line break|control character/);
    // The value is shown escaped: no raw line break of it reaches the terminal.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toContain('a\\r\\nInjected');
    expect(s.requests).toEqual([]);
  }, 60_000);

  it('--survey past its size cap is exit 2, read no further', async () => {
    const s = await site();
    const dir = tmp();
    // A sparse 64 MB file: a survey is a few hundred bytes.
    const fd = openSync(join(dir, 'survey.json'), 'w');
    ftruncateSync(fd, 64 * 1024 * 1024);
    closeSync(fd);
    const r = await cli(['audit', s.url, '--survey', 'survey.json', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('survey.json');
    expect(s.requests).toEqual([]);
  }, 60_000);

  it('an --out path that cannot be written stops before the crawl (exit 2)', async () => {
    const s = await site();
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const r = await cli(['audit', s.url, '--out', 'file/report.txt', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file/report.txt');
    expect(s.requests).toEqual([]);
    const r2 = await cli(['audit', s.url, '--output-dir', 'file/reports', '-q'], dir);
    expect(r2.code).toBe(2);
    expect(s.requests).toEqual([]);
  }, 60_000);

  it('--survey reads regular files only (a folder, /dev/zero) — exit 2, never a hang', async () => {
    const s = await site();
    const dir = tmp();
    mkdirSync(join(dir, 'survey.json'));
    const r = await cli(['audit', s.url, '--survey', 'survey.json', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
    const z = await cli(['audit', s.url, '--survey', '/dev/zero', '-q'], dir);
    expect(z.code).toBe(2);
    expect(s.requests).toEqual([]);
  }, 60_000);
});

describe('10–11: batch data safety', () => {
  it('a second batch on a folder held by a live process is refused (exit 2); a stale lock is taken over', async () => {
    const s = await site();
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url\na1,หน่วยงาน,${s.url}/\n`);
    mkdirSync(join(dir, 'out'));
    // This test process is alive: its pid holds the lock.
    const live = {
      pid: process.pid,
      host: (await import('node:os')).hostname(),
      since: new Date().toISOString(),
    };
    writeFileSync(join(dir, 'out', LOCK_FILE), JSON.stringify(live));
    const held = await cli(['batch', 'a.csv', '--out', 'out', ...fast], dir);
    expect(held.code).toBe(2);
    expect(held.stderr).toContain(`process ${process.pid}`);
    expect(s.requests).toEqual([]);
    // A lock whose process is gone is stale.
    writeFileSync(join(dir, 'out', LOCK_FILE), JSON.stringify({ ...live, pid: 2 ** 22 + 12345 }));
    const stale = await cli(['batch', 'a.csv', '--out', 'out', ...fast], dir);
    expect(stale.code).toBe(0);
    expect(existsSync(join(dir, 'out', LOCK_FILE))).toBe(false);
  }, 120_000);

  it('--resume audits again a row whose URL or name changed in the CSV, and says so', async () => {
    const first = await site();
    const second = await site();
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url\na1,หน่วยงานเดิม,${first.url}/\n`);
    expect((await cli(['batch', 'a.csv', '--out', 'out', ...fast], dir)).code).toBe(0);
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url\na1,หน่วยงานใหม่,${second.url}/\n`);
    const r = await cli(
      ['batch', 'a.csv', '--out', 'out', '--resume', '--delay', '0', '--retries', '0', '--max-pages', '5'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/a1: url, name changed in the CSV/);
    expect(second.hits('/')).toBe(1);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).map(
      (r) => r.fields,
    );
    expect(rows[0]?.[(header ?? []).indexOf('url')]).toBe(`${second.url}/`);
    expect(rows[0]?.[(header ?? []).indexOf('name')]).toBe('หน่วยงานใหม่');
  }, 120_000);

  it('--resume audits again a row whose assessed year changed in the CSV', async () => {
    const s = await site();
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url,year\na1,หน่วยงาน,${s.url}/,2567\n`);
    expect((await cli(['batch', 'a.csv', '--out', 'out', ...fast], dir)).code).toBe(0);
    writeFileSync(join(dir, 'a.csv'), `agency_id,name,url,year\na1,หน่วยงาน,${s.url}/,2568\n`);
    const before = s.hits('/');
    const r = await cli(
      ['batch', 'a.csv', '--out', 'out', '--resume', '--delay', '0', '--retries', '0', '--max-pages', '5'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/a1: year changed in the CSV/);
    expect(s.hits('/')).toBe(before + 1);
  }, 120_000);
});

describe('12–14: honest, clean output', () => {
  it('-q prints nothing for a malformed PDF, and the report says it could not be read', async () => {
    const s = await site({
      '/plan-2568.pdf': bytes('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 5 0 R>>\nxx', 'application/pdf'),
    });
    const dir = tmp();
    const r = await cli(
      [
        'audit',
        s.url,
        ...fast,
        '--evidence',
        `O10=${s.url}/plan-2568.pdf`,
        '--format',
        'json',
        '--out',
        'r.json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const o10 = report.items.find((i: { id: string }) => i.id === 'O10');
    expect(o10.outcome).toBe('review');
    expect(o10.problems.map((p: { code: string }) => p.code)).toContain('unreadable-document');
  }, 60_000);

  it('control characters of site text reach no output format', async () => {
    const evil = 'สำนักงาน\u001b[31mแดง\u0007\u0000\u009b2J';
    const s = await site({
      '/': page(`<h1>${evil}</h1><a href="/contact">ติดต่อเรา ${evil}</a><p>${evil}</p>`, evil),
      '/contact': page(`<h1>ติดต่อเรา ${evil}</h1><p>โทรศัพท์ 02 123 4567</p>`),
    });
    const dir = tmp();
    const r = await cli(
      [
        'audit',
        s.url,
        ...fast,
        '--output-dir',
        'out',
        ...['text', 'md', 'html', 'csv', 'junit', 'json', 'github'].flatMap((f) => ['--format', f]),
      ],
      dir,
    );
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be there
    const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
    expect(r.stdout).not.toMatch(controls);
    for (const f of [
      'report.txt',
      'report.md',
      'report.html',
      'report.csv',
      'junit.xml',
      'report.json',
      'github-summary.md',
    ]) {
      const text = readFileSync(join(dir, 'out', f), 'utf8');
      expect(text, f).not.toMatch(controls);
    }
    // The text itself is kept, only the controls go.
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).toContain('แดง');
    const md = await cli(['measures', join(dir, 'out', 'report.json'), '--format', 'md'], dir);
    expect(md.stdout).not.toMatch(controls);
  }, 60_000);

  it('measures on a report that lacks items of its pack warns and lists them', async () => {
    const s = await site();
    const dir = tmp();
    // The FY2562 pack, whose O7 and O33 are taken out of the report below.
    const audit = ['audit', s.url, ...fast, '--rules', 'ita-2562', '--format', 'json', '--out', 'r.json'];
    expect((await cli(audit, dir)).code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    report.items = report.items.filter((i: { id: string }) => i.id !== 'O7' && i.id !== 'O33');
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(report));
    const r = await cli(['measures', 'cut.json', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no result for 2 item\(s\) .*O7, O33/);
  }, 60_000);
});
