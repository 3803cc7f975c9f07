import type { RulePack } from '../rules/load-pack';
import { matchKey } from '../thai/normalise';
import type { ConceptHit, ContentDigest, Zone } from './digest';
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
  /** A report marker ("@report"). */
  marker: boolean;
}

/** Whitespace the phrases are matched across (the `matchKey` form has none). */
const SPACES = ' \n\t\r';
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Where the character at a position of the scanned text is in the zone's text. */
interface Positions {
  at(k: number): number | undefined;
}

const SAME: Positions = { at: (k) => k };

/**
 * The text the phrases are looked for in: the lower-cased text, read without its whitespace
 * (the index ignores it), so positions are the text's own.
 */
function scanned(text: string): { key: string; at: Positions } {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return { key: lower, at: SAME };
  // Lower-casing changed the length of a few non-Thai letters ("İ"): the key is the text without
  // whitespace, lower-cased, and positions are approximate, from the raw text as they always were.
  const at = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) at[n++] = i;
  return { key: text.replace(/[ \n\t\r]/g, '').toLowerCase(), at: { at: (k) => at[k] } };
}

/**
 * The text around a phrase. One phrase often serves several keys (the same words are an item
 * of several packs, and a concept and a report marker): `cache` hands the same string to every
 * hit of one window, so a page's digest holds each snippet once.
 */
function snippetOf(
  text: string,
  at: Positions,
  start: number,
  end: number,
  cache: Map<number, string>,
): string {
  const from = at.at(start) ?? 0;
  const to = (at.at(end) ?? from) + 1;
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
function splitsSyllable(key: string, start: number, end: number): boolean {
  let after = end + 1;
  while (isSpace(key.charCodeAt(after))) after++;
  const next = key.charCodeAt(after);
  if (next === 0x0e31 || (next >= 0x0e34 && next <= 0x0e3a) || (next >= 0x0e47 && next <= 0x0e4e))
    return true;
  let before = start - 1;
  while (before >= 0 && isSpace(key.charCodeAt(before))) before--;
  const prev = before >= 0 ? key.charCodeAt(before) : 0;
  return prev >= 0x0e40 && prev <= 0x0e44;
}

/**
 * Compiles the content signals of a rule pack (concepts, negative concepts, report markers)
 * into one phrase index and scans targets with it. Phrases and texts are compared in the
 * `matchKey` form (DESIGN.md §5), as substrings: Thai has no word boundaries to rely on.
 */
/** The entries of one phrase, in the pack's order: all of them for a head, no negatives for a body. */
interface Phrase {
  head: Entry[];
  body: Entry[];
}

export class ContentScanner {
  private readonly index: PhraseIndex<Phrase>;
  private readonly keys: number;
  /** True when at least one item of the pack has content signals. */
  readonly enabled: boolean;

  constructor(pack: RulePack) {
    const phrases = new Map<string, Phrase>();
    const slots = new Map<string, number>();
    const add = (key: string, phrase: string) => {
      const k = matchKey(phrase);
      if (k.length < 2) return;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(key, slot);
      }
      const entry: Entry = { key, phrase, slot, negative: key.includes('!'), marker: key === '@report' };
      let same = phrases.get(k);
      if (!same) {
        same = { head: [], body: [] };
        phrases.set(k, same);
      }
      same.head.push(entry);
      // Look-alike concepts count only in a head: body hits would be kept for nothing.
      if (!entry.negative) same.body.push(entry);
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
    // One index entry a phrase: an occurrence is then looked at once for all its keys.
    this.index = new PhraseIndex(
      [...phrases].map(([phrase, value]) => ({ phrase, value })),
      { ignore: SPACES },
    );
  }

  /**
   * Scans the zones of one target. Texts are normalised already (normaliseText); only the
   * first {@link BODY_SCAN_CHARS} characters of the body are read.
   */
  scan(
    zones: { head: string; body: string; links?: string },
    extra: Partial<ContentDigest> = {},
  ): ContentDigest {
    const hits: ConceptHit[] = [];
    // The length (in the key) of each hit's phrase, to tell a longer phrase of the same key.
    const lengths: number[] = [];
    const markers = new Set<string>();
    let markerEnd = 0;
    const run = (zone: Zone, text: string) => {
      if (!text) return;
      // Per key: the hit kept (index into `hits`) and where it starts. The first occurrence is
      // kept; a longer phrase of the same key starting there replaces it (phrases are reported
      // as they end, so "เทศบัญญัติ" comes before "เทศบัญญัติงบประมาณ").
      const kept = new Int32Array(this.keys).fill(-1);
      const keptStart = new Int32Array(this.keys);
      const { key, at } = scanned(text.length > BODY_SCAN_CHARS ? text.slice(0, BODY_SCAN_CHARS) : text);
      const snippets = new Map<number, string>();
      const isHead = zone === 'head';
      // Positions are of `key` as scanned; whitespace is skipped, so a phrase's start and end
      // stand for its place among the text's non-space characters (as in the text without them).
      this.index.scan(key, (same, start, phrase, end) => {
        const length = phrase.length;
        // Whether the occurrence cuts a syllable, and its snippet: found once for all its entries.
        let splits = -1;
        let snippet: string | undefined;
        for (const e of isHead ? same.head : same.body) {
          const isMarker = e.marker && zone === 'body';
          const prev = kept[e.slot] as number;
          const longer = prev >= 0 && keptStart[e.slot] === start && length > (lengths[prev] ?? 0);
          if (prev >= 0 && !isMarker && !longer) continue;
          if (splits < 0) splits = splitsSyllable(key, start, end) ? 1 : 0;
          if (splits === 1) return;
          // Markers are counted where they do not overlap: "รายงานผลการดำเนินงาน" is one marker,
          // not "รายงานผล" and "ผลการดำเนินงาน".
          if (isMarker && start >= markerEnd) {
            markers.add(phrase);
            markerEnd = end + 1;
          }
          if (prev >= 0 && !longer) continue;
          snippet ??= snippetOf(text, at, start, end, snippets);
          const hit: ConceptHit = { key: e.key, phrase: e.phrase, zone, snippet, offset: at.at(start) ?? 0 };
          if (longer) {
            hits[prev] = hit;
            lengths[prev] = length;
          } else {
            kept[e.slot] = hits.length;
            keptStart[e.slot] = start;
            hits.push(hit);
            lengths.push(length);
          }
        }
      });
    };
    run('head', zones.head);
    run('body', zones.body);
    return {
      hits,
      ownChars: zones.body.length,
      reportMarkers: markers.size,
      image: false,
      ...extra,
    };
  }
}
