import type { FetchErrorCode } from '../types';

/** Fatal crawl failures. Only an unreachable start URL (or invalid options) stops a crawl. */
export class CrawlError extends Error {
  override readonly name = 'CrawlError';
  constructor(
    /**
     * `ROBOTS_FORBIDDEN`: robots.txt forbids the start URL (or could not be read, which RFC 9309
     * counts as forbidding all); `START_REDIRECTED`: the start URL redirects to another site.
     */
    readonly code: 'SITE_UNREACHABLE' | 'INVALID_OPTIONS' | 'ROBOTS_FORBIDDEN' | 'START_REDIRECTED',
    message: string,
    /** The URL concerned. */
    readonly url: string,
    /** The HTTP status or fetch error behind a SITE_UNREACHABLE. */
    readonly detail?: { status?: number; fetchError?: FetchErrorCode },
  ) {
    super(message);
  }
}
