import { describe, expect, it } from 'vitest';
import { fetchWithRetry, parseRetryAfter } from '../../../../src/core/crawl/fetch-with-retry';
import { createHostScheduler } from '../../../../src/core/crawl/host-scheduler';
import type { FetchRequest, FetchResponse } from '../../../../src/core/types';
import { VirtualClock } from './fake-fetcher';

describe('host scheduler', () => {
  it('keeps at most `concurrency` tasks in flight and starts them `delayMs` apart', async () => {
    const clock = new VirtualClock();
    const s = createHostScheduler({ concurrency: 2, delayMs: 250, sleep: clock.sleep, now: clock.now });
    const starts: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      starts.push(clock.t);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await clock.sleep(1000);
      inFlight--;
    };
    await clock.run(() => Promise.all(Array.from({ length: 10 }, () => s.run('a.go.th', task))));
    expect(starts).toHaveLength(10);
    expect(peak).toBe(2);
    expect(s.peakInFlight).toBe(2);
    expect(s.peakFor('a.go.th')).toBe(2);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(250);
    }
  });

  it('keeps hosts independent and honours pause()', async () => {
    const clock = new VirtualClock();
    const t0 = clock.t;
    const s = createHostScheduler({ concurrency: 1, delayMs: 100, sleep: clock.sleep, now: clock.now });
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}@${clock.t - t0}`);
    };
    s.pause('b', 5000);
    await clock.run(() =>
      Promise.all([s.run('a', task('a1')), s.run('b', task('b1')), s.run('a', task('a2'))]),
    );
    expect(log).toEqual(['a1@0', 'a2@100', 'b1@5000']);
  });

  it('rejects a concurrency below 1', () => {
    const clock = new VirtualClock();
    expect(() =>
      createHostScheduler({ concurrency: 0, delayMs: 0, sleep: clock.sleep, now: clock.now }),
    ).toThrow(/concurrency/);
  });
});

function res(
  status: number,
  headers: Record<string, string> = {},
  error?: FetchResponse['error'],
): FetchResponse {
  return {
    url: 'https://a.go.th/x',
    finalUrl: 'https://a.go.th/x',
    status,
    headers,
    redirects: [],
    body: new Uint8Array(0),
    truncated: false,
    timingMs: 0,
    ...(error ? { error } : {}),
  };
}

const request: FetchRequest = { url: 'https://a.go.th/x', timeoutMs: 1000, maxBytes: 1000, maxRedirects: 5 };

function scripted(responses: FetchResponse[]) {
  let i = 0;
  const fetch = async () => responses[Math.min(i++, responses.length - 1)] as FetchResponse;
  return { fetch, count: () => i };
}

describe('fetchWithRetry', () => {
  const now = () => new Date(Date.UTC(2025, 10, 1, 0, 0, 0));

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', now())).toBe(7000);
    expect(parseRetryAfter('Sat, 01 Nov 2025 00:00:10 GMT', now())).toBe(10_000);
    expect(parseRetryAfter('Fri, 31 Oct 2025 00:00:10 GMT', now())).toBe(0);
    expect(parseRetryAfter('soon', now())).toBeNull();
    expect(parseRetryAfter('-3', now())).toBeNull();
    expect(parseRetryAfter(undefined, now())).toBeNull();
  });

  it('waits what Retry-After asks on 429, then succeeds', async () => {
    const sleeps: number[] = [];
    const f = scripted([res(429, { 'retry-after': '7' }), res(200)]);
    const retries: number[] = [];
    const out = await fetchWithRetry(f.fetch, request, {
      sleep: async (ms) => void sleeps.push(ms),
      now,
      onRetry: (i) => retries.push(i.waitMs),
    });
    expect(out.response.status).toBe(200);
    expect(out.attempts).toBe(2);
    expect(sleeps).toEqual([7000]);
    expect(retries).toEqual([7000]);
  });

  it('caps a long Retry-After and says so', async () => {
    const sleeps: number[] = [];
    const infos: { capped: boolean; retryAfterMs?: number }[] = [];
    const f = scripted([res(503, { 'retry-after': '3600' }), res(200)]);
    await fetchWithRetry(f.fetch, request, {
      sleep: async (ms) => void sleeps.push(ms),
      now,
      onRetry: (i) => infos.push(i),
    });
    expect(sleeps).toEqual([30_000]);
    expect(infos[0]).toMatchObject({ capped: true, retryAfterMs: 3_600_000 });
  });

  it('backs off exponentially on timeouts and network errors, then gives up', async () => {
    const sleeps: number[] = [];
    const f = scripted([res(0, {}, { code: 'timeout', message: 't' })]);
    const out = await fetchWithRetry(f.fetch, request, {
      retries: 2,
      sleep: async (ms) => void sleeps.push(ms),
      now,
    });
    expect(out.attempts).toBe(3);
    expect(out.response.error?.code).toBe('timeout');
    expect(sleeps).toEqual([500, 1000]);
  });

  it.each([404, 403, 200, 301])('never retries %i', async (status) => {
    const f = scripted([res(status)]);
    const out = await fetchWithRetry(f.fetch, request, { sleep: async () => {}, now });
    expect(out.attempts).toBe(1);
    expect(f.count()).toBe(1);
  });

  it('does not retry DNS failures or blocked hosts', async () => {
    for (const code of ['dns', 'blocked', 'redirect-loop'] as const) {
      const f = scripted([res(0, {}, { code, message: code })]);
      expect((await fetchWithRetry(f.fetch, request, { sleep: async () => {}, now })).attempts).toBe(1);
    }
  });
});

describe('host scheduler with a clock that does not move', () => {
  it('waits one gap per task, not an ever-growing one', async () => {
    const fixed = new Date(Date.UTC(2025, 3, 15));
    const sleeps: number[] = [];
    const s = createHostScheduler({
      concurrency: 1,
      delayMs: 100,
      sleep: async (ms) => void sleeps.push(ms),
      now: () => fixed,
    });
    for (let i = 0; i < 5; i++) await s.run('a', async () => {});
    expect(sleeps).toEqual([100, 100, 100, 100]);
  });
});
