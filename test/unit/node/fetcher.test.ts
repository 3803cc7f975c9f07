import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchRequest } from '../../../src/core/types';
import { readCapped } from '../../../src/core/fetch/read-capped';
import { classifyFetchError, createNodeFetcher } from '../../../src/node/fetcher';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

const onlyLoopback = (host: string) => host === '127.0.0.1';
const fetcher = createNodeFetcher({
  userAgent: 'oit-audit/test (+https://github.com/oit-audit/oit-audit)',
  allowHost: onlyLoopback,
});

let server: SiteServer;
const req = (path: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
  url: `${server.url}${path}`,
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  maxRedirects: 10,
  ...extra,
});

beforeAll(async () => {
  server = await startSiteServer({
    routes: {
      '/': { contentType: 'text/html; charset=utf-8', headers: { 'X-Custom': 'Value' }, status: 200 },
      '/echo-ua': { status: 200 },
      '/loop-a': { redirect: '/loop-b' },
      '/loop-b': { redirect: '/loop-a' },
      '/hop1': { redirect: 'hop2' },
      '/hop2': { redirect: '/hop3?x=1', status: 301 },
      '/hop3': { status: 200 },
      '/to-elsewhere': { redirect: 'http://example.invalid/' },
      '/huge': { generateBytes: 200 * 1024 * 1024 },
      '/exact': { generateBytes: 1000 },
    },
  });
});
afterAll(async () => {
  await server.close();
});

describe('createNodeFetcher', () => {
  it('GETs a page with lower-cased headers and the User-Agent', async () => {
    const r = await fetcher.fetch(req('/'));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.finalUrl).toBe(`${server.url}/`);
    expect(r.redirects).toEqual([]);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Object.keys(r.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(new TextDecoder().decode(r.body)).toContain('<html');
    expect(r.truncated).toBe(false);
    expect(r.headers['x-custom']).toBe('Value');
  });

  it('supports HEAD with an empty body', async () => {
    const r = await fetcher.fetch(req('/', { method: 'HEAD' }));
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
    expect(server.requests.at(-1)?.method).toBe('HEAD');
  });

  it('follows relative redirects by hand and lists the hops', async () => {
    const r = await fetcher.fetch(req('/hop1'));
    expect(r.status).toBe(200);
    expect(r.finalUrl).toBe(`${server.url}/hop3?x=1`);
    expect(r.redirects).toEqual([`${server.url}/hop1`, `${server.url}/hop2`]);
  });

  it('detects redirect loops', async () => {
    const r = await fetcher.fetch(req('/loop-a'));
    expect(r.error?.code).toBe('redirect-loop');
    expect(r.status).toBe(0);
  });

  it('stops after maxRedirects', async () => {
    const r = await fetcher.fetch(req('/hop1', { maxRedirects: 1 }));
    expect(r.error?.code).toBe('too-many-redirects');
  });

  it('reports 4xx/5xx as statuses, not errors', async () => {
    expect((await fetcher.fetch(req('/nothing-here'))).status).toBe(404);
    expect((await fetcher.fetch(req('/?status=503'))).status).toBe(503);
  });

  it('times out the whole request', async () => {
    const r = await fetcher.fetch(req('/?delay=2000', { timeoutMs: 100 }));
    expect(r.error?.code).toBe('timeout');
  });

  it('is cancelled by the request signal', async () => {
    const c = new AbortController();
    const p = fetcher.fetch(req('/?delay=2000', { signal: c.signal }));
    setTimeout(() => c.abort(), 50);
    expect((await p).error?.code).toBe('aborted');
    const pre = new AbortController();
    pre.abort();
    expect((await fetcher.fetch(req('/', { signal: pre.signal }))).error?.code).toBe('aborted');
  });

  it('cuts a 200 MB response at maxBytes without buffering it', async () => {
    const before = process.memoryUsage().rss;
    const r = await fetcher.fetch(req('/huge', { maxBytes: 1024 * 1024 }));
    expect(r.status).toBe(200);
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(1024 * 1024);
    // Loose bound: far below the 200 MB the server would have sent.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    // The server noticed the client went away and stopped generating.
    await waitFor(() => server.inFlight === 0);
  });

  it('does not flag a body of exactly maxBytes as truncated', async () => {
    const r = await fetcher.fetch(req('/exact', { maxBytes: 1000 }));
    expect(r.body.length).toBe(1000);
    expect(r.truncated).toBe(false);
  });

  it('refuses hosts the guard does not allow, also on redirect', async () => {
    const direct = await fetcher.fetch({ ...req('/'), url: 'http://example.invalid/' });
    expect(direct.error?.code).toBe('blocked');
    const before = server.requests.length;
    const hop = await fetcher.fetch(req('/to-elsewhere'));
    expect(hop.error?.code).toBe('blocked');
    expect(hop.redirects).toEqual([`${server.url}/to-elsewhere`]);
    expect(server.requests.length).toBe(before + 1);
  });

  it('rejects non-http schemes and invalid URLs without throwing', async () => {
    expect((await fetcher.fetch({ ...req('/'), url: 'ftp://127.0.0.1/x' })).error?.code).toBe(
      'unsupported-scheme',
    );
    expect((await fetcher.fetch({ ...req('/'), url: 'not a url' })).error?.code).toBe('unsupported-scheme');
  });

  it('maps a refused connection to network', async () => {
    const port = await closedPort();
    const r = await fetcher.fetch({ ...req('/'), url: `http://127.0.0.1:${port}/` });
    expect(r.error?.code).toBe('network');
    expect(r.error?.message).toContain('ECONNREFUSED');
  });

  it('sends its User-Agent, and a request header overrides it', async () => {
    server.resetStats();
    await fetcher.fetch(req('/echo-ua'));
    await fetcher.fetch(req('/echo-ua', { headers: { 'User-Agent': 'other/1' } }));
    expect(server.requests.map((r) => [r.path, r.userAgent])).toEqual([
      ['/echo-ua', 'oit-audit/test (+https://github.com/oit-audit/oit-audit)'],
      ['/echo-ua', 'other/1'],
    ]);
  });
});

describe('classifyFetchError', () => {
  const wrap = (code: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'network'],
    ['ECONNRESET', 'network'],
    ['ETIMEDOUT', 'timeout'],
    ['HPE_INVALID_CHUNK_SIZE', 'invalid-response'],
    ['HPE_HEADER_OVERFLOW', 'invalid-response'],
    ['CERT_HAS_EXPIRED', 'network'],
  ])('%s → %s', (code, expected) => {
    expect(classifyFetchError(wrap(code)).code).toBe(expected);
  });

  it('prefers the signals', () => {
    const aborted = AbortSignal.abort();
    expect(classifyFetchError(new Error('x'), { request: aborted }).code).toBe('aborted');
    expect(classifyFetchError(new Error('x'), { timeout: aborted }).code).toBe('timeout');
  });
});

describe('readCapped', () => {
  it('reads everything under the cap and cuts above it', async () => {
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array([1, 2, 3]));
          c.enqueue(new Uint8Array([4, 5, 6]));
          c.close();
        },
      });
    expect(await readCapped(stream(), 10)).toEqual({
      bytes: new Uint8Array([1, 2, 3, 4, 5, 6]),
      truncated: false,
    });
    expect(await readCapped(stream(), 4)).toEqual({ bytes: new Uint8Array([1, 2, 3, 4]), truncated: true });
    expect(await readCapped(null, 4)).toEqual({ bytes: new Uint8Array(0), truncated: false });
  });
});

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
