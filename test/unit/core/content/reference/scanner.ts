// REFERENCE COPY, frozen for the differential test (scan-equivalence.test.ts) and the
// micro-benchmark (test/bench/scan-micro.ts): src/core/content/scanner.ts verbatim as of
// commit 94270fb, before the scan was made cheaper (only the import paths changed). Do not
// edit: it is what the new scanner must agree with.
import type { RulePack } from '../../../../../src/core/rules/load-pack';
import { matchKey } from '../../../../../src/core/thai/normalise';
import type { ConceptHit, ContentDigest, Zone } from '../../../../../src/core/content/digest';
import { PhraseIndex } from './phrase-index';

/** Characters of a body scanned: the subject of a page or document is stated near its top. */
const BODY_SCAN_CHARS = 10_000;
const SNIPPET_SIDE = 32;

interface Entry {
  key: string;
  phrase: string;
  /** Index of `key` among the pack's keys, to remember what was seen without strings. */
  slot: number;
  /** A look-alike concept: counted only in a head. */
  negative: boolean;
}

/** Lower-cased text without whitespace, with the position of each kept character. */
function keyed(text: string): { key: string; at: Int32Array } {
  const lower = text.toLowerCase();
  // Lower-casing changes the length of a few non-Thai letters; positions are then approximate.
  const src = lower.length === text.length ? lower : text;
  const at = new Int32Array(src.length);
  let out = '';
  let run = 0;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (i > run) out += src.slice(run, i);
      run = i + 1;
      continue;
    }
    at[n++] = i;
  }
  if (run < src.length) out += src.slice(run);
  return { key: src === lower ? out : out.toLowerCase(), at };
}

/**
 * The text around a phrase. One phrase often serves several keys (the same words are an item
 * of several packs, and a concept and a report marker): `cache` hands the same string to every
 * hit of one window, so a page's digest holds each snippet once.
 */
function snippetOf(
  text: string,
  at: Int32Array,
  start: number,
  length: number,
  cache: Map<number, string>,
): string {
  const from = at[start] ?? 0;
  const to = (at[start + length - 1] ?? from) + 1;
  const a = Math.max(0, from - SNIPPET_SIDE);
  const b = Math.min(text.length, to + SNIPPET_SIDE);
  // b ≤ BODY_SCAN_CHARS + SNIPPET_SIDE < 65,536: one number names the window.
  const window = a * 65_536 + b;
  const known = cache.get(window);
  if (known !== undefined) return known;
  const made = `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ').trim()}${b < text.length ? '…' : ''}`;
  cache.set(window, made);
  return made;
}

/**
 * True when a match starts or ends inside a Thai syllable: "รายงานผล" in "รายงานผลิตภัณฑ์"
 * (a vowel mark follows), "ผล" in "เผลอ" (a leading vowel precedes). Thai has no spaces
 * between words, but a syllable is never cut in two by a real occurrence of a phrase.
 */
function splitsSyllable(key: string, start: number, length: number): boolean {
  const next = key.charCodeAt(start + length);
  if (next === 0x0e31 || (next >= 0x0e34 && next <= 0x0e3a) || (next >= 0x0e47 && next <= 0x0e4e))
    return true;
  const prev = start > 0 ? key.charCodeAt(start - 1) : 0;
  return prev >= 0x0e40 && prev <= 0x0e44;
}

/**
 * Compiles the content signals of a rule pack (concepts, negative concepts, report markers)
 * into one phrase index and scans targets with it. Phrases and texts are compared in the
 * `matchKey` form (DESIGN.md §5), as substrings: Thai has no word boundaries to rely on.
 */
export class ReferenceContentScanner {
  private readonly index: PhraseIndex<Entry>;
  private readonly keys: number;
  /** True when at least one item of the pack has content signals. */
  readonly enabled: boolean;

  constructor(pack: RulePack) {
    const entries: { phrase: string; value: Entry }[] = [];
    const slots = new Map<string, number>();
    const add = (key: string, phrase: string) => {
      const k = matchKey(phrase);
      if (k.length < 2) return;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(key, slot);
      }
      entries.push({ phrase: k, value: { key, phrase, slot, negative: key.includes('!') } });
    };
    let enabled = false;
    for (const item of pack.items) {
      if (!item.content) continue;
      enabled = true;
      for (const c of item.content.concepts) for (const p of c.anyOf) add(`${item.id}:${c.id}`, p);
      for (const c of item.content.negative) for (const p of c.anyOf) add(`${item.id}!${c.id}`, p);
    }
    for (const p of pack.reportMarkers ?? []) add('@report', p);
    this.enabled = enabled;
    this.keys = slots.size;
    this.index = new PhraseIndex(entries);
  }

  /**
   * Scans the zones of one target. Texts are normalised already (normaliseText); only the
   * first {@link BODY_SCAN_CHARS} characters of the body are read.
   */
  scan(
    zones: { head: string; body: string; links?: string },
    extra: Partial<ContentDigest> = {},
  ): ContentDigest {
    const hits: (ConceptHit & { length: number })[] = [];
    const markers = new Set<string>();
    let markerEnd = 0;
    const run = (zone: Zone, text: string) => {
      if (!text) return;
      // Per key: the hit kept (index into `hits`) and where it starts. The first occurrence is
      // kept; a longer phrase of the same key starting there replaces it (phrases are reported
      // as they end, so "เทศบัญญัติ" comes before "เทศบัญญัติงบประมาณ").
      const kept = new Int32Array(this.keys).fill(-1);
      const keptStart = new Int32Array(this.keys);
      const { key, at } = keyed(text.length > BODY_SCAN_CHARS ? text.slice(0, BODY_SCAN_CHARS) : text);
      const snippets = new Map<number, string>();
      this.index.scan(key, (e, start, phrase) => {
        // Look-alike concepts count only in a head: body hits would be kept for nothing.
        if (zone !== 'head' && e.negative) return;
        const isMarker = e.key === '@report' && zone === 'body';
        const prev = kept[e.slot] as number;
        const longer = prev >= 0 && keptStart[e.slot] === start && phrase.length > (hits[prev]?.length ?? 0);
        if (prev >= 0 && !isMarker && !longer) return;
        if (splitsSyllable(key, start, phrase.length)) return;
        // Markers are counted where they do not overlap: "รายงานผลการดำเนินงาน" is one marker,
        // not "รายงานผล" and "ผลการดำเนินงาน".
        if (isMarker && start >= markerEnd) {
          markers.add(phrase);
          markerEnd = start + phrase.length;
        }
        if (prev >= 0 && !longer) return;
        const hit = {
          key: e.key,
          phrase: e.phrase,
          zone,
          snippet: snippetOf(text, at, start, phrase.length, snippets),
          offset: at[start] ?? 0,
          length: phrase.length,
        };
        if (longer) hits[prev] = hit;
        else {
          kept[e.slot] = hits.length;
          keptStart[e.slot] = start;
          hits.push(hit);
        }
      });
    };
    run('head', zones.head);
    run('body', zones.body);
    return {
      hits: hits.map(({ length: _length, ...h }) => h),
      ownChars: zones.body.length,
      reportMarkers: markers.size,
      image: false,
      ...extra,
    };
  }
}
