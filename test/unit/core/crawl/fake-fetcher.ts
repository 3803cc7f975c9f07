/**
 * Test doubles for the crawler: a virtual clock whose `sleep` only advances virtual time, and a
 * fake `Fetcher` over a map of URL → response. No real timers, no network.
 */
import type { FetchErrorCode, Fetcher, FetchRequest, FetchResponse } from '../../../../src/core/types';

/**
 * Virtual time. `sleep(ms)` parks until `run()` advances the clock: whenever every pending
 * promise is waiting on a timer (checked after a `setImmediate`, when all microtasks have run),
 * the earliest timer fires. Deterministic whatever the machine's speed.
 */
export class VirtualClock {
  t: number;
  private seq = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2025, 10, 1, 3, 0, 0)) {
    this.t = start;
  }

  now = (): Date => new Date(this.t);

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
    });
  };

  async run<T>(work: () => Promise<T>): Promise<T> {
    let settled = false;
    const p = work().finally(() => {
      settled = true;
    });
    p.catch(() => {});
    let idle = 0;
    while (!settled) {
      await new Promise<void>((r) => setImmediate(r));
      if (settled) break;
      if (this.timers.length === 0) {
        if (++idle > 10_000) throw new Error('VirtualClock: work is stuck (no timers pending)');
        continue;
      }
      idle = 0;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift() as (typeof this.timers)[number];
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    return p;
  }
}

export interface FakeRoute {
  status?: number;
  /** Body text (UTF-8). */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Redirect (followed by the fake like a real fetcher would). */
  redirect?: string;
  /** Fails with this fetch error instead of answering. */
  error?: FetchErrorCode;
  /** Virtual latency, ms. */
  latencyMs?: number;
  /** Marks the body as cut at maxBytes. */
  truncated?: boolean;
}

/** A route, a list of routes answered in turn (the last repeats), or a function of the URL. */
export type FakeEntry = FakeRoute | FakeRoute[] | ((url: URL) => FakeRoute | undefined);

export interface FakeCall {
  url: string;
  request: FetchRequest;
  /** Virtual start and end times. */
  start: number;
  end: number;
}

export interface FakeFetcher extends Fetcher {
  calls: FakeCall[];
  readonly peakInFlight: number;
  /** URLs asked for (first hop of each call), in order. */
  urls(): string[];
}

/** Links as simple HTML. */
export function html(links: string[], title = 'หน้า'): string {
  const a = links.map((l) => `<a href="${l}">ลิงก์</a>`).join('\n');
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title}</title></head><body>${a}</body></html>`;
}

/** The hrefs of `html()` output, resolved against the final URL (a minimal `onPage`). */
export function linksOf(response: FetchResponse): string[] {
  const text = new TextDecoder().decode(response.body);
  return [...text.matchAll(/href="([^"]*)"/g)].map((m) => new URL(m[1] as string, response.finalUrl).href);
}

export function createFakeFetcher(site: Record<string, FakeEntry>, clock?: VirtualClock): FakeFetcher {
  const calls: FakeCall[] = [];
  const counters = new Map<string, number>();
  let inFlight = 0;
  let peak = 0;

  const lookup = (url: string): FakeRoute => {
    const entry = site[url];
    if (entry === undefined) {
      for (const v of Object.values(site)) {
        if (typeof v === 'function') {
          const r = v(new URL(url));
          if (r) return r;
        }
      }
      return { status: 404, body: html([], 'ไม่พบ') };
    }
    if (typeof entry === 'function') return entry(new URL(url)) ?? { status: 404, body: '' };
    if (Array.isArray(entry)) {
      const n = counters.get(url) ?? 0;
      counters.set(url, n + 1);
      return entry[Math.min(n, entry.length - 1)] as FakeRoute;
    }
    return entry;
  };

  return {
    calls,
    get peakInFlight() {
      return peak;
    },
    urls: () => calls.map((c) => c.url),
    async fetch(request: FetchRequest): Promise<FetchResponse> {
      const start = clock ? clock.t : 0;
      const call: FakeCall = { url: request.url, request, start, end: start };
      calls.push(call);
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        const redirects: string[] = [];
        let current = request.url;
        for (;;) {
          const route = lookup(current);
          if (route.latencyMs && clock) await clock.sleep(route.latencyMs);
          const base = {
            url: request.url,
            finalUrl: current,
            redirects: [...redirects],
            timingMs: route.latencyMs ?? 0,
          };
          if (route.error) {
            return {
              ...base,
              status: 0,
              headers: {},
              body: new Uint8Array(0),
              truncated: false,
              error: { code: route.error, message: `fake ${route.error}` },
            };
          }
          if (route.redirect !== undefined) {
            const next = new URL(route.redirect, current).href;
            redirects.push(current);
            if (redirects.includes(next)) {
              return {
                ...base,
                finalUrl: next,
                redirects: [...redirects],
                status: 0,
                headers: {},
                body: new Uint8Array(0),
                truncated: false,
                error: { code: 'redirect-loop', message: 'fake loop' },
              };
            }
            if (redirects.length > request.maxRedirects) {
              return {
                ...base,
                finalUrl: next,
                redirects: [...redirects],
                status: 0,
                headers: {},
                body: new Uint8Array(0),
                truncated: false,
                error: { code: 'too-many-redirects', message: 'fake hops' },
              };
            }
            current = next;
            continue;
          }
          const body = new TextEncoder().encode(route.body ?? '');
          const headers: Record<string, string> = {
            'content-type': route.contentType ?? 'text/html; charset=utf-8',
            ...(route.headers ?? {}),
          };
          return {
            ...base,
            status: route.status ?? 200,
            headers,
            body: body.subarray(0, request.maxBytes),
            truncated: route.truncated ?? body.length > request.maxBytes,
          };
        }
      } finally {
        inFlight--;
        call.end = clock ? clock.t : 0;
      }
    },
  };
}
