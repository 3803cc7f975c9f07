// Micro-benchmark of the two per-page costs of issue 11 §3 that the profile pinned on the page
// extraction: the required-element probes and the content scan, reference (as before, frozen
// in test/unit/.../reference/) against the current code, on the pages of the bench site.
// Not a test: it prints milliseconds and checks only that both give the same answers.
//
//   npx tsx test/bench/scan-micro.ts [site dir] [--rounds 5] [--per-regex]
//
// The site defaults to /tmp/oit-bench-site-2000 (node ../shared/bench/gen-site.mjs --pages 2000
// --seed 1 --out /tmp/oit-bench-site-2000). Inputs are what the real extractSnapshot hands the
// probes and the scanner (test/helpers/capture-extract.ts), captured once before timing.
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ContentScanner } from '../../src/core/content/scanner';
import { extractionPack } from '../../src/core/extract/extraction-pack';
import { extractionSetup } from '../../src/core/extract/page-extractor';
import { allRulePacks } from '../../src/core/rules/registry';
import { captureDir, type ExtractInputs } from '../helpers/capture-extract';
import { ReferenceContentScanner } from '../unit/core/content/reference/scanner';
import {
  compileReferenceProbes,
  type ElementProbe,
  referenceElements,
} from '../unit/core/verify/reference/elements';

const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(name);
const rounds = flag('--rounds') >= 0 ? Number(args[flag('--rounds') + 1]) : 5;
const dir =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? '/tmp/oit-bench-site-2000';
if (!existsSync(dir)) {
  console.error(
    `scan-micro: ${dir} not found. Make it with: node ../shared/bench/gen-site.mjs --pages 2000 --seed 1 --out ${dir}`,
  );
  process.exit(2);
}

const pages: ExtractInputs[] = captureDir(dir);
const chars = pages.reduce((n, p) => n + p.lower.length, 0);
console.log(
  `${pages.length} pages from ${dir}, ${(chars / pages.length).toFixed(0)} characters of probe text a page`,
);

// The probes and scanner of an `auto` audit: every bundled pack merged.
const packs = allRulePacks();
const referenceProbes: ElementProbe[] = compileReferenceProbes(extractionPack(packs));
const referenceScanner = new ReferenceContentScanner(extractionPack(packs));
const { probes, scanner } = extractionSetup({ rules: 'bundled' });
const scannerNow: ContentScanner = scanner;

/** Best of `rounds` in CPU milliseconds of this process (the machine is shared: wall time is noisier). */
function time(fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

let sink = 0;
const runs = {
  'probes, reference': () => {
    for (const p of pages) sink += referenceElements(referenceProbes, p.lower, p.features).length;
  },
  'probes, now': () => {
    for (const p of pages) sink += probes.filter((q) => q.test(p.lower, p.features)).length;
  },
  'scan, reference': () => {
    for (const p of pages) sink += referenceScanner.scan(p.zones, p.extra).hits.length;
  },
  'scan, now': () => {
    for (const p of pages) sink += scannerNow.scan(p.zones, p.extra).hits.length;
  },
};

// Same answers first: a faster wrong answer is no result.
let differ = 0;
for (const p of pages) {
  const a = referenceElements(referenceProbes, p.lower, p.features);
  const b = probes.filter((q) => q.test(p.lower, p.features)).map((q) => q.key);
  if (!isDeepStrictEqual(a, b)) {
    differ++;
    if (differ <= 3) console.error(`elements differ on ${p.file}:\n  ${a.join(' ')}\n  ${b.join(' ')}`);
  }
  if (!isDeepStrictEqual(referenceScanner.scan(p.zones, p.extra), scannerNow.scan(p.zones, p.extra))) {
    differ++;
    if (differ <= 3) console.error(`digests differ on ${p.file}`);
  }
}

console.log(`CPU time, best of ${rounds} rounds, all ${pages.length} pages:`);
const ms: Record<string, number> = {};
for (const [name, fn] of Object.entries(runs)) {
  ms[name] = time(fn);
  console.log(
    `  ${name.padEnd(18)} ${ms[name].toFixed(1).padStart(8)} ms  ${((ms[name] * 1000) / pages.length).toFixed(1).padStart(7)} µs/page`,
  );
}
const ratio = (a: string, b: string) => ((ms[a] as number) / (ms[b] as number)).toFixed(2);
console.log(
  `  probes: ${ratio('probes, reference', 'probes, now')}× cheaper; scan: ${ratio('scan, reference', 'scan, now')}× cheaper`,
);

if (flag('--per-regex') >= 0) {
  // Where the probe time goes, one regex at a time (reference form).
  const seen = new Set<string>();
  const rows: [number, string][] = [];
  for (const pack of packs)
    for (const item of pack.items)
      for (const e of item.requiredElements)
        for (const m of e.anyOf) {
          if (!('text' in m) || seen.has(m.text)) continue;
          seen.add(m.text);
          const re = new RegExp(m.text, 'u');
          rows.push([
            time(() => {
              for (const p of pages) sink += re.test(p.lower) ? 1 : 0;
            }),
            `${item.id}:${e.id} ${m.text.slice(0, 90)}`,
          ]);
        }
  rows.sort((a, b) => b[0] - a[0]);
  console.log(`${rows.length} distinct regexes; total ${rows.reduce((n, r) => n + r[0], 0).toFixed(1)} ms`);
  for (const [t, name] of rows.slice(0, 25)) console.log(`  ${t.toFixed(1).padStart(7)} ms  ${name}`);
}
if (differ > 0) {
  console.error(`${differ} differences between the reference and the current code`);
  process.exit(1);
}
if (sink < 0) console.log(sink);
