// The project's full audit as a runner of ../shared/bench/peers/run-bench.mjs (its --extra
// contract): node mine-runner.mjs --url http://127.0.0.1:8808/ --concurrency 8
// Crawl, extraction, detection and verification all run; prints one JSON line.
import { register } from 'tsx/esm/api';

register();
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const { runAudit } = await import('../../src/core/audit.ts');
const { createNodeEnv } = await import('../../src/node/node-env.ts');

const url = arg('url', 'http://127.0.0.1:8808/');
const concurrency = Number(arg('concurrency', 8));
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
const counts = {};
for (const item of report.items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({ tool: 'mine', concurrency, htmlPages: report.crawl.pagesFetched, documents: report.crawl.documentsSeen, resourcesChecked: report.crawl.resourcesChecked, outcomes: counts, oit: Number(report.oit.score.toFixed(2)), crawlMs })}\n`,
);
