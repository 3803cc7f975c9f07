/**
 * Does the audit's memory stay flat as the site grows (issue 11 §3)? Audits the synthetic site
 * at several sizes with the installed CLI (test/bench/bin-runner.mjs) and reports pages/s, CPU
 * per page and peak RSS for each. Sites are generated once by ../shared/bench/gen-site.mjs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScaleRow {
  sitePages: number;
  pagesFetched: number;
  wallS: number;
  pagesPerSec: number;
  cpuMsPerPage: number;
  rssMiB: number;
  outcomes: Record<string, number>;
}

/** /usr/bin/time -v output -> the numbers we report. */
function timeV(text: string) {
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? Number.NaN);
  return {
    cpuS: n(/User time \(seconds\): ([\d.]+)/) + n(/System time \(seconds\): ([\d.]+)/),
    rssMiB: n(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
  };
}

async function waitForServer(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`serve-site exited ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/__stats`);
      if (r.ok) return;
    } catch {
      // Not listening yet (a 50,000-page site takes a while to load into memory).
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('serve-site did not start');
}

/** Audits the site of `pages` pages once; generates it first when missing. */
export async function auditAtScale(opts: {
  benchDir: string;
  binRunner: string;
  bin: string;
  pages: number;
  port: number;
  concurrency: number;
}): Promise<ScaleRow> {
  const site = join(tmpdir(), `oit-bench-site-${opts.pages}`);
  if (!existsSync(join(site, 'manifest.json'))) {
    const g = spawnSync(
      process.execPath,
      [join(opts.benchDir, 'gen-site.mjs'), '--pages', String(opts.pages), '--seed', '1', '--out', site],
      { stdio: 'inherit' },
    );
    if (g.status !== 0) throw new Error(`gen-site --pages ${opts.pages} failed`);
  }
  const server = spawn(
    process.execPath,
    [join(opts.benchDir, 'serve-site.mjs'), '--root', site, '--port', String(opts.port), '--latency', '20'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    await waitForServer(opts.port, server);
    const cwd = mkdtempSync(join(tmpdir(), 'oit-scale-'));
    const timeFile = join(cwd, 'time.txt');
    const r = spawnSync(
      '/usr/bin/time',
      [
        '-v',
        '-o',
        timeFile,
        process.execPath,
        opts.binRunner,
        '--url',
        `http://127.0.0.1:${opts.port}/`,
        '--concurrency',
        String(opts.concurrency),
        '--max-pages',
        String(opts.pages * 2),
      ],
      { cwd, encoding: 'utf8', env: { ...process.env, OIT_BIN: opts.bin }, maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`bin-runner failed (${r.status}): ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    const t = timeV(readFileSync(timeFile, 'utf8'));
    rmSync(cwd, { recursive: true, force: true });
    const wallS = out.crawlMs / 1000;
    return {
      sitePages: opts.pages,
      pagesFetched: out.htmlPages,
      wallS,
      pagesPerSec: Math.round(out.htmlPages / wallS),
      cpuMsPerPage: Number(((t.cpuS * 1000) / out.htmlPages).toFixed(2)),
      rssMiB: Number(t.rssMiB.toFixed(0)),
      outcomes: out.outcomes,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

export function scaleTable(rows: ScaleRow[], concurrency: number): string {
  return [
    `Audit by site size (installed CLI, concurrency ${concurrency}, 20 ms latency, one run each; load average ${loadavg()[0]?.toFixed(1)})`,
    '',
    '| site pages | pages fetched | wall s | pages/s | CPU ms/page | peak RSS MiB |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.sitePages} | ${r.pagesFetched} | ${r.wallS.toFixed(1)} | ${r.pagesPerSec} | ${r.cpuMsPerPage} | ${r.rssMiB} |`,
    ),
  ].join('\n');
}
