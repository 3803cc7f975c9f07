/**
 * The crawl targets of issue 11 §3, read from ../shared/bench/peers/run-bench.mjs's summary.json:
 * ours against the server's ceiling (fetch every URL, parse nothing) and against crawlee, at the
 * same concurrency and latency, in the same run.
 */
interface CrawlSummary {
  tool: string;
  concurrency: number;
  pagesPerSec: number;
  cpuMsPerPage: number;
  rssMiB: number;
  maxInFlight: number;
  htmlCovered: number;
}

interface BenchSummary {
  latencyMs: number;
  serverMax?: { latencyMs: number; concurrency: number; reqPerSec: number }[];
  crawls: CrawlSummary[];
}

export function targetsTable(summary: BenchSummary): string {
  const lines = [
    'Targets (issue 11 §3), medians of the rounds above',
    '',
    '| concurrency | check | ours | against | ratio | target | met |',
    '|---:|---|---:|---:|---:|---:|:-:|',
  ];
  for (const mine of summary.crawls.filter((c) => c.tool === 'mine')) {
    const c = mine.concurrency;
    const ceiling = summary.serverMax?.find((s) => s.latencyMs === summary.latencyMs && s.concurrency === c);
    const crawlee = summary.crawls.find((s) => s.tool === 'crawlee' && s.concurrency === c);
    const row = (
      check: string,
      ours: number,
      against: number | undefined,
      target: number,
      atMost: boolean,
    ) => {
      if (against === undefined) return `| ${c} | ${check} | ${ours} | – | – | ${target}× | not measured |`;
      const ratio = ours / against;
      const met = atMost ? ratio <= target : ratio >= target;
      return `| ${c} | ${check} | ${ours} | ${against} | ${ratio.toFixed(2)}× | ${atMost ? '≤' : '≥'} ${target}× | ${met ? 'yes' : 'no'} |`;
    };
    lines.push(row('pages/s vs the ceiling’s requests/s', mine.pagesPerSec, ceiling?.reqPerSec, 0.8, false));
    lines.push(row('pages/s vs crawlee', mine.pagesPerSec, crawlee?.pagesPerSec, 1.5, false));
    lines.push(row('peak RSS MiB vs crawlee', mine.rssMiB, crawlee?.rssMiB, 0.5, true));
    lines.push(
      `| ${c} | peak requests in flight (server) | ${mine.maxInFlight} | ${c} | – | ≤ ${c} | ${mine.maxInFlight <= c ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
