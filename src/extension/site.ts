import { siteKey } from '../core/crawl/url';

/**
 * The storage key of the site a URL belongs to: host (and port) without `www.`, so the report,
 * manual evidence and survey of `https://www.x.go.th/` and `http://x.go.th/a` are one record,
 * as the crawler treats them as one site. `null` for anything that is not http(s).
 */
export function siteKeyOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return siteKey(u.host);
  } catch {
    return null;
  }
}

/** The home page of a URL's site (`https://x.go.th/a/b` → `https://x.go.th/`), or null. */
export function siteHome(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.origin}/`;
  } catch {
    return null;
  }
}

/** The one match pattern an audit of `url` cannot start without (its own scheme and host). */
export function requiredHostPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname.toLowerCase()}/*`;
  } catch {
    return null;
  }
}

/**
 * Match patterns asked at run time for one audited site: the host and its `www.` twin, over
 * http and https (agency sites often redirect between them). Match patterns have no port, so a
 * local test server on any port is covered by `http://127.0.0.1/*`.
 */
export function hostPatternsFor(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [];
  const host = u.hostname.toLowerCase();
  const isIp = /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
  const hosts =
    isIp || host === 'localhost' ? [host] : [host, host.startsWith('www.') ? host.slice(4) : `www.${host}`];
  const patterns: string[] = [];
  for (const scheme of ['https', 'http']) for (const h of hosts) patterns.push(`${scheme}://${h}/*`);
  return patterns;
}
