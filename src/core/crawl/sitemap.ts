import { load } from 'cheerio/slim';
import { normaliseUrl } from './url';

/** What one sitemap file contained. */
export interface ParsedSitemap {
  /** `urlset` (pages), `index` (other sitemaps), `text` (one URL a line) or `unknown` (garbage). */
  kind: 'urlset' | 'index' | 'text' | 'unknown';
  /** Normalised page URLs, in file order, deduplicated, at most `maxUrls`. */
  urls: string[];
  /** Normalised URLs of child sitemaps (from a sitemap index). */
  sitemaps: string[];
  /** True when `maxUrls` cut the list. */
  truncated: boolean;
  /** True when the XML nests deeper than any sitemap does: it was not parsed. */
  tooDeep?: boolean;
}

/** Element nesting a sitemap may have (`<urlset><url><loc>` is 3; extensions add a few). */
const MAX_SITEMAP_NESTING = 32;

/** One linear pass over the tags: true when elements nest deeper than `limit`. */
export function nestsDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  const tag = /<(\/?)([A-Za-z_][^\s/>]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (m[3] !== '/') {
      depth++;
      if (depth > limit) return true;
    }
  }
  return false;
}

export interface ParseSitemapOptions {
  /** The sitemap's own URL, to resolve relative `<loc>` values. */
  baseUrl: string;
  /** Stop after this many page URLs (default 5000). */
  maxUrls?: number;
}

/**
 * Parses sitemap XML (`<urlset>` or `<sitemapindex>`, sitemaps.org 0.9) or a plain-text sitemap.
 * Tolerates garbage: an HTML error page or broken XML gives `kind: 'unknown'` and no URLs.
 * Non-http(s) `<loc>` values are dropped.
 */
export function parseSitemap(text: string, options: ParseSitemapOptions): ParsedSitemap {
  const maxUrls = options.maxUrls ?? 5000;
  const result: ParsedSitemap = { kind: 'unknown', urls: [], sitemaps: [], truncated: false };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return result;

  if (!trimmed.startsWith('<')) {
    // Plain-text sitemap: one absolute URL a line (sitemaps.org "Text file").
    const seen = new Set<string>();
    for (const line of trimmed.split(/\r?\n/)) {
      const n = /^https?:\/\//i.test(line.trim()) ? normaliseUrl(line.trim()) : null;
      if (n === null || seen.has(n)) continue;
      if (result.urls.length >= maxUrls) {
        result.truncated = true;
        break;
      }
      seen.add(n);
      result.urls.push(n);
    }
    if (result.urls.length > 0) result.kind = 'text';
    return result;
  }

  // A sitemap nests three levels deep; a hostile one nested a million deep would cost the XML
  // parser time quadratic in the depth. Such a file is not a sitemap.
  if (nestsDeeperThan(trimmed, MAX_SITEMAP_NESTING)) return { ...result, tooDeep: true };

  let $: ReturnType<typeof load>;
  try {
    $ = load(trimmed, { xml: true });
  } catch {
    return result;
  }
  const isIndex = $('sitemapindex').length > 0;
  const isUrlset = $('urlset').length > 0;
  if (!isIndex && !isUrlset) return result;
  result.kind = isIndex ? 'index' : 'urlset';

  const seenSitemaps = new Set<string>();
  $('sitemap > loc').each((_, el) => {
    const n = normaliseUrl($(el).text(), options.baseUrl);
    if (n !== null && !seenSitemaps.has(n)) {
      seenSitemaps.add(n);
      result.sitemaps.push(n);
    }
  });
  const seenUrls = new Set<string>();
  $('url > loc').each((_, el) => {
    const n = normaliseUrl($(el).text(), options.baseUrl);
    if (n === null || seenUrls.has(n)) return;
    if (result.urls.length >= maxUrls) {
      result.truncated = true;
      return false;
    }
    seenUrls.add(n);
    result.urls.push(n);
    return undefined;
  });
  return result;
}

/**
 * Decodes a sitemap body to text, gunzipping it first when it starts with the gzip magic bytes
 * (`sitemap.xml.gz`). At most `maxBytes` of decompressed data are kept, so a gzip bomb is
 * harmless. Uses `DecompressionStream`, present in Node ≥ 18 and browsers.
 */
export async function decodeSitemapBody(body: Uint8Array, maxBytes: number): Promise<string> {
  let bytes = body;
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) {
    bytes = await gunzipCapped(body, maxBytes);
  }
  return new TextDecoder('utf-8').decode(bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes);
}

async function gunzipCapped(body: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const stream = new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
    await reader.cancel().catch(() => {});
  } catch {
    // A truncated or corrupt gzip stream: keep what was decompressed.
  }
  const out = new Uint8Array(Math.min(total, maxBytes));
  let offset = 0;
  for (const c of chunks) {
    const take = Math.min(c.length, out.length - offset);
    out.set(c.subarray(0, take), offset);
    offset += take;
    if (offset >= out.length) break;
  }
  return out;
}
