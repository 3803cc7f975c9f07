/**
 * URL normalisation, site scope, document types and pagination groups for the crawler.
 * Pure functions over the WHATWG `URL` (available in Node, browsers and service workers).
 */

import { boundedMemo } from '../bounded-memo';

/** Query parameters that only track campaigns or clicks; dropped before deduplication. */
const TRACKING_PARAM = /^(?:utm_.*|mc_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|igshid|yclid)$/i;

/**
 * Normalises a link to the form the crawler deduplicates on, or `null` when it is not an
 * http(s) URL (`mailto:`, `tel:`, `javascript:`, `data:`, garbage).
 *
 * Resolves `raw` against `base`; lower-cases scheme and host, drops default ports, removes dot
 * segments and percent-encodes non-ASCII (Thai) paths as WHATWG `URL` does; additionally
 * upper-cases percent escapes (`%e0` → `%E0`), drops the fragment, credentials and tracking
 * parameters (`utm_*`, `fbclid`, `gclid`, `mc_*`, ...) and sorts the remaining query parameters by
 * name (stable, raw encoding kept). An empty query (`?`) is removed.
 *
 * @example normaliseUrl('HTTP://Example.go.th:80/a/../ข่าว?b=2&utm_source=x&a=1#top')
 * // 'http://example.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7?a=1&b=2'
 */
export function normaliseUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  // The fragment and any user name or password are left out by building the result from the
  // parts kept (setting them to '' re-serialised the whole URL three times per link).
  const pathname = upperPercent(url.pathname);
  const query = normaliseQuery(url.search);
  return `${url.protocol}//${url.host}${pathname}${query}`;
}

/** Origin of each base URL seen (a page's own, or its <base>). */
const originOf = boundedMemo(1_000, (base) => {
  try {
    return new URL(base).origin;
  } catch {
    return '';
  }
});
/**
 * Links each of these remembers: the ones that repeat are menus (a few hundred a site); a
 * larger table only held a big crawl's one-off links, growing its memory with its pages.
 */
const LINK_MEMO_ENTRIES = 5_000;
const absoluteLink = boundedMemo(LINK_MEMO_ENTRIES, (href) => normaliseUrl(href));
/** Keys are "origin newline href" (an origin holds no newline). */
const rootRelativeLink = boundedMemo(LINK_MEMO_ENTRIES, (key) => {
  const cut = key.indexOf('\n');
  return normaliseUrl(key.slice(cut + 1), key.slice(0, cut));
});

/**
 * `normaliseUrl(href, base)` for a link on a page, remembered for links whose target does not
 * depend on the page they are on: absolute http(s) links (the base is not read) and
 * root-relative ones (only its origin is). A site's menu links are these, the same on every
 * page; parsing each again cost about a tenth of a page's reading.
 */
export function normaliseLink(href: string, base: string): string | null {
  if (/^https?:\/\//i.test(href)) return absoluteLink(href);
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) {
    const origin = originOf(base);
    if (origin !== '' && origin !== 'null') return rootRelativeLink(`${origin}\n${href}`);
  }
  return normaliseUrl(href, base);
}

function upperPercent(s: string): string {
  return s.includes('%') ? s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()) : s;
}

function normaliseQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const raw = upperPercent(p);
      const eq = raw.indexOf('=');
      return { name: safeDecode(eq === -1 ? raw : raw.slice(0, eq)), raw };
    })
    .filter((p) => !TRACKING_PARAM.test(p.name));
  if (pairs.length === 0) return '';
  // Array.prototype.sort is stable: repeated names keep their order (`a=2&a=1` differs from `a=1&a=2`).
  pairs.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return `?${pairs.map((p) => p.raw).join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * The key that identifies a site: the lower-cased host (with a non-default port, if any) without
 * a leading `www.`, so `www.example.go.th` and `example.go.th` are the same site.
 */
export function siteKey(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return h.startsWith('www.') ? h.slice(4) : h;
}

/** The host name of an absolute URL (no port), or '' when it is not one. */
export function hostnameOf(url: string): string {
  // A plain host has no port: it is the hostname (detection asks it of every off-site link).
  const plain = PLAIN_HOST.exec(url);
  if (plain) return plain[1] as string;
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * An http(s) URL whose host is a plain lower-case name (its last label starting with a letter,
 * so no IPv4 form, no port, no user, nothing to decode): `new URL(url).host` is that text as it
 * stands. Detection asks the host of every link of every page; parsing each costs more than the
 * rest of the test.
 */
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?=[/?#]|$)/;

/** `new URL(urlOrHost).host` for an absolute URL (read without parsing when plain); anything else as given. */
export function hostOf(urlOrHost: string): string {
  if (urlOrHost.includes('://')) {
    const plain = PLAIN_HOST.exec(urlOrHost);
    if (plain) return plain[1] as string;
    try {
      return new URL(urlOrHost).host;
    } catch {
      return urlOrHost;
    }
  }
  return urlOrHost;
}

/**
 * `sameSite(url, site)` as a function of `url`, for asking it of many URLs: the site's key is read
 * once, and a normalised URL (lower-case host, no user) that starts with the site's origin or its
 * `www.` twin is on the site without reading its host.
 */
export function sameSiteAs(site: string): (url: string) => boolean {
  const key = siteKey(hostOf(site));
  const prefixes = key.startsWith('www.')
    ? []
    : ['http', 'https'].flatMap((scheme) => [`${scheme}://${key}/`, `${scheme}://www.${key}/`]);
  return (url) => {
    for (const p of prefixes) if (url.startsWith(p)) return true;
    return siteKey(hostOf(url)) === key;
  };
}

/**
 * True when `a` and `b` (absolute URLs or bare hosts) are on the same site: the same host or its
 * `www.` twin. The scheme does not matter (http and https of one host are one site).
 */
export function sameSite(a: string, b: string): boolean {
  return siteKey(hostOf(a)) === siteKey(hostOf(b));
}

/** File type of a document link, decided by the path's extension. */
export type DocumentType =
  | 'pdf'
  | 'doc'
  | 'docx'
  | 'xls'
  | 'xlsx'
  | 'ppt'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'zip'
  | 'rar'
  | 'image';

const DOCUMENT_EXTENSIONS: Record<string, DocumentType> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  ppt: 'ppt',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  zip: 'zip',
  rar: 'rar',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  tif: 'image',
  tiff: 'image',
  svg: 'image',
};

/**
 * Extensions of files that are neither pages nor evidence documents (scripts, styles, media,
 * archives other than zip/rar, fonts, feeds). The crawler never fetches them.
 */
const NON_PAGE_EXTENSIONS = new Set([
  'css',
  'js',
  'mjs',
  'json',
  'xml',
  'rss',
  'atom',
  'ics',
  'csv',
  'mp3',
  'm4a',
  'wav',
  'ogg',
  'mp4',
  'm4v',
  'avi',
  'mov',
  'wmv',
  'flv',
  'mkv',
  'webm',
  'swf',
  'exe',
  'msi',
  'dmg',
  'iso',
  'apk',
  '7z',
  'tar',
  'gz',
  'tgz',
  'bz2',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'ico',
]);

function extensionOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  if (dot <= 0 || dot === last.length - 1) return null;
  return last.slice(dot + 1).toLowerCase();
}

/**
 * The document type of `url` by its path extension (`/files/plan.PDF` → `'pdf'`, images →
 * `'image'`), or `null` for pages and anything else. The query string is ignored, so
 * `download.php?file=a.pdf` is `null`.
 */
export function documentTypeOf(url: string): DocumentType | null {
  const ext = extensionOf(url);
  return ext === null ? null : (DOCUMENT_EXTENSIONS[ext] ?? null);
}

/** True when the path extension names a non-page, non-evidence file (css, js, media, fonts...). */
export function isNonPageAsset(url: string): boolean {
  const ext = extensionOf(url);
  return ext !== null && NON_PAGE_EXTENSIONS.has(ext);
}

/** Query parameters that page through a list when their value is a number. */
const PAGE_PARAMS = new Set([
  'page',
  'paged',
  'pg',
  'pageno',
  'page_no',
  'pagenum',
  'pagenumber',
  'pageindex',
  'page_index',
  'currentpage',
  'cpage',
  'pn',
  'start',
  'offset',
  'limitstart',
  'skip',
]);

/** Query parameters that step through a calendar or archive (any value). */
const DATE_PARAMS = new Set([
  'month',
  'year',
  'date',
  'day',
  'week',
  'ym',
  'mon',
  'yr',
  'm',
  'caldate',
  'cal_date',
  'calendar_date',
  'time',
  'start_date',
  'end_date',
]);

const NUMERIC = /^\d{1,9}$/;
const DATE_LIKE = /^\d{1,4}(?:[-/._]\d{1,4}){0,2}$/;
const DATE_SEGMENT = /^\d{4}-\d{1,2}(?:-\d{1,2})?$/;
const PAGE_SEGMENT = /^(?:page|pages|หน้า)$/i;

/**
 * The pagination group of a URL, or `null` when it does not look paginated. URLs of one group
 * differ only in a page counter or a calendar date, so the crawler keeps the first N of a group
 * (in natural order) and skips the rest.
 *
 * Recognised: page-like query parameters with a number (`?page=7`, `?start=20`), date-like
 * query parameters with any date-ish value (`?month=2568-05`, `?date=2024-05-01`, `?m=202405`),
 * `/page/7` path segments, and date path segments (`/2568-05`, `/2024/05/`). Other parameters
 * stay in the key, so `/news?cat=1&page=2` and `/news?cat=2&page=2` are different groups.
 * `www.` twins share a group.
 *
 * @example paginationKey('https://a.go.th/news?page=7') // 'a.go.th/news?{page}'
 */
export function paginationKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  let varied = false;
  const segments = u.pathname.split('/');
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const prev = i > 0 ? (segments[i - 1] ?? '') : '';
    const next = segments[i + 1] ?? '';
    if (NUMERIC.test(seg) && PAGE_SEGMENT.test(safeDecode(prev))) {
      segments[i] = '{n}';
      varied = true;
    } else if (DATE_SEGMENT.test(seg)) {
      segments[i] = '{date}';
      varied = true;
    } else if (isYear(seg) && isMonth(next)) {
      segments[i] = '{year}';
      segments[i + 1] = '{month}';
      i++;
      varied = true;
    }
  }
  const kept: string[] = [];
  const pagers: string[] = [];
  for (const part of u.search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq === -1 ? part : part.slice(0, eq)).toLowerCase();
    const value = safeDecode(eq === -1 ? '' : part.slice(eq + 1));
    if (PAGE_PARAMS.has(name) && NUMERIC.test(value)) pagers.push(name);
    else if (DATE_PARAMS.has(name) && DATE_LIKE.test(value)) pagers.push(name);
    else kept.push(part);
  }
  if (pagers.length > 0) varied = true;
  if (!varied) return null;
  pagers.sort();
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';
  const pagerPart = pagers.length > 0 ? `${query === '' ? '?' : '&'}{${pagers.join(',')}}` : '';
  return `${siteKey(u.host)}${segments.join('/')}${query}${pagerPart}`;
}

function isYear(s: string): boolean {
  if (!/^\d{4}$/.test(s)) return false;
  const n = Number(s);
  // Common Era or Buddhist Era years.
  return n >= 1990 && n <= 2700;
}

function isMonth(s: string): boolean {
  return /^(?:0?[1-9]|1[0-2])$/.test(s);
}

/**
 * Compares strings with runs of digits compared as numbers (`page=2` < `page=10`), for the
 * deterministic order of the pagination cap. Independent of locale.
 */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff < 0 ? -1 : 1;
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length < pb.length ? -1 : 1;
  return 0;
}
