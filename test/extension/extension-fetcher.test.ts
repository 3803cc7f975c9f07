// @vitest-environment node
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyExtensionFetchError, createExtensionFetcher } from '../../src/extension/extension-fetcher';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const base = { timeoutMs: 5000, maxBytes: 1024 * 1024, maxRedirects: 10 };

function stubFetch(make: (url: string, init?: RequestInit) => Response | Promise<Response>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => make(String(input), init)) as typeof fetch;
}

describe('extension fetcher (stubbed fetch)', () => {
  it('lower-cases headers, keeps status and body, and asks without cookies or cache', async () => {
    let seen: RequestInit | undefined;
    const fetcher = createExtensionFetcher({
      fetch: stubFetch((_u, init) => {
        seen = init;
        return new Response('สวัสดี', {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Thing': 'a' },
        });
      }),
    });
    const res = await fetcher.fetch({
      ...base,
      url: 'https://www.example.go.th/',
      headers: { 'User-Agent': 'x', 'X-Extra': 'y' },
    });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-thing']).toBe('a');
    expect(new TextDecoder().decode(res.body)).toBe('สวัสดี');
    expect(seen?.redirect).toBe('follow');
    expect(seen?.credentials).toBe('omit');
    expect(seen?.cache).toBe('no-store');
    const headers = seen?.headers as Record<string, string>;
    expect(headers['user-agent']).toBeUndefined();
    expect(headers['x-extra']).toBe('y');
  });

  it('cuts the body at maxBytes and cancels the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1000).fill(65));
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetcher = createExtensionFetcher({ fetch: stubFetch(() => new Response(stream)) });
    const res = await fetcher.fetch({ ...base, url: 'https://x.go.th/big', maxBytes: 2500 });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(2500);
    expect(cancelled).toBe(true);
  });

  it('maps a thrown TypeError to network, never throwing', async () => {
    const fetcher = createExtensionFetcher({
      fetch: stubFetch(() => {
        throw new TypeError('Failed to fetch');
      }),
    });
    const res = await fetcher.fetch({ ...base, url: 'https://x.go.th/' });
    expect(res.status).toBe(0);
    expect(res.error?.code).toBe('network');
    expect(res.error?.message).toContain('Failed to fetch');
  });

  it('times out with the code timeout', async () => {
    const fetcher = createExtensionFetcher({
      fetch: stubFetch(
        (_u, init) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      ),
    });
    const res = await fetcher.fetch({ ...base, url: 'https://x.go.th/slow', timeoutMs: 30 });
    expect(res.error?.code).toBe('timeout');
  });

  it('gives aborted when the audit is cancelled, before or during a request', async () => {
    const controller = new AbortController();
    const fetcher = createExtensionFetcher({
      signal: controller.signal,
      fetch: stubFetch(
        (_u, init) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      ),
    });
    const pending = fetcher.fetch({ ...base, url: 'https://x.go.th/' });
    controller.abort();
    expect((await pending).error?.code).toBe('aborted');
    expect((await fetcher.fetch({ ...base, url: 'https://x.go.th/' })).error?.code).toBe('aborted');
  });

  it('refuses other schemes and guarded hosts without a request', async () => {
    let calls = 0;
    const fetcher = createExtensionFetcher({
      allowHost: (h) => h === '127.0.0.1',
      fetch: stubFetch(() => {
        calls++;
        return new Response('');
      }),
    });
    expect((await fetcher.fetch({ ...base, url: 'ftp://x.go.th/' })).error?.code).toBe('unsupported-scheme');
    expect((await fetcher.fetch({ ...base, url: 'not a url' })).error?.code).toBe('unsupported-scheme');
    expect((await fetcher.fetch({ ...base, url: 'https://x.go.th/' })).error?.code).toBe('blocked');
    expect(calls).toBe(0);
  });

  it('classifies errors from the signals first', () => {
    const aborted = AbortSignal.abort();
    expect(classifyExtensionFetchError(new Error('x'), { external: [aborted] }).code).toBe('aborted');
    expect(classifyExtensionFetchError(new Error('x'), { timeout: aborted, timeoutMs: 5 }).code).toBe(
      'timeout',
    );
    expect(classifyExtensionFetchError(Object.assign(new Error('t'), { name: 'TimeoutError' })).code).toBe(
      'timeout',
    );
  });
});

describe('extension fetcher against the loopback test server', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer({
      routes: {
        '/a': { redirect: '/b' },
        '/b': { redirect: '/page' },
        '/page': { file: 'page.html', contentType: 'text/html; charset=utf-8' },
        '/loop': { redirect: '/loop' },
        '/gone': { status: 404 },
      },
      root: join(import.meta.dirname, 'fixtures'),
    });
  });
  afterAll(() => server.close());

  const fetcher = () =>
    createExtensionFetcher({ fetch: globalThis.fetch, allowHost: (h) => h === '127.0.0.1' });

  it('follows redirects and reports the final URL and the request as a redirect', async () => {
    const res = await fetcher().fetch({ ...base, url: `${server.url}/a` });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`${server.url}/page`);
    expect(res.redirects).toEqual([`${server.url}/a`]);
    expect(new TextDecoder().decode(res.body)).toContain('หน้าทดสอบ');
  });

  it('keeps 4xx as a status, not an error', async () => {
    const res = await fetcher().fetch({ ...base, url: `${server.url}/gone` });
    expect(res.status).toBe(404);
    expect(res.error).toBeUndefined();
  });

  it('turns a redirect loop into a network error', async () => {
    const res = await fetcher().fetch({ ...base, url: `${server.url}/loop` });
    expect(res.status).toBe(0);
    expect(res.error?.code).toBe('network');
  });

  it('reads nothing for HEAD', async () => {
    const res = await fetcher().fetch({ ...base, url: `${server.url}/page`, method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
  });
});
