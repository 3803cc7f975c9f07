import { fetchWithRetry } from '../crawl/fetch-with-retry';
import type { HostScheduler } from '../crawl/host-scheduler';
import { documentTypeOf, sameSite, siteKey } from '../crawl/url';
import { decodeBody } from '../extract/decode';
import { emptyFeatures } from '../extract/page-walk';
import { type ElementProbe, extractSnapshot } from '../extract/snapshot';
import type { DocumentType, PageFeatures, PageSnapshot, YearMark } from '../extract/types';
import { normaliseText } from '../thai/normalise';
import { findYearRanges, findYears } from '../thai/years';
import type { ContentDigest } from '../content/digest';
import type { ContentScanner } from '../content/scanner';
import { inOffSiteKinds, siteScope } from '../fetch/request-scope';
import type { AuditEnv, DocumentText, FetchErrorCode, FetchResponse } from '../types';
import type { YearRangeMark } from './freshness';

/** What is known about one evidence URL after checking it. */
export interface ResourceCheck {
  url: string;
  finalUrl: string;
  status: number;
  error?: { code: FetchErrorCode | 'document-too-large'; message: string };
  /** On the audited site (host or www. twin) after redirects. */
  onSite: boolean;
  kind: 'page' | 'document' | 'other';
  documentType: DocumentType | null;
  /** True when the body was read (pages always; documents when content was needed). */
  contentRead: boolean;
  /**
   * A document whose text could not be read: no text layer, no reader for its type, or a reader
   * that failed on it (malformed, too big for the reader's memory or time limit).
   */
  unreadable?: 'no-text-layer' | 'no-reader' | 'unreadable-document';
  years: YearMark[];
  yearRanges: YearRangeMark[];
  elements: string[];
  features?: PageFeatures;
  underConstruction: boolean;
  title?: string;
  /** A short normalised excerpt for the report. */
  excerpt?: string;
  /** What the target's own content says about the items (when the pack has content signals). */
  content?: ContentDigest;
  /** For documents read page by page: where each page starts in the body text of `content`. */
  pageStarts?: number[];
}

export interface ResourceProbeOptions {
  siteUrl: string;
  timeoutMs: number;
  maxHtmlBytes: number;
  maxDocumentBytes: number;
  maxRedirects: number;
  retries: number;
  userAgent: string;
  /** `--header` values: sent to the audited origin only, never off-site. */
  headers?: Record<string, string>;
  /** The URL the user gave (its origin also gets `headers`). */
  startUrl?: string;
  /** Contact private addresses although the site is public. */
  allowPrivate?: boolean;
  /** The rule pack's off-site hosts by kind: a redirect may lead only to the item's kinds. */
  offSiteKinds?: Readonly<Record<string, readonly string[]>>;
  /** Failures seen in the crawl, by URL: reused instead of fetching again. */
  knownFailures?: ReadonlyMap<string, { code: FetchErrorCode; message: string }>;
  probes: readonly ElementProbe[];
  /** Reads the content signals of the pack in pages and documents. */
  scanner?: ContentScanner;
  /** Cancels verification requests with the audit. */
  signal?: AbortSignal;
}

function isHtml(contentType: string | undefined): boolean {
  return !contentType || /html|xhtml/i.test(contentType);
}

function fromSnapshot(s: PageSnapshot, siteUrl: string): ResourceCheck {
  return {
    url: s.url,
    finalUrl: s.finalUrl,
    status: s.status,
    onSite: sameSite(s.finalUrl, siteUrl),
    kind: 'page',
    documentType: null,
    contentRead: true,
    years: s.years,
    yearRanges: s.yearRanges,
    elements: s.elements,
    features: s.features,
    underConstruction: s.underConstruction,
    title: s.title,
    excerpt: s.text.slice(0, 300),
    ...(s.content ? { content: s.content } : {}),
  };
}

/**
 * Characters at the start of a document read as its head: the letterhead and title line, not
 * the first paragraph (whose projects would name other items).
 */
const DOCUMENT_HEAD_CHARS = 160;

/** Normalises a document's pages once and notes where each page starts. */
function documentBody(doc: DocumentText): { text: string; pageStarts?: number[] } {
  if (!doc.pageTexts || doc.pageTexts.length < 2) return { text: normaliseText(doc.text) };
  const starts: number[] = [];
  let text = '';
  for (const page of doc.pageTexts) {
    const t = normaliseText(page);
    if (text) text += '\n';
    starts.push(text.length);
    text += t;
  }
  return { text, pageStarts: starts };
}

/**
 * Checks evidence URLs once each: reuses crawled snapshots, fetches the rest politely
 * (the crawler's per-host scheduler), reads document text when a year or an element has to
 * be found in it. Never throws; failures are in the result.
 */
export class ResourceProbe {
  private readonly cache = new Map<string, Promise<ResourceCheck>>();

  constructor(
    private readonly env: AuditEnv,
    private readonly scheduler: HostScheduler,
    private readonly snapshots: Pick<ReadonlyMap<string, PageSnapshot>, 'get'>,
    private readonly options: ResourceProbeOptions,
  ) {}

  /** Number of documents and off-site URLs fetched so far. */
  fetched = 0;

  private readonly documentWarnings: string[] = [];

  /** Run warnings about documents that could not be read (Thai — English). */
  warnings(): string[] {
    return [...this.documentWarnings];
  }

  /**
   * Checks `url`. Redirects stay on the site, except to the hosts of `offSiteKinds` (the item's
   * accepted off-site kinds, e.g. social networks).
   */
  check(url: string, needContent: boolean, offSiteKinds: readonly string[] = []): Promise<ResourceCheck> {
    const key = `${needContent ? 'full' : 'head'} ${offSiteKinds.join(',')} ${url}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.run(url, needContent, offSiteKinds);
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async fetchOnce(
    url: string,
    method: 'GET' | 'HEAD',
    maxBytes: number,
    offSiteKinds: readonly string[],
  ): Promise<FetchResponse> {
    const { siteUrl, offSiteKinds: hostsByKind = {} } = this.options;
    this.fetched++;
    let host = '';
    try {
      host = siteKey(new URL(url).hostname);
    } catch {
      host = url;
    }
    const { response } = await this.scheduler.run(host, () =>
      fetchWithRetry(
        (r) => this.env.fetcher.fetch(r),
        {
          url,
          method,
          timeoutMs: this.options.timeoutMs,
          maxBytes,
          // A document announced larger than the cap is not downloaded only to be cut.
          ...(documentTypeOf(url) ? { skipOversizedBody: true } : {}),
          maxRedirects: this.options.maxRedirects,
          headers: { 'user-agent': this.options.userAgent },
          scope: siteScope({
            siteUrl,
            ...(this.options.startUrl ? { startUrl: this.options.startUrl } : {}),
            credentials: this.options.headers ?? {},
            allowPrivate: this.options.allowPrivate ?? false,
            allowRedirect: (u) => sameSite(u, siteUrl) || inOffSiteKinds(hostsByKind, offSiteKinds, u),
          }),
          ...(this.options.signal ? { signal: this.options.signal } : {}),
        },
        { retries: this.options.retries, sleep: this.env.sleep, now: this.env.now },
      ),
    );
    return response;
  }

  private async run(
    url: string,
    needContent: boolean,
    offSiteKinds: readonly string[],
  ): Promise<ResourceCheck> {
    const snap = this.snapshots.get(url);
    if (snap) return fromSnapshot(snap, this.options.siteUrl);
    const fetchOnce = (u: string, method: 'GET' | 'HEAD', maxBytes: number) =>
      this.fetchOnce(u, method, maxBytes, offSiteKinds);
    const documentType = documentTypeOf(url);
    const base = (r: FetchResponse, kind: ResourceCheck['kind']): ResourceCheck => ({
      url,
      finalUrl: r.finalUrl || url,
      status: r.status,
      ...(r.error ? { error: r.error } : {}),
      onSite: sameSite(r.finalUrl || url, this.options.siteUrl),
      kind,
      documentType,
      contentRead: false,
      years: [],
      yearRanges: [],
      elements: [],
      underConstruction: false,
    });

    const known = this.options.knownFailures?.get(url);
    if (known) {
      // It already failed in the crawl (with its retries): asking again only costs time.
      return base(
        {
          url,
          finalUrl: url,
          status: 0,
          headers: {},
          redirects: [],
          body: new Uint8Array(0),
          truncated: false,
          timingMs: 0,
          error: known,
        },
        documentType ? 'document' : 'page',
      );
    }
    const onSite = sameSite(url, this.options.siteUrl);
    if (!needContent && (documentType || !onSite)) {
      // HEAD first; some servers refuse it (405/501) or lie, so fall back to GET.
      let r = await fetchOnce(url, 'HEAD', 0);
      if (r.error || r.status === 405 || r.status === 501 || r.status >= 400) {
        r = await fetchOnce(url, 'GET', 64 * 1024);
      }
      return base(r, documentType ? 'document' : 'page');
    }

    const maxBytes = documentType ? this.options.maxDocumentBytes : this.options.maxHtmlBytes;
    const r = await fetchOnce(url, 'GET', maxBytes);
    if (r.error || r.status < 200 || r.status >= 300) return base(r, documentType ? 'document' : 'other');
    const contentType = r.headers['content-type'];
    const finalType = documentTypeOf(r.finalUrl) ?? documentType;
    const isPdf = finalType === 'pdf' || /application\/pdf/i.test(contentType ?? '');
    if (!isPdf && !finalType && isHtml(contentType)) {
      const snapshot = extractSnapshot(r, {
        depth: -1,
        probes: this.options.probes,
        ...(this.options.scanner ? { scanner: this.options.scanner } : {}),
      });
      return { ...fromSnapshot(snapshot, this.options.siteUrl), url };
    }
    const check = base(r, 'document');
    check.documentType = isPdf ? 'pdf' : finalType;
    if (r.truncated) {
      return { ...check, error: { code: 'document-too-large', message: `larger than ${maxBytes} bytes` } };
    }
    let doc: DocumentText;
    if (isPdf) {
      if (!this.env.readPdfText) return { ...check, unreadable: 'no-reader' };
      try {
        doc = await this.env.readPdfText(r.body);
      } catch (e) {
        // Malformed, or beyond the reader's memory, page or time limit: a person must look.
        const why = e instanceof Error ? e.message : String(e);
        this.documentWarnings.push(`อ่านเอกสาร ${url} ไม่ได้ (${why}) — could not read ${url}: ${why}`);
        return { ...check, unreadable: 'unreadable-document', excerpt: why.slice(0, 300) };
      }
    } else if (check.documentType === 'docx' && this.env.readOfficeText) {
      try {
        doc = await this.env.readOfficeText(r.body, 'docx');
      } catch {
        return { ...check, unreadable: 'no-reader' };
      }
    } else if (/^text\//i.test(contentType ?? '')) {
      doc = { text: decodeBody(r.body, contentType).text, pages: 1 };
    } else {
      return { ...check, unreadable: 'no-reader' };
    }
    const { text: normal, pageStarts } = documentBody(doc);
    // A scanned PDF has no (or next to no) text layer: a person must look at it.
    if (isPdf && normal.replace(/\s/g, '').length < 20) return { ...check, unreadable: 'no-text-layer' };
    // Normalised already: lower-casing is all that is left for the element patterns.
    const lower = normal.toLowerCase();
    const features = emptyFeatures();
    const scanner = this.options.scanner;
    return {
      ...check,
      contentRead: true,
      years: findYears(normal).map((y) => (y.month ? { be: y.be, month: y.month } : { be: y.be })),
      yearRanges: findYearRanges(normal),
      elements: this.options.probes.filter((p) => p.test(lower, features)).map((p) => p.key),
      excerpt: normal.slice(0, 300),
      ...(scanner?.enabled
        ? { content: scanner.scan({ head: normal.slice(0, DOCUMENT_HEAD_CHARS), body: normal }) }
        : {}),
      ...(pageStarts ? { pageStarts } : {}),
    };
  }
}
