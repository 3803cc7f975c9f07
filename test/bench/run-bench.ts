/**
 * `npm run bench`: our full audit side by side with the peers of ../shared/bench, in the same
 * alternating rounds (2000-page synthetic Thai agency site, 20 ms latency, concurrency 8).
 * The shared folder is copied to a temp dir so its peers install without touching ../shared.
 *
 * First, the CLI's start-up times as ratios to `node -e 0` (test/bench/startup.ts).
 *
 *   npm run bench -- [--repeats 3] [--concurrency 8] [--tools baseline,baseline-htmlparser2,crawlee]
 *   npm run bench -- --only startup [--startup-rounds 15]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { auditAtScale, scaleTable } from './crawl-scale';
import { measureStartup, startupTable } from './startup';
import { targetsTable } from './targets';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
// Start-up of the CLI as installed: the compiled build the bin runs.
const root = resolve(import.meta.dirname, '../..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const startupRounds = Number(arg('startup-rounds', '15'));
const startup = startupTable(measureStartup(join(root, 'bin/oit-audit.mjs'), startupRounds), startupRounds);
process.stdout.write(`\n${startup}\n`);
if (arg('only', '') === 'startup') process.exit(0);

// The site generator and the peer tools are not part of the package: they live in the
// maintainers' workspace (../shared/bench) or wherever OIT_BENCH_DIR points.
const shared = resolve(process.env.OIT_BENCH_DIR ?? resolve(import.meta.dirname, '../../../shared/bench'));
if (!existsSync(shared)) {
  process.stderr.write(
    `bench: ${shared} not found: the benchmark needs the maintainers' bench folder (gen-site.mjs, serve-site.mjs, peers/); set OIT_BENCH_DIR to it\n`,
  );
  process.exit(2);
}
const work = join(tmpdir(), 'oit-bench');
mkdirSync(work, { recursive: true });
const site = join(tmpdir(), 'oit-bench-site-2000');
const out = join(tmpdir(), 'oit-bench-results');

const run = (cmd: string, args: string[], cwd?: string) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${cmd} ${args.join(' ')} failed (${r.status})\n`);
    process.exit(r.status ?? 1);
  }
};

// Ours as a user gets it: the packed tarball installed into an empty project.
const project = join(work, 'installed');
rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', project], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (packed.status !== 0) process.exit(packed.status ?? 1);
const tarball = join(project, packed.stdout.trim().split('\n').pop() as string);
run('npm', ['init', '-y'], project);
run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], project);
const bin = join(project, 'node_modules', 'oit-audit', 'bin', 'oit-audit.mjs');
const binRunner = resolve(import.meta.dirname, 'bin-runner.mjs');
process.env.OIT_BIN = bin;

if (!existsSync(join(work, 'peers', 'node_modules'))) {
  cpSync(shared, work, { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund'], join(work, 'peers'));
}
if (!existsSync(join(site, 'manifest.json'))) {
  run(process.execPath, [join(work, 'gen-site.mjs'), '--pages', '2000', '--seed', '1', '--out', site]);
}
const concurrency = arg('concurrency', '8');
if (arg('only', '') !== 'scale') {
  run(process.execPath, [
    join(work, 'peers', 'run-bench.mjs'),
    '--site',
    site,
    '--out',
    out,
    '--tools',
    arg('tools', 'baseline-htmlparser2,crawlee,linkinator,simplecrawler'),
    '--concurrency',
    concurrency,
    '--repeats',
    arg('repeats', '3'),
    '--skip-floor',
    '--extra',
    `mine=${binRunner}`,
  ]);
}

// Memory as the site grows: the same audit at 2,000, 10,000 and 50,000 pages.
const sizes = arg('scale', '2000,10000,50000')
  .split(',')
  .filter((s) => s !== '' && s !== 'none')
  .map(Number);
const scaleRows = [];
for (const pages of sizes) {
  process.stderr.write(`bench: auditing the ${pages}-page site…\n`);
  scaleRows.push(
    await auditAtScale({
      benchDir: work,
      binRunner,
      bin,
      pages,
      port: 8890,
      concurrency: Number(concurrency),
    }),
  );
}

process.stdout.write(`\n${startup}\n`);
if (arg('only', '') !== 'scale') {
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  process.stdout.write(`${readFileSync(join(out, 'summary.md'), 'utf8')}\n${targetsTable(summary)}\n`);
}
if (scaleRows.length > 0) process.stdout.write(`\n${scaleTable(scaleRows, Number(concurrency))}\n`);
