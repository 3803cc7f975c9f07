import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { documentTypeOf, normaliseUrl } from '../crawl/url';
import { normaliseText } from '../thai/normalise';
import { findYearRanges, findYears, type YearMention } from '../thai/years';
import type { FetchResponse } from '../types';
import { decodeBody } from './decode';
import type { PageFeatures, PageLink, PageSnapshot, YearMark } from './types';

/** Characters of main text scanned for years. */
const YEAR_SCAN_CHARS = 40_000;

/** A flat copy of a short string, detached from the string it was sliced from. */
function copyString(s: string): string {
  return s.length === 0 ? s : `${s.charAt(0)}${s.slice(1)}`.split('').join('');
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
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'select',
  'option',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'form',
  'blockquote',
  'figure',
  'figcaption',
  'details',
  'summary',
  'pre',
  'address',
  'caption',
]);
const CONTEXT = new Set(['tr', 'li', 'dt', 'dd', 'p', 'summary', 'caption']);
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'caption', 'legend']);
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
const MAP_HINT =
  /google\.[a-z.]+\/maps|maps\.google|goo\.gl\/maps|maps\.app\.goo\.gl|openstreetmap|longdo\.com\/map|map\.longdo|bing\.com\/maps|\/maps?\//i;

interface Span {
  start: number;
  end: number;
}

/** Walks the parsed document once, collecting text, headings, links and features. */
function walk(root: AnyNode, base: string, maxLinks: number) {
  const chunks: string[] = [];
  let length = 0;
  // Text outside nav/header/footer/aside, where a copyright year or a menu of old years
  // would otherwise make every page look current.
  const mainChunks: string[] = [];
  let chrome = 0;
  const push = (s: string) => {
    chunks.push(s);
    length += s.length;
    if (chrome === 0) mainChunks.push(s);
  };
  const headings: string[] = [];
  let title = '';
  let lastHeading = '';
  const features: PageFeatures = {
    form: false,
    passwordForm: false,
    map: false,
    emailLink: false,
    telLink: false,
    image: false,
    iframe: false,
  };
  const rawLinks: {
    url: string;
    textStart: number;
    alt: string;
    context: Span | null;
    section: string;
    hasImg: boolean;
    textEnd: number;
  }[] = [];
  const contextStack: Span[] = [];
  let baseUrl = base;
  let formFields = 0;
  let formTextarea = false;

  // Joining all chunks for every context would be quadratic; materialise lazily once.
  let joined: string | null = null;
  const slice = (start: number, end: number) => {
    joined ??= chunks.join('');
    return joined.slice(start, end);
  };

  const visit = (node: AnyNode, anchor: (typeof rawLinks)[number] | null) => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (data) push(data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style')
      return;
    if (node.type === 'root') {
      for (const child of (node as unknown as { children: AnyNode[] }).children) visit(child, anchor);
      return;
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    const attribs = el.attribs ?? {};
    if (name === 'title') {
      if (!title)
        title = el.children
          .map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : ''))
          .join('');
      return;
    }
    if (name === 'base' && attribs.href) {
      const b = normaliseUrl(attribs.href, base);
      if (b) baseUrl = b;
      return;
    }
    if (name === 'head') {
      for (const child of el.children) visit(child, anchor);
      return;
    }
    if (SKIP.has(name) || node.type === 'script' || node.type === 'style') return;
    if (name === 'img') {
      features.image = true;
      const alt = attribs.alt?.trim() ?? '';
      if (anchor) {
        anchor.hasImg = true;
        if (alt && !anchor.alt) anchor.alt = alt;
      }
      if (/แผนที่|map/i.test(`${alt} ${attribs.src ?? ''}`)) features.map = true;
      return;
    }
    if (name === 'iframe' || name === 'embed') {
      features.iframe = true;
      if (MAP_HINT.test(attribs.src ?? '')) features.map = true;
      return;
    }
    if (name === 'input') {
      const type = (attribs.type ?? 'text').toLowerCase();
      if (type === 'password') features.passwordForm = true;
      if (!['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) formFields++;
      return;
    }
    if (name === 'textarea') {
      formTextarea = true;
      formFields++;
      return;
    }

    const block = BLOCK.has(name);
    const isChrome = CHROME.has(name) || attribs.role === 'navigation' || attribs.role === 'contentinfo';
    if (isChrome) chrome++;
    if (block) push('\n');
    let ownContext: Span | null = null;
    if (CONTEXT.has(name)) {
      ownContext = { start: length, end: -1 };
      contextStack.push(ownContext);
    }
    const headingStart = HEADING.has(name) ? chunks.length : -1;
    let ownAnchor = anchor;
    if ((name === 'a' || name === 'area') && attribs.href !== undefined && rawLinks.length < maxLinks) {
      const href = attribs.href.trim();
      const lower = href.toLowerCase();
      if (lower.startsWith('mailto:')) features.emailLink = true;
      else if (lower.startsWith('tel:')) features.telLink = true;
      if (MAP_HINT.test(href)) features.map = true;
      const url = normaliseUrl(href, baseUrl);
      if (url) {
        ownAnchor = {
          url,
          textStart: length,
          textEnd: -1,
          alt: attribs.title?.trim() ?? '',
          context: contextStack[contextStack.length - 1] ?? null,
          section: lastHeading,
          hasImg: false,
        };
        rawLinks.push(ownAnchor);
      }
    }
    let fieldsBefore = 0;
    if (name === 'form') {
      fieldsBefore = formFields;
      formTextarea = false;
    }
    for (const child of el.children) visit(child, ownAnchor);
    if (name === 'form') {
      const fields = formFields - fieldsBefore;
      if (formTextarea || fields >= 2) features.form = true;
    }
    if (ownAnchor && ownAnchor !== anchor) ownAnchor.textEnd = length;
    if (ownContext) {
      ownContext.end = length;
      contextStack.pop();
    }
    if (headingStart >= 0) {
      // Only the heading's own chunks: joining the whole page per heading would be quadratic.
      const text = normaliseText(chunks.slice(headingStart).join(''));
      if (text) {
        lastHeading = text.slice(0, 200);
        if (/^h[1-3]$/.test(name) && headings.length < 30) headings.push(lastHeading);
      }
    }
    if (block) push('\n');
    if (isChrome) chrome--;
  };

  visit(root, null);
  joined = null;
  const links: PageLink[] = rawLinks.map((l) => {
    const own = normaliseText(slice(l.textStart, l.textEnd));
    const text = own || normaliseText(l.alt);
    const context = l.context
      ? normaliseText(slice(l.context.start, l.context.end === -1 ? length : l.context.end)).slice(0, 300)
      : '';
    return {
      url: l.url,
      text: text.slice(0, 300),
      context,
      section: l.section,
      documentType: documentTypeOf(l.url),
      imageOnly: own === '' && l.hasImg && !l.alt,
    };
  });
  return {
    body: slice(0, length),
    main: mainChunks.join(''),
    title: normaliseText(title),
    headings,
    features,
    links,
  };
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

/**
 * Decodes and parses one HTML response into a compact snapshot, and returns the links for the
 * crawler. Malformed HTML is parsed as browsers would, never rejected.
 */
export function extractSnapshot(response: FetchResponse, options: ExtractOptions): PageSnapshot {
  const decoded = decodeBody(response.body, response.headers['content-type']);
  // htmlparser2 (cheerio/slim): about 3 ms a page against 9 ms for parse5 (perf-baselines.md),
  // and the same parser runs in the extension's service worker.
  const $ = load(decoded.text);
  const root = $.root()[0] as AnyNode;
  const walked = walk(root, response.finalUrl || response.url, options.maxLinks ?? 1500);
  const text = normaliseText(walked.body);
  // Title, headings and text are normalised already: lower-casing is all that is left to do.
  const lower = `${walked.title}\n${walked.headings.join('\n')}\n${text}`.toLowerCase();
  const elements = (options.probes ?? []).filter((p) => p.test(lower, walked.features)).map((p) => p.key);
  const compact = lower.replace(/\s+/g, '');
  const headText = `${walked.title} ${walked.headings.join(' ')}`.toLowerCase().replace(/\s+/g, '');
  const underConstruction = UNDER_CONSTRUCTION.some(
    (phrase) => headText.includes(phrase) || (text.length < 2500 && compact.includes(phrase)),
  );
  // Years are read from the main content only, and from its first part: a dated document says
  // its year near the top, and long archives would otherwise dominate the cost of a page.
  const yearSource = `${walked.title}\n${walked.headings.join('\n')}\n${normaliseText(walked.main.slice(0, YEAR_SCAN_CHARS))}`;
  const mentions = findYears(yearSource);
  return {
    url: response.url,
    finalUrl: response.finalUrl,
    status: response.status,
    depth: options.depth,
    contentType: response.headers['content-type'] ?? '',
    charset: decoded.charset,
    title: walked.title,
    headings: walked.headings,
    // A copy, not a slice: a V8 sliced string would keep the whole page text alive.
    text: copyString(text.slice(0, options.textExcerpt ?? 300)),
    textLength: text.length,
    links: walked.links,
    features: walked.features,
    years: compactYears(mentions),
    yearRanges: findYearRanges(yearSource, mentions)
      .slice(0, 50)
      .map((r) => ({
        fromBe: r.fromBe,
        toBe: r.toBe,
        ...(r.fromMonth ? { fromMonth: r.fromMonth } : {}),
        ...(r.toMonth ? { toMonth: r.toMonth } : {}),
      })),
    elements,
    underConstruction,
    truncated: response.truncated,
  };
}
