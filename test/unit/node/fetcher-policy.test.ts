/** Issue 12: the Node fetcher applies the request scope on every hop (real servers on 127.0.0.1). */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithRetry } from '../../../src/core/crawl/fetch-with-retry';
import { siteScope } from '../../../src/core/fetch/request-scope';
import type { FetchRequest } from '../../../src/core/types';
import { createNodeFetcher } from '../../../src/node/fetcher';
import { bytes, type HostileServer, page, redirect, startHostileServer } from '../../helpers/hostile-server';

const servers: HostileServer[] = [];
async function server(routes: Parameters<typeof startHostileServer>[0]) {
  const s = await startHostileServer(routes);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const request = (url: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
  url,
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  ...extra,
});

/** Public-looking names for a guard that would otherwise see only loopback. */
const lookup = async (host: string) =>
  ({ 'agency.example': ['8.8.8.8'], 'intranet.example': ['10.1.2.3'], 'meta.example': ['169.254.169.254'] })[
    host
  ] ?? ['8.8.4.4'];

describe('private addresses (SSRF)', () => {
  it('refuses loopback, and names resolving to private or metadata addresses, when the site is public', async () => {
    const target = await server({ '/secret': page('<p>secret</p>') });
    const fetcher = createNodeFetcher({ lookup });
    const scope = siteScope({ siteUrl: 'http://agency.example/', allowRedirect: () => true });
    const loop = await fetcher.fetch(request(`${target.url}/secret`, { scope }));
    expect(loop.error?.code).toBe('blocked');
    expect(loop.error?.message).toMatch(/private, loopback or link-local.*--allow-private/);
    for (const host of ['intranet.example', 'meta.example', 'localhost']) {
      const r = await fetcher.fetch(request(`http://${host}:${target.port}/secret`, { scope }));
      expect(r.error?.code, host).toBe('blocked');
    }
    expect(target.requests).toEqual([]);
  });

  it('allows private addresses with --allow-private, and when the audited site is itself on one', async () => {
    const target = await server({ '/secret': page('<p>secret</p>') });
    const fetcher = createNodeFetcher({ lookup });
    const allowed = await fetcher.fetch(
      request(`${target.url}/secret`, {
        scope: siteScope({ siteUrl: 'http://agency.example/', allowPrivate: true }),
      }),
    );
    expect(allowed.status).toBe(200);
    const intranetSite = await fetcher.fetch(
      request(`${target.url}/secret`, { scope: siteScope({ siteUrl: 'http://intranet.example/' }) }),
    );
    expect(intranetSite.status).toBe(200);
    expect(target.hits('/secret')).toBe(2);
  });
});

describe('credentials and redirects', () => {
  it('sends --header credentials to the audited origin only: dropped on a hop to another port', async () => {
    const other = await server({ '/landing': page('<p>x</p>') });
    const site = await server({ '/go': redirect(`${other.url}/landing`) });
    const fetcher = createNodeFetcher();
    const r = await fetcher.fetch(
      request(`${site.url}/go`, {
        headers: { 'user-agent': 'test' },
        scope: siteScope({
          siteUrl: `${site.url}/`,
          credentials: { cookie: 'sid=1', authorization: 'Bearer 2' },
          allowRedirect: () => true,
        }),
      }),
    );
    expect(r.status).toBe(200);
    expect(site.requests[0]?.headers.cookie).toBe('sid=1');
    expect(other.requests[0]?.headers.cookie).toBeUndefined();
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers['user-agent']).toBe('test');
  });

  it('stops before a hop the scope refuses: redirect-refused, the target never asked', async () => {
    const other = await server({ '/landing': page('<p>x</p>') });
    const site = await server({ '/go': redirect(`${other.url}/landing`) });
    const r = await createNodeFetcher().fetch(
      request(`${site.url}/go`, { scope: siteScope({ siteUrl: `${site.url}/` }) }),
    );
    expect(r.error?.code).toBe('redirect-refused');
    expect(r.finalUrl).toBe(`${other.url}/landing`);
    expect(other.requests).toEqual([]);
  });

  it('allowUrl compares host and port: another port of 127.0.0.1 is another site (--no-offsite-check)', async () => {
    const other = await server({ '/': page('<p>x</p>') });
    const site = await server({ '/go': redirect(`${other.url}/`) });
    const fetcher = createNodeFetcher({ allowUrl: (u) => u.host === new URL(site.url).host });
    const r = await fetcher.fetch(request(`${site.url}/go`));
    expect(r.error?.code).toBe('blocked');
    expect(other.requests).toEqual([]);
  });
});

describe('answers that cannot change on retry (item 8) and oversized documents (item 12)', () => {
  it('an invalid Location is invalid-response and is not retried', async () => {
    const site = await server({
      '/bad': (_req, res) => {
        res.writeHead(302, { location: 'http://[::1' });
        res.end();
      },
    });
    const { response, attempts } = await fetchWithRetry(
      (r) => createNodeFetcher().fetch(r),
      request(`${site.url}/bad`),
      { retries: 2, sleep: async () => {}, now: () => new Date() },
    );
    expect(response.error?.code).toBe('invalid-response');
    expect(response.error?.message).toContain('invalid Location');
    expect(attempts).toBe(1);
    expect(site.hits('/bad')).toBe(1);
  });

  it('a header overflow is invalid-response and is not retried', async () => {
    const site = await server({
      '/big-headers': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'x-filler': 'a'.repeat(200_000) });
        res.end('<p>x</p>');
      },
    });
    const { response, attempts } = await fetchWithRetry(
      (r) => createNodeFetcher().fetch(r),
      request(`${site.url}/big-headers`),
      { retries: 2, sleep: async () => {}, now: () => new Date() },
    );
    expect(response.error?.code).toBe('invalid-response');
    expect(attempts).toBe(1);
  });

  it('a document announced larger than the cap is not downloaded (skipOversizedBody)', async () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    const site = await server({ '/big.pdf': bytes(big, 'application/pdf') });
    const r = await createNodeFetcher().fetch(
      request(`${site.url}/big.pdf`, { maxBytes: 1024 * 1024, skipOversizedBody: true }),
    );
    expect(r.status).toBe(200);
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(0);
  });
});
