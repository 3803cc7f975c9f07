import robotsParser from 'robots-parser';
import type { FetchResponse } from '../types';
import { normaliseUrl } from './url';

/** Bytes of robots.txt read; RFC 9309 §2.5 asks crawlers to parse at least 500 KiB. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/** What robots.txt says for our User-Agent, with RFC 9309 status semantics applied. */
export interface RobotsPolicy {
  /** The robots.txt URL that was asked for. */
  url: string;
  /** True when a 2xx robots.txt was read and parsed. */
  found: boolean;
  /**
   * True when robots.txt could not be read because of a server error (5xx) or 429: RFC 9309
   * §2.3.1.4 says to assume complete disallow, so `isAllowed` is false for every URL.
   */
  unavailable: boolean;
  /** HTTP status of robots.txt (0 when the request failed). */
  status: number;
  /**
   * Whether our User-Agent may fetch `url`. The rules are applied to the URL's path and query
   * whatever its host, because the crawler only asks about URLs of the same site (host and its
   * `www.` twin share one robots.txt here).
   */
  isAllowed(url: string): boolean;
  /** `Crawl-delay` for our User-Agent (or `*`) in ms, when given. */
  crawlDelayMs?: number;
  /** Normalised absolute URLs of the `Sitemap:` lines. */
  sitemaps: string[];
}

/** The robots.txt URL of the origin of `url`. */
export function robotsUrlFor(url: string): string {
  return new URL('/robots.txt', url).href;
}

/** Parses robots.txt text for `userAgent` (the product token before `/` is what matches). */
export function parseRobots(robotsUrl: string, text: string, userAgent: string, status = 200): RobotsPolicy {
  const origin = new URL(robotsUrl).origin;
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(userAgent);
  const sitemaps: string[] = [];
  for (const s of robot.getSitemaps()) {
    const n = normaliseUrl(s, robotsUrl);
    if (n !== null && !sitemaps.includes(n)) sitemaps.push(n);
  }
  return {
    url: robotsUrl,
    found: true,
    unavailable: false,
    status,
    isAllowed(url: string): boolean {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return false;
      }
      // robots-parser answers undefined for a URL of another origin: map the path onto ours.
      return robot.isAllowed(`${origin}${u.pathname}${u.search}`, userAgent) !== false;
    },
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay * 1000 : undefined,
    sitemaps,
  };
}

/** A policy that allows everything (no robots.txt, or robots.txt ignored). */
export function allowAllRobots(robotsUrl: string, status: number): RobotsPolicy {
  return { url: robotsUrl, found: false, unavailable: false, status, isAllowed: () => true, sitemaps: [] };
}

/**
 * The policy for a robots.txt response, by RFC 9309 §2.3.1: 2xx → parse; 4xx other than 429 →
 * allow everything; 5xx or 429 → complete disallow (`unavailable`); a redirect problem →
 * allow everything (treated as not found). Network failures (`timeout`, `network`, `dns`,
 * `blocked`, `aborted`) also give `unavailable`; the crawler treats those as the site being
 * unreachable before it gets here.
 */
export function robotsFromResponse(
  robotsUrl: string,
  response: FetchResponse,
  userAgent: string,
): RobotsPolicy {
  if (response.error) {
    const code = response.error.code;
    if (
      code === 'redirect-loop' ||
      code === 'too-many-redirects' ||
      code === 'unsupported-scheme' ||
      code === 'redirect-refused' ||
      code === 'invalid-response'
    ) {
      return allowAllRobots(robotsUrl, 0);
    }
    return disallowAll(robotsUrl, 0);
  }
  const { status } = response;
  if (status >= 200 && status < 300) {
    const text = new TextDecoder('utf-8').decode(response.body);
    return parseRobots(robotsUrl, text, userAgent, status);
  }
  if (status === 429 || status >= 500) return disallowAll(robotsUrl, status);
  return allowAllRobots(robotsUrl, status);
}

function disallowAll(robotsUrl: string, status: number): RobotsPolicy {
  return { url: robotsUrl, found: false, unavailable: true, status, isAllowed: () => false, sitemaps: [] };
}
