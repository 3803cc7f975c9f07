import { sameSite } from '../crawl/url';
import type { RequestScope } from '../types';

/** The origin of `url` (`https://a.go.th:8443`), or '' when it is not a URL. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export interface SiteScopeOptions {
  /** The audited site's URL (after the start redirect, if it was followed). */
  siteUrl: string;
  /** The URL the user gave, when it differs: its origin also receives the credentials. */
  startUrl?: string;
  /** `--header` values: they belong to the audited origin only. */
  credentials?: Record<string, string>;
  allowPrivate?: boolean;
  /**
   * Where a redirect may lead; default: the site only (host or its `www.` twin, same port), as
   * a crawl must never read another site's pages through a redirect.
   */
  allowRedirect?: (url: string) => boolean;
}

/**
 * The scope of requests made for one audit (issue 12). It lives in the core so that every runner
 * (CLI, batch, a distributed worker) sends credentials to the audited origin only and follows
 * redirects only where the audit may go; the shells' fetchers apply it on every hop.
 */
export function siteScope(options: SiteScopeOptions): RequestScope {
  const siteUrl = options.siteUrl;
  const given = options.startUrl ?? siteUrl;
  return {
    siteUrl,
    credentials: { ...(options.credentials ?? {}) },
    credentialsFor: (url) => credentialOrigin(given, url),
    allowRedirect: options.allowRedirect ?? ((url) => sameSite(url, siteUrl)),
    allowPrivate: options.allowPrivate ?? false,
  };
}

/**
 * True when `url` may receive the credentials given for `given` (the URL the user typed): the
 * same origin (scheme, host, port), or its upgrade from http to https on the default ports. A
 * cookie for http://a.go.th never goes to www.a.go.th, to :8080, or to the site a start URL
 * redirects to (`--follow-start-redirect` audits another origin: give its own --header).
 */
export function credentialOrigin(given: string, url: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(given);
    b = new URL(url);
  } catch {
    return false;
  }
  if (a.origin === b.origin) return true;
  return (
    a.protocol === 'http:' &&
    b.protocol === 'https:' &&
    a.hostname === b.hostname &&
    a.port === '' &&
    b.port === ''
  );
}

/** The headers for one hop: the request's own, plus the credentials when the hop is the site's. */
export function headersForHop(
  url: string,
  headers: Record<string, string> | undefined,
  scope: RequestScope | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...(headers ?? {}) };
  if (scope?.credentialsFor(url)) Object.assign(out, scope.credentials);
  return out;
}

/**
 * Why a header cannot be sent, or null when it can: a CR or LF (or another control character)
 * in a value would split the request, and a name must be an HTTP token.
 */
export function headerProblem(name: string, value: string): string | null {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    return `the header name "${name}" is not a valid HTTP token`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
    return `the value of header "${name}" contains a line break or another control character`;
  }
  return null;
}

/**
 * True when `url`'s host is one of the off-site hosts of `kinds` (a host or a subdomain of it),
 * e.g. the item's accepted social networks. `hostsByKind` is the rule pack's `offSiteKinds`.
 */
export function inOffSiteKinds(
  hostsByKind: Readonly<Record<string, readonly string[]>>,
  kinds: readonly string[],
  url: string,
): boolean {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return kinds.some((k) => (hostsByKind[k] ?? []).some((s) => host === s || host.endsWith(`.${s}`)));
}
