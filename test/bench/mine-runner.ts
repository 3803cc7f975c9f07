// The full audit in this process, for profiling (`node --cpu-prof`, heap snapshots) after an
// esbuild bundle of this file; the contract of ../shared/bench/peers/run-bench.mjs's --extra:
//   node mine-runner.js --url http://127.0.0.1:8808/ --concurrency 8
// `npm run bench` measures the installed CLI instead (bin-runner.mjs), as users run it.
import { runAudit } from '../../src/core/audit';
import { createNodeEnv } from '../../src/node/node-env';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

const url = arg('url', 'http://127.0.0.1:8808/');
const concurrency = Number(arg('concurrency', '8'));
const env = createNodeEnv({ allowHost: (host) => host === '127.0.0.1' });
const started = performance.now();
const report = await runAudit(
  {
    url,
    concurrency,
    delayMs: 0,
    // The synthetic site has 2000 pages behind deep pagination: lift the caps so every tool
    // reaches the same pages.
    maxPages: 3000,
    maxDepth: 100,
    paginationCap: 1000,
    year: 2568,
  },
  env,
);
const crawlMs = Math.round(performance.now() - started);
const outcomes: Record<string, number> = {};
for (const item of report.items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    tool: 'mine',
    concurrency,
    htmlPages: report.crawl.pagesFetched,
    documents: report.crawl.documentsSeen,
    resourcesChecked: report.crawl.resourcesChecked,
    outcomes,
    oit: Number(report.oit.score.toFixed(2)),
    crawlMs,
  })}\n`,
);
