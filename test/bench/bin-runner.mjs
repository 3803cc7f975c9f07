// The installed CLI as a runner of ../shared/bench/peers/run-bench.mjs (its --extra contract):
//   OIT_BIN=<project>/node_modules/oit-audit/bin/oit-audit.mjs \
//     node bin-runner.mjs --url http://127.0.0.1:8808/ --concurrency 8
// Runs `oit-audit audit` exactly as a user would, with the default flags except those that make
// every tool reach the same pages of the synthetic site: no delay, robots.txt ignored (the
// peers ignore it), no depth, page or pagination cap below the site's size. Crawl, extraction,
// detection, verification and the JSON report all run. Prints one JSON line; crawlMs is the
// wall time of the whole command, start-up included.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const bin = process.env.OIT_BIN;
if (!bin) {
  process.stderr.write('bin-runner: set OIT_BIN to the installed bin/oit-audit.mjs\n');
  process.exit(2);
}
const url = arg('url', 'http://127.0.0.1:8808/');
const concurrency = arg('concurrency', '8');
const out = join(process.cwd(), 'report.json');
const args = [
  bin,
  'audit',
  url,
  '--concurrency',
  concurrency,
  '--delay',
  '0',
  '--ignore-robots',
  '--max-depth',
  '100',
  '--max-pages',
  arg('max-pages', '100000'),
  '--pagination-cap',
  '100000',
  '--year',
  '2568',
  '--format',
  'json',
  '--out',
  out,
  '--progress',
  'none',
];
const started = performance.now();
const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
const crawlMs = Math.round(performance.now() - started);
if (r.status !== 0 && r.status !== 1) {
  process.stderr.write(`bin-runner: oit-audit exited ${r.status}: ${r.stderr}\n`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(out, 'utf8'));
const outcomes = {};
for (const item of report.items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    tool: 'mine',
    concurrency: Number(concurrency),
    htmlPages: report.crawl.pagesFetched,
    documents: report.crawl.documentsSeen,
    resourcesChecked: report.crawl.resourcesChecked,
    outcomes,
    oit: Number(report.oit.score.toFixed(2)),
    crawlMs,
  })}\n`,
);
