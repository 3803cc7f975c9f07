import { siteScope } from '../fetch/request-scope';
import type { FetchErrorCode, Fetcher, FetchRequest, FetchResponse } from '../types';
import { CrawlError } from './crawl-error';
import { fetchWithRetry, type RetryInfo } from './fetch-with-retry';
import { createHostScheduler, type HostScheduler } from './host-scheduler';
import { type CrawlOptions, crawlOptionsSchema, type ResolvedCrawlOptions } from './options';
import { OrderedPool } from './ordered-pool';
import { ROBOTS_MAX_BYTES, type RobotsPolicy, robotsFromResponse, robotsUrlFor } from './robots';
import {
  type DocumentType,
  documentTypeOf,
  isNonPageAsset,
  naturalCompare,
  normaliseUrl,
  paginationKey,
  siteKey,
} from './url';

export { CrawlError } from './crawl-error';
export { CRAWL_DEFAULTS, type CrawlOptions, crawlOptionsSchema, type ResolvedCrawlOptions } from './options';

/** Bytes read of one sitemap file (decompressed). */
const SITEMAP_MAX_BYTES = 10 * 1024 * 1024;
/** Sitemap files fetched at most (the index and its children together). */
const SITEMAP_MAX_FILES = 20;
/** Fetch errors that mean the host cannot be reached at all. */
const UNREACHABLE_CODES: ReadonlySet<FetchErrorCode> = new Set<FetchErrorCode>([
  'dns',
  'network',
  'timeout',
  'blocked',
]);

/** What the crawler needs from its shell. */
export interface CrawlEnv {
  fetcher: Fetcher;
  /** Waits `ms` milliseconds; tests pass a virtual one. */
  sleep: (ms: number) => Promise<void>;
  /** The injected clock. */
  now: () => Date;
}

/** A fetched HTML page handed to the caller. */
export interface CrawlPage {
  /** The response (2xx, HTML; the body may be truncated at `maxHtmlBytes`). */
  response: FetchResponse;
  /** Link depth: 0 for the start URL, 1 for its links and sitemap URLs. */
  depth: number;
  /** The normalised URL that was asked for (`response.finalUrl` is after redirects). */
  url: string;
}

/** Why a discovered URL was not fetched. */
export type SkipReason =
  | 'robots' // robots.txt disallows it for our User-Agent
  | 'robots-unavailable' // robots.txt answered 5xx/429: complete disallow (RFC 9309)
  | 'pagination-cap' // its pagination group already has `paginationCap` pages
  | 'max-depth'
  | 'max-pages'
  | 'skip-pattern' // matched an option `skip` pattern
  | 'non-page' // a script, style, media or font file
  | 'off-site-redirect' // it redirected to another site (the redirect was not followed)
  | 'time-limit'; // `maxDurationMs` had passed

/** Codes of the problems recorded in `CrawlResult.errors`. */
export type CrawlProblemCode =
  | FetchErrorCode
  | 'http-status' // a 4xx/5xx (or unfollowed 3xx) final status
  | 'body-too-large' // the HTML body was cut at `maxHtmlBytes` (the page was still processed)
  | 'page-handler' // `onPage` threw
  | 'document-handler'; // `onDocument` threw

/** Progress events, in the order things happen. */
export type CrawlEvent =
  | { type: 'page'; url: string; status: number; pagesFetched: number; queued: number }
  | { type: 'skip'; url: string; reason: SkipReason }
  | { type: 'retry'; url: string; attempt: number; waitMs: number; reason: string; capped: boolean }
  | { type: 'error'; url: string; code: CrawlProblemCode; status?: number };

export interface CrawlHooks {
  /**
   * Called for every fetched 2xx HTML page. The caller decodes and parses it and returns the
   * absolute URLs of the links it found; the crawler never parses HTML itself.
   */
  onPage(page: CrawlPage): Promise<{ links: string[] }> | { links: string[] };
  /** Called for a fetched 2xx response that is not HTML (a PDF served from an extensionless URL...). */
  onDocument?(response: FetchResponse, depth: number): Promise<void> | void;
  /** Progress; exceptions thrown here are ignored. */
  onEvent?(event: CrawlEvent): void;
}

export interface CrawlProblem {
  url: string;
  code: CrawlProblemCode;
  /** HTTP status when there was one. */
  status?: number;
  message: string;
}

/** A link to a document (by path extension) found on a page or in a sitemap; never fetched here. */
export interface DocumentLink {
  url: string;
  type: DocumentType;
  /** Depth of the link (the depth of its page + 1). */
  depth: number;
}

export interface SitemapRecord {
  url: string;
  /** HTTP status (0 when the request failed). */
  status: number;
  /** Page URLs of the site taken from this file. */
  urls: number;
  kind: 'urlset' | 'index' | 'text' | 'unknown';
}

export interface CrawlResult {
  /** The normalised start URL. */
  startUrl: string;
  /** The start URL after redirects: its host (and `www.` twin) is the site crawled. */
  siteUrl: string;
  /** URLs fetched by the crawler (any outcome), robots.txt and sitemaps excluded. */
  pagesFetched: number;
  skipped: { url: string; reason: SkipReason }[];
  errors: CrawlProblem[];
  /** Document links found (deduplicated, discovery order). */
  documents: DocumentLink[];
  /** True when `maxPages` or `maxDepth` kept a discovered URL from being fetched. */
  limitReached: boolean;
  /** True when the crawl was cancelled through `signal`. */
  aborted: boolean;
  /** True when `maxDurationMs` passed and the crawl stopped fetching new pages. */
  timeLimitReached: boolean;
  robots: {
    url: string;
    /** A 2xx robots.txt was read. */
    found: boolean;
    /** HTTP status of robots.txt (0 when the request failed). */
    status: number;
    /** robots.txt answered 5xx/429 or could not be reached, so everything counted as disallowed. */
    unavailable: boolean;
    /** Why robots.txt could not be read, when it could not (a fetch error message). */
    failure?: string;
    /** False when the caller turned `obeyRobots` off. */
    obeyed: boolean;
    /** URLs skipped because of robots.txt. */
    disallowed: number;
    /** Crawl-delay asked by robots.txt, ms (before the cap). */
    crawlDelayMs?: number;
  };
  /** Page URLs of the site listed in sitemaps (after the cap). */
  sitemapUrls: number;
  sitemaps: SitemapRecord[];
  /** Every wait before a retry, including Retry-After waits that were capped. */
  retries: RetryInfo[];
  /** The minimum gap actually used between request starts, ms (after Crawl-delay). */
  delayMs: number;
  /** Highest number of requests in flight at once (never above `concurrency`). */
  peakInFlight: number;
  durationMs: number;
}

interface QueueItem {
  url: string;
  depth: number;
}

/**
 * Crawls one agency site breadth first, politely (DESIGN.md §3.2): robots.txt first, then the
 * start URL, then sitemap URLs and links. Pages are fetched continuously (per-host concurrency
 * and minimum gap), with no pause between link depths, but the links of each page are merged in
 * queue order (an {@link OrderedPool}), so which URLs are fetched does not depend on timing.
 *
 * Throws {@link CrawlError} `SITE_UNREACHABLE` when the site cannot be reached or the start URL
 * does not answer 2xx after retries, and `INVALID_OPTIONS` for bad options. Everything else
 * (broken pages, handlers that throw, redirect loops) is recorded in the result.
 */
export async function crawlSite(
  options: CrawlOptions,
  env: CrawlEnv,
  hooks: CrawlHooks,
): Promise<CrawlResult> {
  const parsed = crawlOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'options';
    throw new CrawlError(
      'INVALID_OPTIONS',
      `Invalid crawl option "${field}": ${issue?.message ?? 'invalid value'}.`,
      typeof options?.startUrl === 'string' ? options.startUrl : '',
    );
  }
  return new SiteCrawl(parsed.data, env, hooks).run();
}

class SiteCrawl {
  private readonly startUrl: string;
  private readonly started: number;
  private readonly scheduler: HostScheduler;
  private readonly skipPatterns: RegExp[];
  private robots!: RobotsPolicy;
  /** Origins the current robots.txt was asked at or redirected through. */
  private robotsOrigins = new Set<string>();
  private siteUrl: string;
  private site: string;
  /** Every URL discovered so far (queued, fetched, skipped, documents, redirect hops). */
  private readonly seen = new Set<string>();
  /** Final URLs already handed to a hook. */
  private readonly visited = new Set<string>();
  private readonly paginationCounts = new Map<string, number>();
  /** Pagination URLs found at one depth, held until every page of the depth above is merged. */
  private pendingPagination: string[] = [];
  private pendingDepth = 0;
  /** Per depth: pages queued, and pages whose links were merged. */
  private readonly levelQueued: number[] = [];
  private readonly levelMerged: number[] = [];
  private frontier!: OrderedPool<QueueItem, string[]>;
  /** The start URL's robots.txt, read first, or beside the start page when not obeyed (see run). */
  private robotsLoading: Promise<void> = Promise.resolve();
  /** The sitemaps' page URLs, loading while the start page is read (see run). */
  private sitemapsLoading: Promise<string[]> | null = null;
  private scheduled = 0;
  private aborted = false;
  private readonly result: CrawlResult;

  constructor(
    private readonly opts: ResolvedCrawlOptions,
    private readonly env: CrawlEnv,
    private readonly hooks: CrawlHooks,
  ) {
    this.startUrl = normaliseUrl(opts.startUrl) as string;
    this.siteUrl = this.startUrl;
    this.site = siteKey(new URL(this.startUrl).host);
    this.started = env.now().getTime();
    this.scheduler = createHostScheduler({
      concurrency: opts.concurrency,
      delayMs: opts.delayMs,
      sleep: env.sleep,
      now: env.now,
    });
    this.skipPatterns = opts.skip.map((s) => (typeof s === 'string' ? new RegExp(s, 'u') : s));
    this.result = {
      startUrl: this.startUrl,
      siteUrl: this.startUrl,
      pagesFetched: 0,
      skipped: [],
      errors: [],
      documents: [],
      limitReached: false,
      aborted: false,
      timeLimitReached: false,
      robots: {
        url: '',
        found: false,
        status: 0,
        unavailable: false,
        obeyed: opts.obeyRobots,
        disallowed: 0,
      },
      sitemapUrls: 0,
      sitemaps: [],
      retries: [],
      delayMs: opts.delayMs,
      peakInFlight: 0,
      durationMs: 0,
    };
  }

  async run(): Promise<CrawlResult> {
    // robots.txt says what may be fetched, so it comes first. Not obeyed (`--ignore-robots`),
    // it is only reported: it is asked for beside the start page, which it cannot forbid.
    this.robotsLoading = this.loadRobots(this.startUrl);
    if (this.opts.obeyRobots) await this.robotsLoading;
    else {
      this.robotsLoading.catch(() => {}); // awaited in fetchStart
      this.robots = allowAll(robotsUrlFor(this.startUrl));
    }
    this.seen.add(this.startUrl);

    let found: string[] = [];
    if (!this.isAborted()) {
      if (!this.allowedByRobots(this.startUrl)) throw this.robotsForbidden();
      found = await this.fetchStart();
    }
    // Started by fetchStart once the start page answered (the site and its robots.txt known),
    // so the sitemaps are fetched while the start page is read; merged after its links.
    for (const url of (await this.sitemapsLoading) ?? []) {
      const n = normaliseUrl(url);
      if (n !== null) found.push(n);
    }
    this.frontier = new OrderedPool<QueueItem, string[]>({
      run: (item) => this.visit(item),
      commit: (links, item) => this.commit(item, links ?? []),
      // Two visits per request slot: a page being read does not keep a slot from fetching.
      limit: this.opts.concurrency * 2,
      window: Math.max(64, this.opts.concurrency * 16),
    });
    this.accept(found, 1);
    this.flushPagination();
    await this.frontier.drained();
    return this.finish();
  }

  private finish(): CrawlResult {
    const r = this.result;
    r.siteUrl = this.siteUrl;
    r.aborted = this.aborted || this.opts.signal?.aborted === true;
    r.peakInFlight = this.scheduler.peakInFlight;
    r.delayMs = this.scheduler.delayFor(this.site);
    r.durationMs = Math.max(0, this.env.now().getTime() - this.started);
    return r;
  }

  // -- robots.txt --------------------------------------------------------------------------------

  private async loadRobots(pageUrl: string): Promise<void> {
    const url = robotsUrlFor(pageUrl);
    const { response, attempts } = await this.request(
      url,
      ROBOTS_MAX_BYTES,
      Math.min(5, this.opts.maxRedirects),
    );
    const code = response.error?.code;
    if (code === 'aborted') this.aborted = true;
    if (
      (code === 'dns' || code === 'network' || code === 'blocked') &&
      this.opts.obeyRobots &&
      pageUrl === this.startUrl
    ) {
      // Nothing answers (no such host, connection refused): the site is unreachable. A robots.txt
      // that only stalls (timeout) is RFC 9309's "unreachable robots.txt" instead: complete
      // disallow, reported as such.
      throw unreachable(this.startUrl, response, attempts, url);
    }
    const policy = robotsFromResponse(url, response, this.opts.userAgent);
    if (code !== undefined && UNREACHABLE_CODES.has(code)) {
      this.result.robots.failure = `${response.error?.message ?? code}${attempts > 1 ? ` (${attempts} attempts)` : ''}`;
    }
    this.robotsOrigins = new Set(
      [url, response.finalUrl, ...response.redirects].map((u) => (URL.canParse(u) ? new URL(u).origin : '')),
    );
    this.robots = this.opts.obeyRobots ? policy : { ...policy, unavailable: false, isAllowed: () => true };
    const rr = this.result.robots;
    rr.url = url;
    rr.found = policy.found;
    rr.status = policy.status;
    rr.unavailable = this.robots.unavailable;
    rr.crawlDelayMs = policy.crawlDelayMs;
    if (this.opts.obeyRobots && policy.crawlDelayMs !== undefined) {
      const delay = Math.max(this.opts.delayMs, Math.min(policy.crawlDelayMs, this.opts.maxCrawlDelayMs));
      this.scheduler.setDelay(delay);
    }
  }

  private robotsForbidden(): CrawlError {
    const rr = this.result.robots;
    const why = rr.failure
      ? `robots.txt (${rr.url}) could not be read (${rr.failure}); RFC 9309 counts an unreachable robots.txt as forbidding everything`
      : rr.unavailable
        ? `robots.txt (${rr.url}) answered HTTP ${rr.status}; RFC 9309 counts that as forbidding everything`
        : `robots.txt (${rr.url}) forbids ${this.siteUrl} to the ${this.opts.userAgent.split('/')[0]} User-Agent`;
    return new CrawlError(
      'ROBOTS_FORBIDDEN',
      `The site cannot be audited: ${why}. ` +
        'An audit of a site that forbids crawling would score 0 and say nothing. Ask the site admin to allow the oit-audit User-Agent, try again later, or, for your own site only, add --ignore-robots.',
      this.startUrl,
      rr.status > 0 ? { status: rr.status } : {},
    );
  }

  /** True once `maxDurationMs` has passed since the crawl started. */
  private outOfTime(): boolean {
    if (this.opts.maxDurationMs === undefined) return false;
    if (this.env.now().getTime() - this.started < this.opts.maxDurationMs) return false;
    this.result.timeLimitReached = true;
    return true;
  }

  private allowedByRobots(url: string): boolean {
    return this.robots.isAllowed(url);
  }

  private robotsSkipReason(): SkipReason {
    return this.robots.unavailable ? 'robots-unavailable' : 'robots';
  }

  // -- start URL ---------------------------------------------------------------------------------

  private async fetchStart(): Promise<string[]> {
    this.scheduled++;
    const { response, attempts } = await this.request(
      this.startUrl,
      this.opts.maxHtmlBytes,
      this.opts.maxRedirects,
      this.opts.followStartRedirect ? () => true : (u) => this.inSite(u),
    );
    if (response.error?.code === 'aborted' || this.opts.signal?.aborted) {
      this.aborted = true;
      return [];
    }
    this.result.pagesFetched++;
    this.emit({
      type: 'page',
      url: this.startUrl,
      status: response.status,
      pagesFetched: this.result.pagesFetched,
      queued: 0,
    });
    if (response.error?.code === 'redirect-refused') {
      throw new CrawlError(
        'START_REDIRECTED',
        `The start URL ${this.startUrl} redirects to ${response.finalUrl}, another site (origin) than the one given: ${response.error.message}. ` +
          'Audit the final URL directly if that is the agency site, or add --follow-start-redirect to audit whatever it redirects to.',
        this.startUrl,
        { fetchError: 'redirect-refused' },
      );
    }
    if (response.error || response.status < 200 || response.status >= 300) {
      throw unreachable(this.startUrl, response, attempts);
    }
    // Its origins are needed below; not obeyed, it may still be on its way (see run).
    await this.robotsLoading;
    const final = normaliseUrl(response.finalUrl) ?? this.startUrl;
    for (const hop of response.redirects) this.markSeen(hop);
    this.seen.add(final);
    this.visited.add(final);
    this.siteUrl = final;
    this.site = siteKey(new URL(final).host);
    // robots.txt belongs to an origin: read the final origin's own when the start URL moved there.
    const finalOrigin = new URL(final).origin;
    if (!this.robotsOrigins.has(finalOrigin)) {
      await this.loadRobots(final);
      if (!this.allowedByRobots(final)) throw this.robotsForbidden();
    }
    if (this.opts.useSitemap && !this.isAborted()) {
      this.sitemapsLoading = this.loadSitemaps();
      // Awaited in run(); handled here too, in case the start page's reading throws first.
      this.sitemapsLoading.catch(() => {});
    }
    return this.handle({ url: this.startUrl, depth: 0 }, response);
  }

  // -- sitemaps ----------------------------------------------------------------------------------

  private async loadSitemaps(): Promise<string[]> {
    const listed = this.robots.sitemaps.filter((u) => this.inSite(u));
    const guessed = normaliseUrl('/sitemap.xml', this.siteUrl) as string;
    const queue: { url: string; listed: boolean; level: number }[] = [];
    const queuedFiles = new Set<string>();
    const add = (url: string, isListed: boolean, level: number) => {
      if (!queuedFiles.has(url) && this.inSite(url)) {
        queuedFiles.add(url);
        queue.push({ url, listed: isListed, level });
      }
    };
    add(guessed, false, 0);
    for (const u of listed) add(u, true, 0);

    const urls: string[] = [];
    const taken = new Set<string>();
    let files = 0;
    while (queue.length > 0 && files < SITEMAP_MAX_FILES && !this.isAborted()) {
      const item = queue.shift() as (typeof queue)[number];
      // Sitemaps named in robots.txt are invited; others must be allowed like any URL.
      if (!item.listed && !this.allowedByRobots(item.url)) continue;
      files++;
      const { response } = await this.request(item.url, SITEMAP_MAX_BYTES);
      const record: SitemapRecord = { url: item.url, status: response.status, urls: 0, kind: 'unknown' };
      this.result.sitemaps.push(record);
      if (response.error || response.status < 200 || response.status >= 300) continue;
      // Loaded when a sitemap answers: its XML reader (cheerio) is a third of the crawler's
      // code, and most crawls (and every page-only audit) never need it.
      const { decodeSitemapBody, parseSitemap } = await import('./sitemap');
      const text = await decodeSitemapBody(response.body, SITEMAP_MAX_BYTES);
      const parsed = parseSitemap(text, {
        baseUrl: response.finalUrl,
        maxUrls: Math.max(0, this.opts.maxSitemapUrls - urls.length),
      });
      record.kind = parsed.kind;
      for (const child of parsed.sitemaps) if (item.level < 2) add(child, false, item.level + 1);
      for (const u of parsed.urls) {
        if (!this.inSite(u) || taken.has(u)) continue;
        taken.add(u);
        urls.push(u);
        record.urls++;
      }
    }
    this.result.sitemapUrls = urls.length;
    return urls;
  }

  // -- frontier ----------------------------------------------------------------------------------

  /**
   * Merges the links of one fetched page (in queue order, so deterministically): every URL not
   * seen before is filed as a document, skipped with its reason, held for the pagination cap,
   * or queued at `depth`.
   */
  private accept(urls: string[], depth: number): void {
    for (const url of urls) {
      if (this.seen.has(url)) continue;
      this.seen.add(url);
      if (!this.inSite(url)) continue; // other hosts are the caller's business (checked as off-site evidence)
      const docType = documentTypeOf(url);
      if (docType !== null) {
        this.result.documents.push({ url, type: docType, depth });
        continue;
      }
      if (isNonPageAsset(url)) this.skip(url, 'non-page');
      else if (this.skipPatterns.some((re) => re.test(url))) this.skip(url, 'skip-pattern');
      else if (!this.allowedByRobots(url)) this.skip(url, this.robotsSkipReason());
      else if (depth > this.opts.maxDepth) {
        this.result.limitReached = true;
        this.skip(url, 'max-depth');
      } else if (paginationKey(url) !== null) {
        this.pendingPagination.push(url);
        this.pendingDepth = depth;
      } else this.enqueue(url, depth);
    }
  }

  /** One page's links are merged: once its whole depth is, the held pagination URLs go out. */
  private commit(item: QueueItem, links: string[]): void {
    this.accept(links, item.depth + 1);
    this.levelMerged[item.depth] = (this.levelMerged[item.depth] ?? 0) + 1;
    if (this.levelMerged[item.depth] === this.levelQueued[item.depth]) this.flushPagination();
  }

  /**
   * Pagination cap: within each group keep the first N in natural order, across all depths.
   * A group's members are known only once the depth above is merged, hence the hold.
   */
  private flushPagination(): void {
    const members = this.pendingPagination;
    if (members.length === 0) return;
    const depth = this.pendingDepth;
    this.pendingPagination = [];
    const groups = new Map<string, string[]>();
    for (const url of members) {
      const key = paginationKey(url) as string;
      const group = groups.get(key);
      if (group) group.push(url);
      else groups.set(key, [url]);
    }
    const capped = new Set<string>();
    for (const [key, group] of groups) {
      const already = this.paginationCounts.get(key) ?? 0;
      const room = Math.max(0, this.opts.paginationCap - already);
      const sorted = [...group].sort(naturalCompare);
      for (const url of sorted.slice(room)) capped.add(url);
      this.paginationCounts.set(key, already + Math.min(room, group.length));
    }
    for (const url of members) {
      if (capped.has(url)) this.skip(url, 'pagination-cap');
      else this.enqueue(url, depth);
    }
  }

  /** Queues a page URL within the time and page budgets. */
  private enqueue(url: string, depth: number): void {
    if (this.outOfTime()) {
      this.skip(url, 'time-limit');
    } else if (this.scheduled >= this.opts.maxPages) {
      this.result.limitReached = true;
      this.skip(url, 'max-pages');
    } else {
      this.scheduled++;
      this.levelQueued[depth] = (this.levelQueued[depth] ?? 0) + 1;
      this.frontier.push({ url, depth });
    }
  }

  // -- one URL -----------------------------------------------------------------------------------

  private async visit(item: QueueItem): Promise<string[]> {
    if (this.isAborted()) return [];
    if (this.outOfTime()) {
      this.skip(item.url, 'time-limit');
      return [];
    }
    const { response } = await this.request(item.url, this.opts.maxHtmlBytes);
    if (response.error?.code === 'aborted') {
      this.aborted = true;
      return [];
    }
    this.result.pagesFetched++;
    this.emit({
      type: 'page',
      url: item.url,
      status: response.status,
      pagesFetched: this.result.pagesFetched,
      queued: Math.max(0, this.frontier.pending - 1),
    });
    for (const hop of response.redirects) this.markSeen(hop);
    if (response.error?.code === 'redirect-refused') {
      // The fetcher stopped before the other site: nothing of it was read.
      this.skip(item.url, 'off-site-redirect');
      return [];
    }
    if (response.error) {
      this.problem({ url: item.url, code: response.error.code, message: response.error.message });
      return [];
    }
    const final = normaliseUrl(response.finalUrl) ?? item.url;
    if (final !== item.url) {
      if (!this.inSite(final)) {
        this.skip(item.url, 'off-site-redirect');
        return [];
      }
      this.seen.add(final);
    }
    // Two URLs that redirect to one page: only the first to arrive is processed.
    if (this.visited.has(final)) return [];
    this.visited.add(final);
    if (response.status < 200 || response.status >= 300) {
      this.problem({
        url: item.url,
        code: 'http-status',
        status: response.status,
        message: `HTTP ${response.status}`,
      });
      return [];
    }
    return this.handle(item, response);
  }

  /**
   * Hands a 2xx response to the hooks; returns the page's links, normalised and without those
   * already seen (the set only grows, so dropping them now changes nothing at merge time).
   */
  private async handle(item: QueueItem, response: FetchResponse): Promise<string[]> {
    if (!isHtml(response)) {
      try {
        await this.hooks.onDocument?.(response, item.depth);
      } catch (e) {
        this.problem({
          url: item.url,
          code: 'document-handler',
          status: response.status,
          message: errorMessage(e),
        });
      }
      return [];
    }
    if (response.truncated) {
      this.problem({
        url: item.url,
        code: 'body-too-large',
        status: response.status,
        message: `HTML body larger than ${this.opts.maxHtmlBytes} bytes; only the first ${response.body.length} bytes were read`,
      });
    }
    try {
      const out = await this.hooks.onPage({ response, depth: item.depth, url: item.url });
      const links = Array.isArray(out?.links) ? out.links : [];
      const fresh: string[] = [];
      for (const raw of links) {
        // Most links are menu links seen on every page, and callers often pass them normalised
        // already: a URL already seen is dropped before it is parsed again.
        if (typeof raw !== 'string' || this.seen.has(raw)) continue;
        const url = normaliseUrl(raw, response.finalUrl);
        if (url !== null && !this.seen.has(url)) fresh.push(url);
      }
      return fresh;
    } catch (e) {
      this.problem({
        url: item.url,
        code: 'page-handler',
        status: response.status,
        message: errorMessage(e),
      });
      return [];
    }
  }

  // -- plumbing ----------------------------------------------------------------------------------

  private request(
    url: string,
    maxBytes: number,
    maxRedirects = this.opts.maxRedirects,
    allowRedirect: (url: string) => boolean = (u) => this.inSite(u),
  ) {
    const hostKey = siteKey(new URL(url).host);
    const request: FetchRequest = {
      url,
      method: 'GET',
      timeoutMs: this.opts.timeoutMs,
      maxBytes,
      maxRedirects,
      headers: { 'user-agent': this.opts.userAgent },
      // Credentials go to the audited origin only, and no redirect leaves the site (issue 12).
      scope: siteScope({
        siteUrl: this.siteUrl,
        startUrl: this.startUrl,
        credentials: this.opts.extraHeaders,
        allowPrivate: this.opts.allowPrivate,
        allowRedirect,
      }),
      signal: this.opts.signal,
    };
    return fetchWithRetry((req) => this.scheduler.run(hostKey, () => this.safeFetch(req)), request, {
      retries: this.opts.retries,
      sleep: this.env.sleep,
      now: this.env.now,
      maxRetryAfterMs: this.opts.maxRetryAfterMs,
      onRetry: (info) => {
        // A rate limit holds back every request to the host, not only this one.
        if (info.reason === '429' || info.reason === '503') this.scheduler.pause(hostKey, info.waitMs);
        this.result.retries.push(info);
        this.emit({
          type: 'retry',
          url: info.url,
          attempt: info.attempt,
          waitMs: info.waitMs,
          reason: info.reason,
          capped: info.capped,
        });
      },
    });
  }

  /** The fetcher must not throw, but one that does must not stop the crawl either. */
  private async safeFetch(request: FetchRequest): Promise<FetchResponse> {
    if (request.signal?.aborted) return errorResponse(request.url, 'aborted', 'cancelled');
    try {
      return await this.env.fetcher.fetch(request);
    } catch (e) {
      return errorResponse(request.url, 'network', errorMessage(e));
    }
  }

  private inSite(url: string): boolean {
    try {
      return siteKey(new URL(url).host) === this.site;
    } catch {
      return false;
    }
  }

  private markSeen(raw: string): void {
    const n = normaliseUrl(raw);
    if (n !== null) this.seen.add(n);
  }

  private isAborted(): boolean {
    if (this.opts.signal?.aborted) this.aborted = true;
    return this.aborted;
  }

  private skip(url: string, reason: SkipReason): void {
    if (reason === 'robots' || reason === 'robots-unavailable') this.result.robots.disallowed++;
    this.result.skipped.push({ url, reason });
    this.emit({ type: 'skip', url, reason });
  }

  private problem(p: CrawlProblem): void {
    this.result.errors.push(p);
    this.emit(
      p.status === undefined
        ? { type: 'error', url: p.url, code: p.code }
        : { type: 'error', url: p.url, code: p.code, status: p.status },
    );
  }

  private emit(event: CrawlEvent): void {
    try {
      this.hooks.onEvent?.(event);
    } catch {
      // A progress listener must not break the crawl.
    }
  }
}

/** True for HTML by Content-Type, or by a sniff of the first bytes when there is none. */
function isHtml(response: FetchResponse): boolean {
  const type = (response.headers['content-type'] ?? '').toLowerCase();
  if (type !== '') return type.includes('text/html') || type.includes('application/xhtml+xml');
  const head = new TextDecoder('utf-8').decode(response.body.subarray(0, 512)).trimStart().toLowerCase();
  return (
    head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|title)[\s>]/.test(head)
  );
}

function errorResponse(url: string, code: FetchErrorCode, message: string): FetchResponse {
  return {
    url,
    finalUrl: url,
    status: 0,
    headers: {},
    redirects: [],
    body: new Uint8Array(0),
    truncated: false,
    timingMs: 0,
    error: { code, message },
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const FETCH_ERROR_TEXT: Record<FetchErrorCode, string> = {
  timeout: 'no complete answer before the timeout',
  network: 'the connection failed',
  dns: 'the host name could not be resolved (DNS)',
  'redirect-loop': 'its redirects go round in a loop',
  'too-many-redirects': 'it redirects too many times',
  blocked: 'the address is refused before any connection',
  aborted: 'the request was cancelled',
  'unsupported-scheme': 'the URL is not http(s)',
  'redirect-refused': 'it redirects outside the audited site',
  'invalid-response': 'its answer is malformed (bad Location or headers)',
};

/** A policy that allows everything: robots.txt not obeyed, while it is still being read. */
function allowAll(url: string): RobotsPolicy {
  return { url, found: false, unavailable: false, status: 0, isAllowed: () => true, sitemaps: [] };
}

function unreachable(startUrl: string, response: FetchResponse, attempts: number, via?: string): CrawlError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const asked = via ? ` (${via})` : '';
  if (response.error) {
    const why = FETCH_ERROR_TEXT[response.error.code];
    return new CrawlError(
      'SITE_UNREACHABLE',
      `Cannot reach the site ${startUrl}${asked}: ${why}${tries} — ${response.error.message}. ` +
        'Check the address (open it in a browser), that the site is up and reachable from this machine, then try again.',
      startUrl,
      { fetchError: response.error.code },
    );
  }
  const where = response.finalUrl !== startUrl ? ` (after redirects: ${response.finalUrl})` : '';
  return new CrawlError(
    'SITE_UNREACHABLE',
    `The start URL ${startUrl}${where} answered HTTP ${response.status}${tries}, so the site cannot be audited. ` +
      'Check that this is the home page of the site; if the site blocks automated tools, ask its admin to allow the oit-audit User-Agent, or try again later.',
    startUrl,
    { status: response.status },
  );
}
