import * as z from 'zod';
import { regexSourceSchema as regexSource } from '../regex-source';
import { USER_AGENT } from '../version';

/** Crawl defaults (DESIGN.md §3). Units: ms and bytes. */
export const CRAWL_DEFAULTS = {
  maxPages: 500,
  maxDepth: 6,
  concurrency: 4,
  delayMs: 250,
  timeoutMs: 20_000,
  retries: 2,
  maxHtmlBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
  obeyRobots: true,
  userAgent: USER_AGENT,
  paginationCap: 10,
  useSitemap: true,
  maxSitemapUrls: 2000,
  maxCrawlDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
} as const;

/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer wait silently becomes 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

const positiveInt = (what: string) =>
  z
    .number({ error: `${what}: expected a number` })
    .int()
    .min(1);

/** Options of `crawlSite`, validated with defaults filled in. */
export const crawlOptionsSchema = z
  .object({
    /** Absolute http(s) URL of the agency's home page. */
    startUrl: z.string().refine((s) => /^https?:\/\//i.test(s.trim()) && URL.canParse(s.trim()), {
      message: 'expected an absolute http(s) URL such as https://www.example.go.th/',
    }),
    /** Most URLs the crawler fetches (pages and other crawled responses; robots/sitemaps excluded). */
    maxPages: positiveInt('maxPages').default(CRAWL_DEFAULTS.maxPages),
    /** Deepest link level fetched; the start URL is depth 0, sitemap URLs depth 1. */
    maxDepth: z.number().int().min(0).default(CRAWL_DEFAULTS.maxDepth),
    /** Requests in flight to the site at once. */
    concurrency: positiveInt('concurrency').max(32).default(CRAWL_DEFAULTS.concurrency),
    /** Minimum gap between request starts to the site, ms (raised by robots.txt Crawl-delay). */
    delayMs: z.number().min(0).max(MAX_TIMER_MS).default(CRAWL_DEFAULTS.delayMs),
    /** Whole-request timeout, ms. */
    timeoutMs: positiveInt('timeoutMs').max(MAX_TIMER_MS).default(CRAWL_DEFAULTS.timeoutMs),
    /** Retries after a failed attempt (network error, timeout, 429, 5xx). */
    retries: z.number().int().min(0).max(10).default(CRAWL_DEFAULTS.retries),
    /** HTML body cap, bytes; a longer body is truncated and reported as `body-too-large`. */
    maxHtmlBytes: positiveInt('maxHtmlBytes').default(CRAWL_DEFAULTS.maxHtmlBytes),
    /** Redirect hops followed per request. */
    maxRedirects: z.number().int().min(0).max(50).default(CRAWL_DEFAULTS.maxRedirects),
    /** Obey robots.txt (Disallow and Crawl-delay). Turn off only for one's own site. */
    obeyRobots: z.boolean().default(CRAWL_DEFAULTS.obeyRobots),
    /** Sent as `User-Agent`; also the product token matched in robots.txt. */
    userAgent: z.string().min(1).default(CRAWL_DEFAULTS.userAgent),
    /** Pages fetched per pagination group (`/news?page=N`, calendars); the rest are skipped. */
    paginationCap: positiveInt('paginationCap').default(CRAWL_DEFAULTS.paginationCap),
    /** Seed the crawl from /sitemap.xml and the sitemaps robots.txt lists. */
    useSitemap: z.boolean().default(CRAWL_DEFAULTS.useSitemap),
    /** Most page URLs taken from sitemaps, all files together. */
    maxSitemapUrls: z.number().int().min(0).default(CRAWL_DEFAULTS.maxSitemapUrls),
    /** Cap on a robots.txt Crawl-delay, ms. */
    maxCrawlDelayMs: z.number().min(0).default(CRAWL_DEFAULTS.maxCrawlDelayMs),
    /** Cap on a Retry-After wait, ms. */
    maxRetryAfterMs: z.number().min(0).default(CRAWL_DEFAULTS.maxRetryAfterMs),
    /** Contact loopback/private/link-local addresses although the site is public (`--allow-private`). */
    allowPrivate: z.boolean().default(false),
    /** Audit the other origin a start URL redirects to, instead of stopping (`--follow-start-redirect`). */
    followStartRedirect: z.boolean().default(false),
    /** Crawl time budget, ms: past it no new page is fetched and the result says so. */
    maxDurationMs: positiveInt('maxDurationMs').max(MAX_TIMER_MS).optional(),
    /** Extra request headers, sent to the audited origin only (`--header Cookie: …`). */
    extraHeaders: z.record(z.string(), z.string()).default({}),
    /** URLs matching any of these regular expressions (sources, or RegExp) are not fetched. */
    skip: z.array(z.union([regexSource, z.instanceof(RegExp)])).default([]),
    /** Cancels the crawl: no new requests start, in-flight ones are aborted. */
    signal: z
      .custom<AbortSignal>((v) => typeof AbortSignal !== 'undefined' && v instanceof AbortSignal)
      .optional(),
  })
  .strict();

/** Options as a caller writes them (everything but `startUrl` optional). */
export type CrawlOptions = z.input<typeof crawlOptionsSchema>;
/** Options after validation, with defaults applied. */
export type ResolvedCrawlOptions = z.output<typeof crawlOptionsSchema>;
