import { lowerCaseHeaders } from '../core/fetch/headers';
import { readCapped } from '../core/fetch/read-capped';
import type { FetchErrorCode, Fetcher, FetchRequest, FetchResponse } from '../core/types';

export interface ExtensionFetcherOptions {
  /** The `fetch` to use; default: the service worker's global fetch. */
  fetch?: typeof fetch;
  /** Cancels every request of this fetcher (the audit's cancel button). */
  signal?: AbortSignal;
  /** Network guard: `false` refuses a host with the error `blocked` before any request. */
  allowHost?: (hostname: string) => boolean;
}

/** Headers a browser sets itself; sending them is ignored or refused, so they are dropped. */
const BROWSER_OWNED_HEADERS = new Set(['user-agent', 'host', 'connection', 'content-length', 'referer']);

/**
 * A {@link Fetcher} over the extension service worker's `fetch`.
 *
 * Redirects are followed by the browser (`redirect: 'follow'`): in a service worker a manual
 * redirect is an opaque response without `Location`, so hops cannot be followed by hand. As a
 * consequence `redirects` is best effort (the requested URL when the response was redirected),
 * `maxRedirects` is the browser's own limit (20), and a redirect loop surfaces as `network`.
 * Requests go without cookies (`credentials: 'omit'`) so the audit sees what an assessor sees,
 * and without the HTTP cache so a page fixed a minute ago is re-read. One timeout covers the
 * request and the body; the body is streamed and cancelled at `maxBytes`. Never throws.
 */
export function createExtensionFetcher(options: ExtensionFetcherOptions = {}): Fetcher {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return { fetch: (request) => fetchOnce(doFetch, request, options) };
}

async function fetchOnce(
  doFetch: typeof fetch,
  request: FetchRequest,
  options: ExtensionFetcherOptions,
): Promise<FetchResponse> {
  const started = Date.now();
  const fail = (code: FetchErrorCode, message: string, finalUrl = request.url): FetchResponse => ({
    url: request.url,
    finalUrl,
    status: 0,
    headers: {},
    redirects: [],
    body: new Uint8Array(0),
    truncated: false,
    timingMs: Date.now() - started,
    error: { code, message },
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return fail('unsupported-scheme', `not a valid absolute URL: ${request.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('unsupported-scheme', `only http and https are fetched, not ${url.protocol}`);
  }
  if (options.allowHost && !options.allowHost(url.hostname)) {
    return fail('blocked', `requests to ${url.hostname} are not allowed`);
  }
  const external = [request.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
  if (external.some((s) => s.aborted)) return fail('aborted', 'the request was cancelled before it started');

  const timeout = AbortSignal.timeout(Math.max(1, request.timeoutMs));
  const signal = AbortSignal.any([...external, timeout]);
  const classify = (e: unknown) =>
    classifyExtensionFetchError(e, { external, timeout, timeoutMs: request.timeoutMs });
  const method = request.method ?? 'GET';

  let res: Response;
  try {
    res = await doFetch(url.href, {
      method,
      headers: requestHeaders(request.headers),
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    const { code, message } = classify(e);
    return fail(code, message);
  }

  const finalUrl = res.url || url.href;
  const redirects = res.redirected && finalUrl !== url.href ? [url.href] : [];
  if (options.allowHost) {
    const finalHost = safeHostname(finalUrl);
    if (finalHost !== null && !options.allowHost(finalHost)) {
      await res.body?.cancel().catch(() => {});
      return { ...fail('blocked', `redirected to ${finalHost}, which is not allowed`, finalUrl), redirects };
    }
  }
  const headers = lowerCaseHeaders(res.headers);
  if (method === 'HEAD') {
    await res.body?.cancel().catch(() => {});
    return done(new Uint8Array(0), false);
  }
  try {
    const { bytes, truncated } = await readCapped(res.body, request.maxBytes);
    return done(bytes, truncated);
  } catch (e) {
    const { code, message } = classify(e);
    return { ...fail(code, `while reading the body: ${message}`, finalUrl), redirects };
  }

  function done(body: Uint8Array, truncated: boolean): FetchResponse {
    return {
      url: request.url,
      finalUrl,
      status: res.status,
      headers,
      redirects,
      body,
      truncated,
      timingMs: Date.now() - started,
    };
  }
}

function safeHostname(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function requestHeaders(extra: Record<string, string> | undefined): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'th,en;q=0.8',
  };
  for (const [k, v] of Object.entries(extra ?? {})) {
    const key = k.toLowerCase();
    if (!BROWSER_OWNED_HEADERS.has(key)) h[key] = v;
  }
  return h;
}

/**
 * Maps what the browser's `fetch` throws to a {@link FetchErrorCode}. A browser tells little:
 * cancellation and our timeout are known from the signals; everything else is a `TypeError`
 * ("Failed to fetch"), which covers refused connections, DNS failures, TLS errors, redirect
 * loops and a missing host permission alike, so it is `network` with a hint.
 */
export function classifyExtensionFetchError(
  error: unknown,
  signals: { external?: AbortSignal[]; timeout?: AbortSignal; timeoutMs?: number } = {},
): { code: FetchErrorCode; message: string } {
  if (signals.external?.some((s) => s.aborted))
    return { code: 'aborted', message: 'the request was cancelled' };
  if (signals.timeout?.aborted) {
    return { code: 'timeout', message: `no complete response within ${signals.timeoutMs ?? '?'} ms` };
  }
  const e = error as { name?: string; message?: string } | null;
  if (e?.name === 'TimeoutError') return { code: 'timeout', message: e.message ?? 'timeout' };
  if (e?.name === 'AbortError') return { code: 'aborted', message: e.message ?? 'aborted' };
  const detail = e?.message ?? String(error);
  return {
    code: 'network',
    message: `${detail} (connection refused, DNS or TLS failure, redirect loop, or no host permission for this site)`,
  };
}
