import type { AuditEnv } from '../core/types';
import { USER_AGENT } from '../core/version';
import { createNodeFetcher } from './fetcher';
import { readPdfText } from '../core/pdf-text';
import { readOfficeText } from './office-text';

export interface NodeEnvOptions {
  /** A fixed clock (tests, golden reports); default: the system clock. */
  now?: () => Date;
  /** Only these hosts may be contacted (tests pass a loopback guard). */
  allowHost?: (host: string) => boolean;
  /** Replace waiting (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

/** The Node shell's adapters for `runAudit`: undici fetch, pdf.js text, the system clock. */
export function createNodeEnv(options: NodeEnvOptions = {}): AuditEnv {
  return {
    fetcher: createNodeFetcher({
      userAgent: USER_AGENT,
      ...(options.allowHost ? { allowHost: options.allowHost } : {}),
    }),
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    readPdfText,
    readOfficeText,
    environment: 'cli',
  };
}
