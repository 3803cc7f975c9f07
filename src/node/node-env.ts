import { siteKey } from '../core/crawl/url';
import type { AuditEnv } from '../core/types';
import { USER_AGENT } from '../core/version';
import { createExtractPool } from './extract-pool';
import { EXTRACT_WORKER_URL, type ExtractLimits, extractWorkerCount } from './extract-threads';
import { lendNodeUtf8Reader } from './fast-utf8';
import { createNodeFetcher } from './fetcher';
import { readOfficeText } from './office-text';
import { type PdfLimits, preparePdfReader, readPdfText } from './pdf-text';

export interface NodeEnvOptions {
  /** A fixed clock (tests, golden reports); default: the system clock. */
  now?: () => Date;
  /** Only these hosts may be contacted (tests pass a loopback guard). */
  allowHost?: (host: string) => boolean;
  /** Only these URLs may be contacted (host with port: `--no-offsite-check`). */
  allowUrl?: (url: URL) => boolean;
  /** Resolves host names for the private-address guard (tests map names to addresses). */
  lookup?: (hostname: string) => Promise<string[]>;
  /** Limits of the PDF reader (tests make them small). */
  pdfLimits?: Partial<PdfLimits>;
  /** Replace waiting (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Page-extraction threads; 0 reads pages on the main thread. Default: by the core count. */
  extractWorkers?: number;
  /** Limits of the extraction threads (tests make them small). */
  extractLimits?: Partial<ExtractLimits>;
}

/**
 * The Node shell's adapters for `runAudit`: the HTTP fetcher (node:http), page extraction in
 * worker threads on a multi-core machine, pdf.js text in a worker, the system clock.
 */
export function createNodeEnv(options: NodeEnvOptions = {}): AuditEnv {
  // Pages read in this thread (no extraction threads, verification's fetches) decode faster.
  lendNodeUtf8Reader();
  const pdfLimits = options.pdfLimits ?? {};
  const workers = options.extractWorkers ?? extractWorkerCount();
  const workerUrl = EXTRACT_WORKER_URL;
  return {
    ...(workers > 0 && workerUrl
      ? {
          createExtractor: (spec) =>
            createExtractPool(spec, {
              workers,
              workerUrl,
              ...(options.extractLimits ? { limits: options.extractLimits } : {}),
            }),
        }
      : {}),
    fetcher: createNodeFetcher({
      userAgent: USER_AGENT,
      ...(options.allowHost ? { allowHost: options.allowHost } : {}),
      ...(options.allowUrl ? { allowUrl: options.allowUrl } : {}),
      ...(options.lookup ? { lookup: options.lookup } : {}),
    }),
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    readPdfText: (bytes) => readPdfText(bytes, pdfLimits),
    preparePdfReader: () => preparePdfReader(pdfLimits),
    readOfficeText,
    environment: 'cli',
  };
}

/**
 * The CLI audit's adapters: with `onlyHost` (`--no-offsite-check`), only that site (host and
 * port: another port of the same host is another site) may be contacted.
 */
export function auditEnvFor(onlyHost: string | undefined): AuditEnv {
  return createNodeEnv(onlyHost ? { allowUrl: (u) => siteKey(u.host) === onlyHost } : {});
}
