import { normaliseText } from '../thai/normalise';
import { findYearRanges, findYears, type YearMention, type YearRange } from '../thai/years';
import type { FetchResponse } from '../types';
import type { ContentDigest } from '../content/digest';
import type { ContentScanner } from '../content/scanner';
import { decodeBody } from './decode';
import { detach } from './detach';
import { walk } from './page-walk';
import type { PageFeatures, PageSnapshot, PageSummary, YearMark } from './types';

/** Characters of main text scanned for years. */
const YEAR_SCAN_CHARS = 16_000;

/** The snapshot to keep after detection: no links, and strings detached from the page. */
export function slimSnapshot(s: PageSnapshot): PageSnapshot {
  return {
    ...s,
    url: detach(s.url),
    finalUrl: detach(s.finalUrl),
    contentType: detach(s.contentType),
    title: detach(s.title),
    headings: s.headings.slice(0, 5).map(detach),
    text: detach(s.text),
    links: [],
  };
}

/** A required-element test compiled from the rule pack (see verify/elements.ts). */
export interface ElementProbe {
  /** "O5:phone" */
  key: string;
  test: (lowerText: string, features: PageFeatures) => boolean;
}

export interface ExtractOptions {
  depth: number;
  probes?: readonly ElementProbe[];
  /** Characters of body text kept in the snapshot (default 300). */
  textExcerpt?: number;
  /** Links kept per page (default 1500). */
  maxLinks?: number;
  /** Reads what the page's own content says about the items (content signals of the pack). */
  scanner?: ContentScanner;
}

const UNDER_CONSTRUCTION = [
  'อยู่ระหว่างปรับปรุง',
  'อยู่ระหว่างการปรับปรุง',
  'กำลังปรับปรุง',
  'อยู่ระหว่างจัดทำข้อมูล',
  'อยู่ระหว่างดำเนินการจัดทำ',
  'ยังไม่มีข้อมูล',
  'underconstruction',
  'comingsoon',
];

/** A range as the snapshot keeps it (months only when given; built without spreads, which cost). */
function yearRangeMark(r: YearRange): PageSnapshot['yearRanges'][number] {
  const mark: PageSnapshot['yearRanges'][number] = { fromBe: r.fromBe, toBe: r.toBe };
  if (r.fromMonth) mark.fromMonth = r.fromMonth;
  if (r.toMonth) mark.toMonth = r.toMonth;
  return mark;
}

function compactYears(mentions: readonly YearMention[]): YearMark[] {
  const seen = new Set<string>();
  const out: YearMark[] = [];
  for (const y of mentions) {
    const key = `${y.be}:${y.month ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(y.month ? { be: y.be, month: y.month } : { be: y.be });
    if (out.length >= 200) break;
  }
  return out;
}

/** Decodes and walks a page: the part of reading it that a summary and a snapshot share. */
function read(response: FetchResponse, options: ExtractOptions, whole: boolean) {
  const decoded = decodeBody(response.body, response.headers['content-type']);
  // htmlparser2 (cheerio's own parser): about 3 ms a page for a DOM against 9 ms for parse5
  // (perf-baselines.md), less still without building a DOM; the same code runs in the
  // extension's service worker, so both shells make identical snapshots.
  const walked = walk(decoded.text, response.finalUrl || response.url, options.maxLinks ?? 1500, whole);
  return { decoded, walked };
}

/**
 * A page read only as far as the crawl needs (its links, title and headings): the same values
 * as the snapshot's, at less than half the cost (no text normalised, no years, elements or
 * content read).
 */
export function extractSummary(response: FetchResponse, options: ExtractOptions): PageSummary {
  const { walked } = read(response, options, false);
  return {
    url: response.url,
    finalUrl: response.finalUrl,
    status: response.status,
    depth: options.depth,
    title: walked.title,
    headings: walked.headings,
    links: walked.links,
    ...(walked.linksDropped > 0 ? { linksDropped: walked.linksDropped } : {}),
    ...(walked.nestingCut ? { nestingCut: true } : {}),
  };
}

/**
 * Decodes and parses one HTML response into a compact snapshot, and returns the links for the
 * crawler. Malformed HTML is parsed as browsers would, never rejected.
 */
export function extractSnapshot(response: FetchResponse, options: ExtractOptions): PageSnapshot {
  const { decoded, walked } = read(response, options, true);
  // Main content and page chrome (menus, footer) are normalised once each; the footer still
  // counts for required elements (an address is often only there), not for years.
  const main = normaliseText(walked.main);
  const chrome = normaliseText(walked.chrome);
  const text = chrome ? `${main} ${chrome}` : main;
  // Title, headings and text are normalised already: lower-casing is all that is left to do.
  const lower = `${walked.title}\n${walked.headings.join('\n')}\n${text}`.toLowerCase();
  const elements = (options.probes ?? []).filter((p) => p.test(lower, walked.features)).map((p) => p.key);
  const headText = `${walked.title} ${walked.headings.join(' ')}`.toLowerCase().replace(/\s+/g, '');
  const shortPage = text.length < 2500 ? lower.replace(/\s+/g, '') : '';
  const underConstruction = UNDER_CONSTRUCTION.some(
    (phrase) => headText.includes(phrase) || (shortPage !== '' && shortPage.includes(phrase)),
  );
  // Years are read from the main content only, and from its first part: a dated document says
  // its year near the top, and long archives would otherwise dominate the cost of a page.
  const yearSource = `${walked.title}\n${walked.headings.join('\n')}\n${main.slice(0, YEAR_SCAN_CHARS)}`;
  const mentions = findYears(yearSource);
  const content = options.scanner?.enabled ? digestOf(walked, options.scanner) : undefined;
  return {
    url: response.url,
    finalUrl: response.finalUrl,
    status: response.status,
    depth: options.depth,
    contentType: response.headers['content-type'] ?? '',
    charset: decoded.charset,
    title: walked.title,
    headings: walked.headings,
    text: text.slice(0, options.textExcerpt ?? 300),
    textLength: text.length,
    links: walked.links,
    features: walked.features,
    years: compactYears(mentions),
    yearRanges: findYearRanges(yearSource, mentions).slice(0, 50).map(yearRangeMark),
    elements,
    underConstruction,
    truncated: response.truncated,
    ...(content ? { content } : {}),
    ...(walked.linksDropped > 0 ? { linksDropped: walked.linksDropped } : {}),
    ...(walked.nestingCut ? { nestingCut: true } : {}),
  };
}

/** Characters of own text read for the content scan: a page states its subject near its top. */
const CONTENT_CHARS = 4_000;
/** Characters of each section kept to read its years. */
const SECTION_CHARS = 1500;
/** Pages with less own text than this are landing pages: their documents carry the content. */
const HUB_OWN_CHARS = 400;

function digestOf(walked: ReturnType<typeof walk>, scanner: ContentScanner): ContentDigest {
  const body = normaliseText(walked.own.slice(0, CONTENT_CHARS));
  // The page's head is its own main headings; the <title> only when there are none, since a
  // title also carries the site's name ("… - สำนักงานส่งเสริมเศรษฐกิจชุมชน…") on every page.
  const head = walked.mainHeadings.length > 0 ? walked.mainHeadings.join('\n') : walked.title;
  const digest = scanner.scan({ head, body }, { image: walked.mainImage });
  if (body.length < HUB_OWN_CHARS) {
    const docLinks = walked.links
      .filter((l) => l.documentType && !l.chrome)
      .slice(0, 10)
      .map((l) => ({ url: detach(l.url), text: detach(l.text.slice(0, 120)) }));
    if (docLinks.length > 0) digest.docLinks = docLinks;
  }
  if (walked.mainSections.length >= 2 && walked.mainHeadings.length > 0) {
    // Only the sections whose heading named an item are dated: the rest are never asked for.
    const named = new Set<number>();
    let at = 0;
    const starts = walked.mainHeadings.map((h) => {
      const start = at;
      at += h.length + 1;
      return start;
    });
    for (const hit of digest.hits) {
      if (hit.zone !== 'head' || hit.offset === undefined) continue;
      let k = 0;
      for (const [i, start] of starts.entries()) if (start <= hit.offset) k = i;
      named.add(k);
    }
    const all = walked.mainSections;
    const sections = [...named].sort().map((i) => {
      const sec = all[i] as (typeof all)[number];
      // A section runs to the next heading of its level or above, as in a document outline:
      // an h1 covers its h2s; two h2 blocks of a home page are apart. Its text is kept raw and
      // short; its years are read only if the page becomes evidence.
      const end = all.slice(i + 1).find((next) => next.level <= sec.level)?.start ?? walked.own.length;
      return {
        heading: detach(sec.heading),
        text: detach(walked.own.slice(sec.start, Math.min(end, sec.start + SECTION_CHARS))),
      };
    });
    if (sections.length > 0) digest.sections = sections;
  }
  // Hits and snippets outlive the page: keep no views into its text. Hits of one window share
  // one snippet string (the scanner's), and keep sharing one copy.
  // The scanner makes new hit objects for every scan: they are changed in place.
  const copies = new Map<string, string>();
  for (const h of digest.hits) {
    let snippet = copies.get(h.snippet);
    if (snippet === undefined) {
      snippet = detach(h.snippet);
      copies.set(h.snippet, snippet);
    }
    h.snippet = snippet;
  }
  return digest;
}
