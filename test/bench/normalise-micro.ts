/**
 * Micro-benchmark of `normaliseText` (issue 11 §3): the optimised function against the frozen
 * reference (test/unit/core/thai/normalise-reference.ts) on the text of the bench site's pages.
 * Not a test: it asserts no timing, but exits 1 if any output differs from the reference.
 *
 *   npx tsx test/bench/normalise-micro.ts [site-dir] [--rounds 7]
 *   node --expose-gc --import tsx test/bench/normalise-micro.ts   (fairer: a GC before each pass)
 *
 * site-dir defaults to /tmp/oit-bench-site-2000; make it with
 *   node /work/shared/bench/gen-site.mjs --pages 2000 --seed 1 --out /tmp/oit-bench-site-2000
 *
 * Per page it normalises what the snapshot normalises (src/core/extract/snapshot.ts): the page
 * text (standing for main and chrome text), its first 4,000 chars (own text), the title and each
 * link text. Tags are stripped crudely: block tags become "\n", others vanish, as the snapshot
 * joins text nodes; a few entities are decoded (&nbsp; matters: it is whitespace to fold).
 * Reference and new run in alternating rounds so machine load moves both alike; the medians of
 * their CPU time are shown (CPU per page is what issue 11 §3 asks to cut, and it varies less
 * than wall time on a shared machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseText } from '../../src/core/thai/normalise';
import { referenceNormaliseText } from '../unit/core/thai/normalise-reference';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 7;
const SITE =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? '/tmp/oit-bench-site-2000';

const BLOCK_TAG =
  /<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|nav|main|aside)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = {
  '&nbsp;': '\u00A0',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
};

function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return new TextDecoder(charset === 'tis-620' || charset === 'windows-874' ? 'windows-874' : 'utf-8').decode(
    bytes,
  );
}

function strip(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(BLOCK_TAG, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:nbsp|amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? e);
}

interface Inputs {
  long: string[];
  short: string[];
}

function collect(dir: string): Inputs {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
  if (files.length === 0) {
    console.error(`no HTML pages under ${dir}: generate the bench site first (see the header of this file)`);
    process.exit(2);
  }
  const long: string[] = [];
  const short: string[] = [];
  for (const f of files) {
    const html = decode(readFileSync(join(dir, f)));
    const text = strip(html);
    long.push(text, text.slice(0, 4000));
    short.push(strip(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? ''));
    for (const m of html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)) short.push(strip(m[1]!));
  }
  console.log(
    `${files.length} pages: ${long.length} page texts (${(long.reduce((n, s) => n + s.length, 0) / 1e6).toFixed(1)} M chars), ${short.length} titles and link texts`,
  );
  return { long, short };
}

/** CPU time (user + system, GC threads included) of one pass over `inputs`, in ms. */
function time(fn: (s: string) => string, inputs: string[]): number {
  // With --expose-gc, collect first so neither side pays for the other's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  let sink = 0;
  for (const s of inputs) sink += fn(s).length;
  const used = process.cpuUsage(start);
  if (sink < 0) console.log(sink); // keeps the results alive
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const inputs = collect(SITE);

let mismatches = 0;
for (const s of [...inputs.long, ...inputs.short]) {
  if (normaliseText(s) !== referenceNormaliseText(s)) {
    if (mismatches++ < 3) console.error('MISMATCH on', JSON.stringify(s.slice(0, 200)));
  }
}
if (mismatches > 0) {
  console.error(`${mismatches} inputs normalise differently from the reference`);
  process.exit(1);
}

for (const [label, list] of [
  ['page texts', inputs.long],
  ['titles + link texts', inputs.short],
] as const) {
  const ref: number[] = [];
  const now: number[] = [];
  time(referenceNormaliseText, list); // warm-up
  time(normaliseText, list);
  for (let r = 0; r < ROUNDS; r++) {
    ref.push(time(referenceNormaliseText, list));
    now.push(time(normaliseText, list));
  }
  const a = median(ref);
  const b = median(now);
  console.log(
    `${label.padEnd(20)} reference ${a.toFixed(0).padStart(5)} ms CPU   new ${b.toFixed(0).padStart(5)} ms CPU   ×${(a / b).toFixed(2)}`,
  );
}
