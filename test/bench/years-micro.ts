/**
 * Micro-benchmark of findYears + findYearRanges (issue 11 §3): the frozen reference against the
 * code in src, on the year source of every page of the bench site, built as extractSnapshot
 * builds it (title, headings, the first 16,000 chars of the normalised main text; here the main
 * text is the body with its tags stripped). Also checks both give the same output on each page.
 *
 *   npx tsx test/bench/years-micro.ts [site-dir] [--rounds 7]
 *   node --expose-gc --import tsx test/bench/years-micro.ts   (a collection before each pass)
 *
 * The site defaults to /tmp/oit-bench-site-2000 (`node ../shared/bench/gen-site.mjs --pages 2000
 * --seed 1 --out /tmp/oit-bench-site-2000`). Prints the median CPU ms of the rounds, for all pages.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseText } from '../../src/core/thai/normalise';
import { findYearRanges, findYears } from '../../src/core/thai/years';
import { findYearRangesReference, findYearsReference } from '../unit/core/thai/years-reference';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '7' } },
});
const site = positionals[0] ?? '/tmp/oit-bench-site-2000';
const rounds = Number(values.rounds);

function strip(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

function yearSource(html: string): string {
  const title = normaliseText(strip(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? ''));
  const headings = [...html.matchAll(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/gi)].map((m) =>
    normaliseText(strip(m[1] ?? '')),
  );
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return `${title}\n${headings.join('\n')}\n${normaliseText(strip(body)).slice(0, 16_000)}`;
}

const files = readdirSync(site, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name))
  .sort();
if (files.length === 0) {
  console.error(`No HTML pages under ${site}: generate the bench site first (see the header of this file).`);
  process.exit(2);
}
const sources = files.map((f) => yearSource(readFileSync(f, 'utf8')));

let differ = 0;
let mentions = 0;
let ranges = 0;
for (const s of sources) {
  const ref = findYearsReference(s);
  const now = findYears(s);
  const refRanges = findYearRangesReference(s, ref);
  mentions += ref.length;
  ranges += refRanges.length;
  if (!isDeepStrictEqual(ref, now) || !isDeepStrictEqual(refRanges, findYearRanges(s, now))) differ++;
}

type Impl = (s: string) => number;
const reference: Impl = (s) => {
  const m = findYearsReference(s);
  return m.length + findYearRangesReference(s, m).length;
};
const current: Impl = (s) => {
  const m = findYears(s);
  return m.length + findYearRanges(s, m).length;
};

/** CPU time (user + system) of one pass over the pages, in ms: less moved by other jobs than wall time. */
function time(impl: Impl): number {
  // With --expose-gc, collect first so neither side pays for the other's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  let sink = 0;
  for (const s of sources) sink += impl(s);
  const used = process.cpuUsage(start);
  if (sink < 0) console.log(sink); // keeps the results alive
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// One warm-up round each, then alternating rounds so machine load hits both alike.
time(reference);
time(current);
const refMs: number[] = [];
const curMs: number[] = [];
for (let r = 0; r < rounds; r++) {
  refMs.push(time(reference));
  curMs.push(time(current));
}
const chars = sources.reduce((n, s) => n + s.length, 0);
const ref = median(refMs);
const cur = median(curMs);
console.log(
  `${files.length} pages, ${(chars / 1e6).toFixed(1)} M chars, ${mentions} mentions, ${ranges} ranges`,
);
console.log(`reference  ${ref.toFixed(1)} ms CPU  (${((ref * 1000) / files.length).toFixed(0)} µs/page)`);
console.log(`current    ${cur.toFixed(1)} ms CPU  (${((cur * 1000) / files.length).toFixed(0)} µs/page)`);
console.log(`speed-up   ${(ref / cur).toFixed(2)}×   pages with different output: ${differ}`);
process.exitCode = differ === 0 ? 0 : 1;
