import { Parser } from 'htmlparser2';
import { boundedMemo } from '../bounded-memo';
import { documentTypeOf, normaliseLink, normaliseUrl } from '../crawl/url';
import { normaliseText } from '../thai/normalise';
import { detach } from './detach';
import type { PageFeatures, PageLink } from './types';

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

/** Deepest element nesting read; past it the rest of the page is not parsed (and that is reported). */
const MAX_NESTING = 1000;

class NestingTooDeep extends Error {}

/** What one walk gathers from a page. */
export interface Walked {
  main: string;
  chrome: string;
  own: string;
  mainHeadings: string[];
  mainSections: { heading: string; level: number; start: number }[];
  mainImage: boolean;
  title: string;
  headings: string[];
  features: PageFeatures;
  links: PageLink[];
  linksDropped: number;
  nestingCut: boolean;
}

/**
 * One streaming pass of htmlparser2 over a page: text, headings, links with their row and
 * heading, features. No DOM is built (it would be garbage a moment later); htmlparser2 emits
 * the implied closes (an unclosed <li>, a stray </div>) the same way its DOM builder does.
 *
 * A class, not closures made per page: V8 keeps a function's optimised code only while
 * something holds it, and the closures of a finished page held nothing. A page thread's small
 * heap is collected in full every few hundred pages, and each time the handlers, the biggest
 * functions of a crawl, were compiled again (about 11 times per 2,000 pages, 40 ms each).
 * Methods of a class live as long as the module.
 */
class PageWalk {
  private readonly chunks: string[] = [];
  private length = 0;
  // Text outside nav/header/footer/aside, where a copyright year or a menu of old years
  // would otherwise make every page look current.
  private readonly mainChunks: string[] = [];
  private readonly chromeChunks: string[] = [];
  // The page's own text: main content outside links. A list of links names documents (or
  // every item, in a menu without <nav>) without being them.
  private readonly ownChunks: string[] = [];
  private readonly mainHeadings: string[] = [];
  // Every main heading with where its section starts in the own text: a home page's news
  // block must be dated by its own posts, not by the documents block beside it.
  private readonly mainSections: { heading: string; level: number; start: number }[] = [];
  private ownLength = 0;
  private mainImage = false;
  private chrome = 0;
  private contentRoot = 0;
  private skip = 0;
  private inHead = 0;
  private inTitle = false;
  private title = '';
  private readonly headings: string[] = [];
  private lastHeading = '';
  private readonly features = emptyFeatures();
  private readonly rawLinks: RawLink[] = [];
  private readonly contextStack: Span[] = [];
  private readonly anchorStack: RawLink[] = [];
  private readonly stack: Open[] = [];
  private baseUrl: string;
  private formFields = 0;
  private formTextarea = false;
  private linksDropped = 0;
  nestingCut = false;

  /** `whole`: gather the page's main, chrome and own text too (a summary reads links and headings). */
  constructor(
    private readonly base: string,
    private readonly maxLinks: number,
    private readonly whole: boolean,
  ) {
    this.baseUrl = base;
  }

  private push(t: string): void {
    this.chunks.push(t);
    this.length += t.length;
    if (!this.whole) return;
    if (this.chrome === 0) {
      this.mainChunks.push(t);
      if (this.anchorStack.length === 0) {
        this.ownChunks.push(t);
        this.ownLength += t.length;
      }
    } else this.chromeChunks.push(t);
  }

  onopentag(name: string, attribs: Record<string, string>): void {
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
    const stack = this.stack;
    stack.push(entry);
    // htmlparser2 keeps its open elements with Array#unshift: a page of a million unclosed
    // tags would cost a million × a million moves. Real pages nest a few dozen deep.
    if (stack.length > MAX_NESTING) throw new NestingTooDeep();
    if (name === 'head') {
      this.inHead++;
      return;
    }
    if (this.skip > 0) {
      if (SKIP.has(name)) {
        entry.skip = true;
        this.skip++;
      }
      return;
    }
    if (name === 'title') {
      this.inTitle = this.title === '';
      return;
    }
    if (name === 'base' && attribs.href) {
      const b = normaliseUrl(attribs.href, this.base);
      if (b) this.baseUrl = b;
      return;
    }
    if (SKIP.has(name)) {
      entry.skip = true;
      this.skip++;
      return;
    }
    const features = this.features;
    const anchorStack = this.anchorStack;
    const anchor = anchorStack[anchorStack.length - 1] ?? null;
    if (name === 'img') {
      features.image = true;
      if (this.chrome === 0 && !anchor) this.mainImage = true;
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
      if (this.chrome === 0) this.mainImage = true;
      if (MAP_HINT.test(attribs.src ?? '')) features.map = true;
      entry.skip = true;
      this.skip++;
      return;
    }
    if (name === 'input') {
      const type = (attribs.type ?? 'text').toLowerCase();
      if (type === 'password') features.passwordForm = true;
      if (!['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) this.formFields++;
      return;
    }
    if (name === 'textarea') {
      this.formTextarea = true;
      this.formFields++;
      entry.skip = true;
      this.skip++;
      return;
    }
    entry.block = BLOCK.has(name);
    if (CONTENT_ROOT.has(name)) {
      entry.contentRoot = true;
      this.contentRoot++;
    }
    entry.chrome =
      (CHROME.has(name) && !(this.contentRoot > 0 && (name === 'header' || name === 'footer'))) ||
      attribs.role === 'navigation' ||
      attribs.role === 'contentinfo' ||
      (this.contentRoot === 0 && (chromeId(attribs.id) || chromeClass(attribs.class)));
    if (entry.chrome) this.chrome++;
    if (entry.block) this.push('\n');
    if (CONTEXT.has(name)) {
      entry.context = { start: this.length, end: -1 };
      this.contextStack.push(entry.context);
    }
    if (HEADING.has(name)) entry.headingStart = this.chunks.length;
    // A bold paragraph labels the links below it on many ITA pages ("<p><strong>O45 …</strong></p>
    // <ul><li><a>…</a></li></ul>"): it is their section, though not a heading of the page.
    else if ((name === 'strong' || name === 'b') && anchorStack.length === 0) {
      entry.headingStart = this.chunks.length;
      entry.bold = true;
    }
    if (
      (name === 'a' || name === 'area') &&
      attribs.href !== undefined &&
      this.rawLinks.length >= this.maxLinks
    ) {
      this.linksDropped++;
    } else if ((name === 'a' || name === 'area') && attribs.href !== undefined) {
      const href = attribs.href.trim();
      const lower = href.toLowerCase();
      if (lower.startsWith('mailto:')) features.emailLink = true;
      else if (lower.startsWith('tel:')) features.telLink = true;
      if (MAP_HINT.test(href)) features.map = true;
      const url = normaliseLink(href, this.baseUrl);
      if (url) {
        const contextStack = this.contextStack;
        entry.anchor = {
          url,
          textStart: this.length,
          textEnd: -1,
          alt: attribs.title?.trim() ?? '',
          context: contextStack[contextStack.length - 1] ?? null,
          section: this.lastHeading,
          hasImg: false,
          chrome: this.chrome > 0,
        };
        this.rawLinks.push(entry.anchor);
        anchorStack.push(entry.anchor);
      }
    }
    if (name === 'form') {
      entry.formFieldsBefore = this.formFields;
      this.formTextarea = false;
    }
  }

  ontext(data: string): void {
    if (this.inTitle) this.title += data;
    else if (this.skip === 0 && this.inHead === 0) this.push(data);
  }

  onclosetag(): void {
    const entry = this.stack.pop();
    if (!entry) return;
    const name = entry.name;
    if (name === 'head') this.inHead = Math.max(0, this.inHead - 1);
    if (name === 'title') this.inTitle = false;
    if (entry.skip) {
      this.skip--;
      return;
    }
    if (name === 'form' && this.skip === 0) {
      if (this.formTextarea || this.formFields - entry.formFieldsBefore >= 2) this.features.form = true;
    }
    if (entry.anchor) {
      entry.anchor.textEnd = this.length;
      this.anchorStack.pop();
    }
    if (entry.context) {
      entry.context.end = this.length;
      this.contextStack.pop();
    }
    if (entry.headingStart >= 0) {
      // Only the heading's own chunks: joining the whole page per heading would be quadratic.
      const text = normaliseShort(this.chunks.slice(entry.headingStart).join(''));
      if (entry.bold) {
        if (text.length >= 3 && text.length <= 200) this.lastHeading = text;
      } else if (text) {
        this.lastHeading = text.slice(0, 200);
        const major = /^h[1-3]$/.test(name);
        if (major && this.headings.length < 30) this.headings.push(this.lastHeading);
        if (major && this.chrome === 0 && this.mainHeadings.length < 3)
          this.mainHeadings.push(this.lastHeading);
        if (major && this.chrome === 0 && this.mainSections.length < 12)
          this.mainSections.push({
            heading: this.lastHeading,
            level: Number(name[1]),
            start: this.ownLength,
          });
      }
    }
    if (entry.block) this.push('\n');
    if (entry.chrome) this.chrome--;
    if (entry.contentRoot) this.contentRoot--;
  }

  /** The page as read, once the parser is done with it. */
  result(): Walked {
    const joined = this.chunks.join('');
    const length = this.length;
    const links: PageLink[] = this.rawLinks.map((l) => {
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
      main: this.mainChunks.join(''),
      chrome: this.chromeChunks.join(''),
      own: this.ownChunks.join(''),
      mainHeadings: this.mainHeadings,
      mainSections: this.mainSections,
      mainImage: this.mainImage,
      title: normaliseText(this.title),
      headings: this.headings,
      features: this.features,
      links,
      linksDropped: this.linksDropped,
      nestingCut: this.nestingCut,
    };
  }
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

/**
 * A parser that lives as long as the module, so that the shapes (V8 maps) of a parser, its
 * tokenizer and a walk live too. Compiled code is specialised to the shapes it saw, and a
 * shape lives only while an object of it does: between two pages none existed, so a full
 * collection dropped them and every function that had seen them was compiled again.
 */
let shapes: Parser | undefined;

/** Reads a page in one pass; see {@link PageWalk}. */
export function walk(html: string, base: string, maxLinks: number, whole: boolean): Walked {
  if (!shapes) {
    shapes = new Parser(new PageWalk(base, 0, false), PARSER_OPTIONS);
    shapes.end('<p class="c"><a href="#">a</a></p>');
  }
  const page = new PageWalk(base, maxLinks, whole);
  const parser = new Parser(page, PARSER_OPTIONS);
  try {
    parser.end(html);
  } catch (e) {
    if (!(e instanceof NestingTooDeep)) throw e;
    page.nestingCut = true;
  }
  return page.result();
}
