/**
 * Shared types of the environment-free core. Everything here is plain data so that the CLI,
 * the extension and the tests exchange the same shapes.
 */
import type { ExtractorSpec, PageExtractor } from './extract/page-extractor';

/** Verdict of one item (DESIGN.md §3): `review` means a person must look. */
export type Outcome = 'pass' | 'fail' | 'review' | 'na' | 'error';

/** Text in Thai with an optional English gloss. */
export interface LocalText {
  th: string;
  en?: string;
}

// ---------------------------------------------------------------------------------------------
// Fetching (the port every shell implements)
// ---------------------------------------------------------------------------------------------

export interface FetchRequest {
  /** Absolute http(s) URL. */
  url: string;
  method?: 'GET' | 'HEAD';
  /** Whole-request timeout in ms (connect + headers + body). */
  timeoutMs: number;
  /** Stop reading the body after this many bytes and set `truncated`. */
  maxBytes: number;
  /**
   * When the response announces (`Content-Length`) more than `maxBytes`, read none of it: the
   * answer is `truncated` with an empty body (a 30 MB document is not downloaded to be cut).
   */
  skipOversizedBody?: boolean;
  /** Follow at most this many redirects; a loop or more hops is an error. */
  maxRedirects: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Who may see what (see `src/core/fetch/request-scope.ts`). Every shell that follows redirects
   * itself must honour it on each hop; absent means no restriction (tests, tools).
   */
  scope?: RequestScope;
}

/** The audited site's rules for one request and each of its redirect hops. */
export interface RequestScope {
  /** The audited site's URL; a shell may allow private addresses when the site is on one. */
  siteUrl: string;
  /** Headers sent only to URLs for which `credentialsFor` is true (`--header Cookie: …`). */
  credentials: Record<string, string>;
  /** True when `url` is of the audited origin, so it may receive `credentials`. */
  credentialsFor(url: string): boolean;
  /** True when a redirect may go to `url`; false stops the request with `redirect-refused`. */
  allowRedirect(url: string): boolean;
  /** Loopback, private, link-local and metadata addresses may be contacted (`--allow-private`). */
  allowPrivate: boolean;
}

/** Machine-readable reason a request produced no usable response. */
export type FetchErrorCode =
  | 'timeout'
  | 'network'
  | 'dns'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'blocked'
  | 'aborted'
  | 'unsupported-scheme'
  /** A redirect led where the request's scope does not allow (another site, a private address). */
  | 'redirect-refused'
  /** The server's answer cannot be used and will not change on retry (bad Location, header overflow). */
  | 'invalid-response';

export interface FetchResponse {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** HTTP status of the final response; 0 when `error` is set. */
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Every URL passed through, in order, excluding `finalUrl`. */
  redirects: string[];
  /** Body bytes (possibly truncated); empty for HEAD and errors. */
  body: Uint8Array;
  /** True when the body was cut at `maxBytes`. */
  truncated: boolean;
  /** Wall time of the request in ms. */
  timingMs: number;
  error?: { code: FetchErrorCode; message: string };
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}

/** Text of a PDF (or other document) as read by an environment adapter. */
export interface DocumentText {
  /** Concatenated text of the pages read; empty when the file has no text layer. */
  text: string;
  pages: number;
  /** The text of each page read, when the reader keeps pages apart (to say "PDF page N"). */
  pageTexts?: string[];
  /** Pages actually read, when fewer than `pages` (a reader's page cap). */
  pagesRead?: number;
}

/** What `runAudit` needs from its shell. */
export interface AuditEnv {
  fetcher: Fetcher;
  /** The injected clock; checks never read the system time themselves. */
  now: () => Date;
  /** Waits; tests pass a fast one. */
  sleep: (ms: number) => Promise<void>;
  /** Reads the text of a PDF; absent in shells that cannot, giving `review`. */
  readPdfText?: (bytes: Uint8Array) => Promise<DocumentText>;
  /**
   * Gets `readPdfText` ready ahead of the first PDF (the Node shell starts its reader thread,
   * which loads pdf.js in about a quarter of a second). Called once, when the crawl is over and
   * it has found PDF links, so that the start overlaps choosing candidates and fetching them.
   */
  preparePdfReader?: () => void;
  /** Reads the text of an office document (DOCX); absent where no reader is bundled. */
  readOfficeText?: (bytes: Uint8Array, type: 'docx') => Promise<DocumentText>;
  /**
   * Builds the extractor of the crawl's pages (the Node shell reads them in worker threads).
   * Absent: pages are read on the calling thread. Snapshots must equal the in-process ones.
   */
  createExtractor?: (spec: ExtractorSpec) => PageExtractor;
  environment: 'cli' | 'extension';
}
