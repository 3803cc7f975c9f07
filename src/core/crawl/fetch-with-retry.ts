import type { FetchErrorCode, FetchRequest, FetchResponse } from '../types';

/** Statuses worth another try: timeouts, rate limits and transient server errors. 404 never is. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504, 522, 524]);

/** Fetch errors worth another try. DNS failures, blocked hosts and redirect problems are not. */
export const RETRY_ERRORS: ReadonlySet<FetchErrorCode> = new Set<FetchErrorCode>(['timeout', 'network']);

/** One wait before a retry, as reported to `onRetry`. */
export interface RetryInfo {
  url: string;
  /** The attempt about to be made (2 = first retry). */
  attempt: number;
  /** How long we wait before it, in ms (after the cap). */
  waitMs: number;
  /** Why: an HTTP status (`'429'`) or a fetch error code (`'timeout'`). */
  reason: string;
  /** The wait the server asked for with `Retry-After`, in ms, before the cap. */
  retryAfterMs?: number;
  /** True when `Retry-After` asked for longer than `maxRetryAfterMs`. */
  capped: boolean;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** Longest wait honoured from `Retry-After`, ms (default 30 000). */
  maxRetryAfterMs?: number;
  /** First backoff when there is no `Retry-After`, doubled each retry, ms (default 500). */
  baseBackoffMs?: number;
  /** Called before each wait. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryResult {
  /** The last response (successful, not retryable, or out of retries). */
  response: FetchResponse;
  /** Requests made (1 + retries used). */
  attempts: number;
}

/**
 * Parses `Retry-After` (delay in seconds, or an HTTP date relative to `now`) to ms, or `null`
 * when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** True when the response deserves another attempt. */
export function isRetryable(response: FetchResponse): boolean {
  if (response.error) return RETRY_ERRORS.has(response.error.code);
  return RETRY_STATUSES.has(response.status);
}

/**
 * Calls `fetch(request)` and retries on network errors, timeouts and the statuses in
 * {@link RETRY_STATUSES}. On 429 and 503 it waits what `Retry-After` asks (capped at
 * `maxRetryAfterMs`); otherwise it backs off exponentially (`baseBackoffMs`, ×2 each time).
 * Never throws for HTTP or network failures: the last response is returned.
 */
export async function fetchWithRetry(
  fetch: (request: FetchRequest) => Promise<FetchResponse>,
  request: FetchRequest,
  options: RetryOptions,
): Promise<RetryResult> {
  const retries = Math.max(0, options.retries ?? 2);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  let attempt = 1;
  for (;;) {
    const response = await fetch(request);
    if (attempt > retries || !isRetryable(response) || request.signal?.aborted) {
      return { response, attempts: attempt };
    }
    const backoff = baseBackoffMs * 2 ** (attempt - 1);
    let waitMs = backoff;
    let retryAfterMs: number | undefined;
    let capped = false;
    if (!response.error && (response.status === 429 || response.status === 503)) {
      const asked = parseRetryAfter(response.headers['retry-after'], options.now());
      if (asked !== null) {
        retryAfterMs = asked;
        capped = asked > maxRetryAfterMs;
        waitMs = Math.min(asked, maxRetryAfterMs);
      }
    }
    attempt++;
    options.onRetry?.({
      url: request.url,
      attempt,
      waitMs,
      reason: response.error ? response.error.code : String(response.status),
      retryAfterMs,
      capped,
    });
    if (waitMs > 0) await options.sleep(waitMs);
  }
}
