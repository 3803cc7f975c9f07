import { Parser } from 'htmlparser2';
import { boundedMemo } from '../bounded-memo';
import { documentTypeOf, normaliseLink, normaliseUrl } from '../crawl/url';
import { normaliseText } from '../thai/normalise';
import { findYearRanges, findYears, type YearMention, type YearRange } from '../thai/years';
import type { FetchResponse } from '../types';
import type { ContentDigest } from '../content/digest';
import type { ContentScanner } from '../content/scanner';
import { decodeBody } from './decode';
import type { PageFeatures, PageLink, PageSnapshot, PageSummary, YearMark } from './types';

/** Characters of main text scanned for years. */
const YEAR_SCAN_CHARS = 16_000;

/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents
 * slices (and unchanged results of replace/trim) as views into their parent, so a page title
 * kept in a snapshot would otherwise pin the whole HTML of its page in memory.
 */
export function detach(s: string): string {
  // Concatenation then slice flattens into a new buffer; the view points into that buffer.
  return s.length === 0 ? s : ` ${s}`.slice(1);
}

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

/** Page features with nothing seen yet. */
export function emptyFeatures(): PageFeatures {
  return {
    form: false,
    passwordForm: false,
    map: false,
    emailLink: false,
    telLink: false,
    image: false,
    iframe: false,
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
/** Elements that hold the page's own content: a <header> inside them is the article's head. */
const CONTENT_ROOT = new Set(['main', 'article']);
/**
 * Menus and footers of CMSs that predate <nav> and <footer> (table layouts, div#footer,
 * ul.leftmenu, div.navi breadcrumbs), told by a whole id or class token.
 */
const CHROME_TOKEN =
  /(?:^|[\s_-])(?:header|footer|nav|navi|navbar|navigation|menu|topmenu|mainmenu|leftmenu|rightmenu|submenu|sidebar|breadcrumbs?|topbar|banner|widget|widgets|secondary|searchform|skip|screen-reader-text)(?:$|[\s_-])/i;
const CHROME_ID = /^(?:left|right|leftcol|rightcol|left-col|right-col|col-left|col-right)$/i;
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

/**
 * normaliseText for short pieces that repeat on every page of a site (menu link texts, their
 * rows, headings): remembered, so a 2,000-page crawl normalises each menu entry once.
 */
const shortText = boundedMemo(
  // Texts it remembers: a site's menus are a few hundred; past that the cache held one-off news
  // titles and rows, which made a big crawl's memory grow with its pages (issue 11 §3).
  5_000,
  (raw) => detach(normaliseText(raw)),
);
function normaliseShort(raw: string): string {
  return raw.length > 400 ? normaliseText(raw) : shortText(raw);
}

// id and class values repeat on every element of a theme and every page of a site.
const chromeId = (() => {
  const test = boundedMemo(5_000, (id) => CHROME_TOKEN.test(id) || CHROME_ID.test(id));
  return (id: string | undefined) => id !== undefined && id !== '' && test(id);
})();
const chromeClass = (() => {
  const test = boundedMemo(5_000, (c) => CHROME_TOKEN.test(c));
  return (c: string | undefined) => c !== undefined && c !== '' && test(c);
})();

interface RawLink {
  url: string;
  textStart: number;
  textEnd: number;
  alt: string;
  context: Span | null;
  section: string;
  hasImg: boolean;
  /** Inside a menu, header, footer or sidebar. */
  chrome: boolean;
}

/** One open element during the streaming pass. */
interface Open {
  name: string;
  skip: boolean;
  block: boolean;
  chrome: boolean;
  context: Span | null;
  headingStart: number;
  anchor: RawLink | null;
  formFieldsBefore: number;
  contentRoot?: boolean;
  bold?: boolean;
}

/**
 * One streaming pass of htmlparser2 over the page: text, headings, links with their row and
 * heading, features. No DOM is built (it would be garbage a moment later); htmlparser2 emits
 * the implied closes (an unclosed <li>, a stray </div>) the same way its DOM builder does.
 * `whole`: gather the page's main, chrome and own text too (a summary reads links and headings).
 */
function walk(html: string, base: string, maxLinks: number, whole: boolean) {
  const chunks: string[] = [];
  let length = 0;
  // Text outside nav/header/footer/aside, where a copyright year or a menu of old years
  // would otherwise make every page look current.
  const mainChunks: string[] = [];
  const chromeChunks: string[] = [];
  // The page's own text: main content outside links. A list of links names documents (or
  // every item, in a menu without <nav>) without being them.
  const ownChunks: string[] = [];
  const mainHeadings: string[] = [];
  // Every main heading with where its section starts in the own text: a home page's news
  // block must be dated by its own posts, not by the documents block beside it.
  const mainSections: { heading: string; level: number; start: number }[] = [];
  let ownLength = 0;
  let mainImage = false;
  let chrome = 0;
  let contentRoot = 0;
  let skip = 0;
  let inHead = 0;
  let inTitle = false;
  let title = '';
  const push = (t: string) => {
    chunks.push(t);
    length += t.length;
    if (!whole) return;
    if (chrome === 0) {
      mainChunks.push(t);
      if (anchorStack.length === 0) {
        ownChunks.push(t);
        ownLength += t.length;
      }
    } else chromeChunks.push(t);
  };
  const headings: string[] = [];
  let lastHeading = '';
  const features = emptyFeatures();
  const rawLinks: RawLink[] = [];
  const contextStack: Span[] = [];
  const anchorStack: RawLink[] = [];
  const stack: Open[] = [];
  let baseUrl = base;
  let formFields = 0;
  let formTextarea = false;
  let linksDropped = 0;
  let nestingCut = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const entry: Open = {
          name,
          skip: false,
          block: false,
          chrome: false,
          context: null,
          headingStart: -1,
          anchor: null,
          formFieldsBefore: 0,
        };
        stack.push(entry);
        // htmlparser2 keeps its open elements with Array#unshift: a page of a million unclosed
        // tags would cost a million × a million moves. Real pages nest a few dozen deep.
        if (stack.length > MAX_NESTING) throw new NestingTooDeep();
        if (name === 'head') {
          inHead++;
          return;
        }
        if (skip > 0) {
          if (SKIP.has(name)) {
            entry.skip = true;
            skip++;
          }
          return;
        }
        if (name === 'title') {
          inTitle = title === '';
          return;
        }
        if (name === 'base' && attribs.href) {
          const b = normaliseUrl(attribs.href, base);
          if (b) baseUrl = b;
          return;
        }
        if (SKIP.has(name)) {
          entry.skip = true;
          skip++;
          return;
        }
        const anchor = anchorStack[anchorStack.length - 1] ?? null;
        if (name === 'img') {
          features.image = true;
          if (chrome === 0 && !anchor) mainImage = true;
          const alt = attribs.alt?.trim() ?? '';
          if (anchor) {
            anchor.hasImg = true;
            if (alt && !anchor.alt) anchor.alt = alt;
          }
          if (/แผนที่|map/i.test(`${alt} ${attribs.src ?? ''}`)) features.map = true;
          return;
        }
        if (name === 'iframe' || name === 'embed' || name === 'object') {
          features.iframe = true;
          if (chrome === 0) mainImage = true;
          if (MAP_HINT.test(attribs.src ?? '')) features.map = true;
          entry.skip = true;
          skip++;
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
          entry.skip = true;
          skip++;
          return;
        }
        entry.block = BLOCK.has(name);
        if (CONTENT_ROOT.has(name)) {
          entry.contentRoot = true;
          contentRoot++;
        }
        entry.chrome =
          (CHROME.has(name) && !(contentRoot > 0 && (name === 'header' || name === 'footer'))) ||
          attribs.role === 'navigation' ||
          attribs.role === 'contentinfo' ||
          (contentRoot === 0 && (chromeId(attribs.id) || chromeClass(attribs.class)));
        if (entry.chrome) chrome++;
        if (entry.block) push('\n');
        if (CONTEXT.has(name)) {
          entry.context = { start: length, end: -1 };
          contextStack.push(entry.context);
        }
        if (HEADING.has(name)) entry.headingStart = chunks.length;
        // A bold paragraph labels the links below it on many ITA pages ("<p><strong>O45 …</strong></p>
        // <ul><li><a>…</a></li></ul>"): it is their section, though not a heading of the page.
        else if ((name === 'strong' || name === 'b') && anchorStack.length === 0) {
          entry.headingStart = chunks.length;
          entry.bold = true;
        }
        if ((name === 'a' || name === 'area') && attribs.href !== undefined && rawLinks.length >= maxLinks) {
          linksDropped++;
        } else if ((name === 'a' || name === 'area') && attribs.href !== undefined) {
          const href = attribs.href.trim();
          const lower = href.toLowerCase();
          if (lower.startsWith('mailto:')) features.emailLink = true;
          else if (lower.startsWith('tel:')) features.telLink = true;
          if (MAP_HINT.test(href)) features.map = true;
          const url = normaliseLink(href, baseUrl);
          if (url) {
            entry.anchor = {
              url,
              textStart: length,
              textEnd: -1,
              alt: attribs.title?.trim() ?? '',
              context: contextStack[contextStack.length - 1] ?? null,
              section: lastHeading,
              hasImg: false,
              chrome: chrome > 0,
            };
            rawLinks.push(entry.anchor);
            anchorStack.push(entry.anchor);
          }
        }
        if (name === 'form') {
          entry.formFieldsBefore = formFields;
          formTextarea = false;
        }
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (skip === 0 && inHead === 0) push(data);
      },
      onclosetag() {
        const entry = stack.pop();
        if (!entry) return;
        const name = entry.name;
        if (name === 'head') inHead = Math.max(0, inHead - 1);
        if (name === 'title') inTitle = false;
        if (entry.skip) {
          skip--;
          return;
        }
        if (name === 'form' && skip === 0) {
          if (formTextarea || formFields - entry.formFieldsBefore >= 2) features.form = true;
        }
        if (entry.anchor) {
          entry.anchor.textEnd = length;
          anchorStack.pop();
        }
        if (entry.context) {
          entry.context.end = length;
          contextStack.pop();
        }
        if (entry.headingStart >= 0) {
          // Only the heading's own chunks: joining the whole page per heading would be quadratic.
          const text = normaliseShort(chunks.slice(entry.headingStart).join(''));
          if (entry.bold) {
            if (text.length >= 3 && text.length <= 200) lastHeading = text;
          } else if (text) {
            lastHeading = text.slice(0, 200);
            if (/^h[1-3]$/.test(name) && headings.length < 30) headings.push(lastHeading);
            if (/^h[1-3]$/.test(name) && chrome === 0 && mainHeadings.length < 3)
              mainHeadings.push(lastHeading);
            if (/^h[1-3]$/.test(name) && chrome === 0 && mainSections.length < 12)
              mainSections.push({ heading: lastHeading, level: Number(name[1]), start: ownLength });
          }
        }
        if (entry.block) push('\n');
        if (entry.chrome) chrome--;
        if (entry.contentRoot) contentRoot--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  try {
    parser.end(html);
  } catch (e) {
    if (!(e instanceof NestingTooDeep)) throw e;
    nestingCut = true;
  }

  const joined = chunks.join('');
  const links: PageLink[] = rawLinks.map((l) => {
    const own = normaliseShort(joined.slice(l.textStart, l.textEnd === -1 ? length : l.textEnd));
    const text = own || normaliseShort(l.alt);
    const context = l.context
      ? normaliseShort(joined.slice(l.context.start, l.context.end === -1 ? length : l.context.end)).slice(
          0,
          300,
        )
      : '';
    const link: PageLink = {
      url: l.url,
      text: text.slice(0, 300),
      context,
      section: l.section,
      documentType: documentTypeOf(l.url),
      imageOnly: own === '' && l.hasImg && !l.alt,
    };
    // Set, not spread: a spread per link cost more than the rest of building it.
    if (l.chrome) link.chrome = true;
    return link;
  });
  return {
    main: mainChunks.join(''),
    chrome: chromeChunks.join(''),
    own: ownChunks.join(''),
    mainHeadings,
    mainSections,
    mainImage,
    title: normaliseText(title),
    headings,
    features,
    links,
    linksDropped,
    nestingCut,
  };
}

/** Deepest element nesting read; past it the rest of the page is not parsed (and that is reported). */
const MAX_NESTING = 1000;

class NestingTooDeep extends Error {}

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
