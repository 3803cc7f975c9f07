import { lowerCaseHeaders } from '../core/fetch/headers';
import { readCapped } from '../core/fetch/read-capped';
import type { FetchErrorCode, Fetcher, FetchRequest, FetchResponse } from '../core/types';

import { USER_AGENT } from '../core/version';

export interface NodeFetcherOptions {
  /** Default `User-Agent`; a `user-agent` request header overrides it. */
  userAgent?: string;
  /**
   * Network guard: called with the hostname of every request and redirect hop; `false` refuses
   * it with the error `blocked` before any connection (tests allow only `127.0.0.1`).
   */
  allowHost?: (hostname: string) => boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * A {@link Fetcher} over Node's global `fetch` (undici). Redirects are followed by hand (relative
 * `Location`, at most `maxRedirects` hops, loop detection) so every hop passes `allowHost`; the
 * whole request (all hops and the body) shares one timeout; the body is streamed and the stream
 * cancelled at `maxBytes`, so a huge response is never buffered. Never throws: failures come back
 * in `FetchResponse.error`.
 */
export function createNodeFetcher(options: NodeFetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? USER_AGENT;
  return {
    fetch: (request) => fetchOnce(request, userAgent, options.allowHost),
  };
}

async function fetchOnce(
  request: FetchRequest,
  userAgent: string,
  allowHost: ((hostname: string) => boolean) | undefined,
): Promise<FetchResponse> {
  const started = performance.now();
  const redirects: string[] = [];
  let current = request.url;
  const fail = (code: FetchErrorCode, message: string): FetchResponse => ({
    url: request.url,
    finalUrl: current,
    status: 0,
    headers: {},
    redirects,
    body: new Uint8Array(0),
    truncated: false,
    timingMs: Math.round(performance.now() - started),
    error: { code, message },
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return fail('unsupported-scheme', `not a valid absolute URL: ${request.url}`);
  }
  if (request.signal?.aborted) return fail('aborted', 'the request was cancelled before it started');

  const timeout = AbortSignal.timeout(Math.max(1, request.timeoutMs));
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers = requestHeaders(userAgent, request.headers);
  const visited = new Set<string>();
  let method = request.method ?? 'GET';

  for (;;) {
    current = url.href;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail('unsupported-scheme', `only http and https are fetched, not ${url.protocol}`);
    }
    if (allowHost && !allowHost(url.hostname)) {
      return fail('blocked', `requests to ${url.hostname} are not allowed`);
    }
    visited.add(withoutHash(url));

    let res: Response;
    try {
      res = await fetch(url.href, { method, headers, redirect: 'manual', signal });
    } catch (e) {
      const { code, message } = classifyFetchError(e, {
        request: request.signal,
        timeout,
        timeoutMs: request.timeoutMs,
      });
      return fail(code, message);
    }

    const location = res.headers.get('location');
    if (REDIRECT_STATUSES.has(res.status) && location !== null) {
      await res.body?.cancel().catch(() => {});
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return fail('network', `invalid Location header "${location}" on ${url.href}`);
      }
      if (visited.has(withoutHash(next))) {
        redirects.push(url.href);
        current = next.href;
        return fail('redirect-loop', `redirect loop: ${[...redirects, next.href].join(' -> ')}`);
      }
      if (redirects.length >= request.maxRedirects) {
        redirects.push(url.href);
        current = next.href;
        return fail('too-many-redirects', `more than ${request.maxRedirects} redirects`);
      }
      redirects.push(url.href);
      if (res.status === 303 && method !== 'HEAD') method = 'GET';
      url = next;
      continue;
    }

    const responseHeaders = lowerCaseHeaders(res.headers);
    if (method === 'HEAD') {
      await res.body?.cancel().catch(() => {});
      return done(res.status, responseHeaders, new Uint8Array(0), false);
    }
    try {
      const { bytes, truncated } = await readCapped(res.body, request.maxBytes);
      return done(res.status, responseHeaders, bytes, truncated);
    } catch (e) {
      const { code, message } = classifyFetchError(e, {
        request: request.signal,
        timeout,
        timeoutMs: request.timeoutMs,
      });
      return fail(code, `while reading the body: ${message}`);
    }
  }

  function done(
    status: number,
    h: Record<string, string>,
    body: Uint8Array,
    truncated: boolean,
  ): FetchResponse {
    return {
      url: request.url,
      finalUrl: current,
      status,
      headers: h,
      redirects,
      body,
      truncated,
      timingMs: Math.round(performance.now() - started),
    };
  }
}

function withoutHash(u: URL): string {
  const c = new URL(u.href);
  c.hash = '';
  return c.href;
}

function requestHeaders(
  userAgent: string,
  extra: Record<string, string> | undefined,
): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'th,en;q=0.8',
  };
  for (const [k, v] of Object.entries(extra ?? {})) h[k.toLowerCase()] = v;
  return h;
}

/**
 * Maps an error thrown by `fetch` (or while reading its body) to a {@link FetchErrorCode}: the
 * caller's signal → `aborted`; our timeout → `timeout`; `ENOTFOUND` and other resolver codes →
 * `dns`; connect/headers/body timeouts → `timeout`; anything else (`ECONNREFUSED`,
 * `ECONNRESET`, TLS errors...) → `network`.
 */
export function classifyFetchError(
  error: unknown,
  signals: { request?: AbortSignal; timeout?: AbortSignal; timeoutMs?: number } = {},
): { code: FetchErrorCode; message: string } {
  if (signals.request?.aborted) return { code: 'aborted', message: 'the request was cancelled' };
  if (signals.timeout?.aborted) {
    return { code: 'timeout', message: `no complete response within ${signals.timeoutMs ?? '?'} ms` };
  }
  const e = error as { name?: string; message?: string; code?: string; cause?: unknown } | null;
  const cause = (e?.cause ?? null) as { code?: string; message?: string; name?: string } | null;
  const code = cause?.code ?? e?.code;
  const detail = [code, cause?.message ?? e?.message].filter(Boolean).join(': ') || String(error);
  if (e?.name === 'TimeoutError' || cause?.name === 'TimeoutError')
    return { code: 'timeout', message: detail };
  if (e?.name === 'AbortError') return { code: 'aborted', message: detail };
  if (code !== undefined && DNS_CODES.has(code)) return { code: 'dns', message: detail };
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { code: 'timeout', message: detail };
  return { code: 'network', message: detail };
}
