/**
 * Integration: the crawler with the Node fetcher against small temp sites served on 127.0.0.1.
 * The fetcher's network guard refuses every other host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlOptions, CrawlError, type CrawlPage, crawlSite } from '../../../src/core/crawl/crawler';
import { normaliseUrl } from '../../../src/core/crawl/url';
import { createNodeFetcher } from '../../../src/node/fetcher';
import type { RouteMap } from '../../helpers/site-server';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

const fetcher = createNodeFetcher({ allowHost: (h) => h === '127.0.0.1' });
const tmpDirs: string[] = [];

function makeSite(files: Record<string, string>, routes?: RouteMap): string {
  const dir = mkdtempSync(join(tmpdir(), 'oit-crawl-'));
  tmpDirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (routes) writeFileSync(join(dir, '_routes.json'), JSON.stringify(routes));
  return dir;
}

const page = (title: string, links: string[]) =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${links
    .map((l) => `<a href="${l}">${l}</a>`)
    .join('\n')}</body></html>`;

interface Outcome {
  pages: CrawlPage[];
  links: Set<string>;
  sleeps: number[];
}

async function crawl(server: SiteServer, options: Partial<CrawlOptions> = {}) {
  const out: Outcome = { pages: [], links: new Set(), sleeps: [] };
  const result = await crawlSite(
    { startUrl: `${server.url}/`, delayMs: 5, timeoutMs: 5000, ...options },
    {
      fetcher,
      now: () => new Date(),
      // Real time, but long waits (Retry-After) are shortened and recorded.
      sleep: (ms) => {
        out.sleeps.push(ms);
        return new Promise((r) => setTimeout(r, Math.min(ms, 20)));
      },
    },
    {
      onPage: (p) => {
        out.pages.push(p);
        const $ = load(new TextDecoder().decode(p.response.body));
        const links = $('a[href]')
          .map((_, a) => new URL($(a).attr('href') as string, p.response.finalUrl).href)
          .get();
        for (const l of links) out.links.add(normaliseUrl(l) ?? l);
        return { links };
      },
    },
  );
  return { result, ...out };
}

const agencyFiles: Record<string, string> = {
  'index.html': page('หน้าแรก', [
    '/about/',
    '/news.html',
    '/calendar?month=2568-05',
    '/private/secret.html',
    '/loop-a',
    '/busy.html',
    '/huge.html',
    '/missing.html',
    '/docs/plan.pdf',
    'http://example.invalid/outside',
    'mailto:saraban@example.go.th',
    ...Array.from({ length: 10 }, (_, i) => `/slow/${i}.html`),
  ]),
  'about/index.html': page('เกี่ยวกับเรา', ['/', '/about/structure.html']),
  'about/structure.html': page('โครงสร้าง', []),
  'news.html': page('ข่าว', ['/news.html#top', '/news.html?utm_source=fb']),
  'busy.html': page('มีผู้ใช้มาก', []),
  'private/secret.html': page('ลับ', ['/private/deeper.html']),
  'private/deeper.html': page('ลึก', []),
  'from-sitemap.html': page('จากแผนผังเว็บไซต์', []),
  'docs/plan.pdf': '%PDF-1.4 fake',
  'README.md': 'notes for humans',
  'robots.txt': 'User-agent: *\nDisallow: /private/\n',
  'sitemap.xml':
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/from-sitemap.html</loc></url></urlset>',
};
for (let i = 0; i < 10; i++) agencyFiles[`slow/${i}.html`] = page(`ช้า ${i}`, []);

const agencyRoutes: RouteMap = {
  '/loop-a': { redirect: '/loop-b' },
  '/loop-b': { redirect: '/loop-a' },
  '/calendar': { calendar: true },
  '/busy.html': { retryAfter: 1 },
  '/huge.html': { generateBytes: 200 * 1024 * 1024 },
};
for (let i = 0; i < 10; i++) agencyRoutes[`/slow/${i}.html`] = { delayMs: 50 };

let agency: SiteServer;

beforeAll(async () => {
  agency = await startSiteServer({ root: makeSite(agencyFiles, agencyRoutes) });
});

afterAll(async () => {
  await agency.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe('crawlSite over HTTP', () => {
  it('crawls politely and records every problem without stopping', async () => {
    agency.resetStats();
    const { result, pages, links, sleeps } = await crawl(agency, {
      concurrency: 2,
      paginationCap: 4,
      maxHtmlBytes: 256 * 1024,
    });
    const requested = agency.requests.map((r) => r.path.split('#')[0] as string);

    // Never a URL nobody linked to (robots.txt, sitemap.xml and redirect targets aside).
    const allowed = new Set([
      ...links,
      `${agency.url}/robots.txt`,
      `${agency.url}/sitemap.xml`,
      `${agency.url}/`,
    ]);
    allowed.add(`${agency.url}/from-sitemap.html`);
    allowed.add(`${agency.url}/loop-b`);
    for (const path of requested) expect(allowed.has(`${agency.url}${path}`), path).toBe(true);
    expect(requested[0]).toBe('/robots.txt');

    // robots.txt obeyed; documents not fetched; other hosts never contacted (guard would refuse).
    expect(requested.some((p) => p.startsWith('/private/'))).toBe(false);
    expect(result.skipped).toContainEqual({ url: `${agency.url}/private/secret.html`, reason: 'robots' });
    expect(requested).not.toContain('/docs/plan.pdf');
    expect(result.documents.map((d) => d.url)).toEqual([`${agency.url}/docs/plan.pdf`]);
    expect(result.errors.some((e) => e.code === 'blocked')).toBe(false);

    // Peak in flight within the limit, seen from both sides.
    expect(agency.peakInFlight).toBeLessThanOrEqual(2);
    expect(result.peakInFlight).toBeLessThanOrEqual(2);
    expect(result.peakInFlight).toBeGreaterThanOrEqual(1);
    expect(requested.filter((p) => p.startsWith('/slow/'))).toHaveLength(10);

    // Calendar trap bounded by the pagination cap.
    expect(requested.filter((p) => p.startsWith('/calendar'))).toHaveLength(4);
    expect(result.skipped.some((s) => s.reason === 'pagination-cap' && s.url.includes('/calendar'))).toBe(
      true,
    );

    // Redirect loop, 404 and the huge page are recorded; 429 was retried after Retry-After.
    expect(result.errors).toContainEqual(
      expect.objectContaining({ url: `${agency.url}/loop-a`, code: 'redirect-loop' }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({ url: `${agency.url}/missing.html`, code: 'http-status', status: 404 }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({ url: `${agency.url}/huge.html`, code: 'body-too-large', status: 200 }),
    );
    const huge = pages.find((p) => p.url === `${agency.url}/huge.html`);
    expect(huge?.response.truncated).toBe(true);
    expect(huge?.response.body.length).toBe(256 * 1024);
    expect(result.retries).toContainEqual(
      expect.objectContaining({ url: `${agency.url}/busy.html`, waitMs: 1000 }),
    );
    expect(sleeps).toContain(1000);
    expect(pages.map((p) => p.url)).toContain(`${agency.url}/busy.html`);

    // Dedupe: news.html once despite #top and utm_source; sitemap seed fetched at depth 1.
    expect(requested.filter((p) => p.startsWith('/news.html'))).toHaveLength(1);
    expect(pages.find((p) => p.url.endsWith('/from-sitemap.html'))?.depth).toBe(1);
    expect(result.sitemapUrls).toBe(1);
    expect(result.robots).toMatchObject({ found: true, status: 200, obeyed: true, disallowed: 1 });
    expect(result.limitReached).toBe(false);
  });

  it('crawls robots-disallowed pages when obeyRobots is false', async () => {
    agency.resetStats();
    await crawl(agency, { obeyRobots: false, concurrency: 4, paginationCap: 1 });
    expect(agency.requests.map((r) => r.path)).toContain('/private/secret.html');
    expect(agency.requests.map((r) => r.path)).toContain('/private/deeper.html');
  });

  it('stops at maxPages', async () => {
    agency.resetStats();
    const { result, pages } = await crawl(agency, { maxPages: 3, useSitemap: false });
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(result.pagesFetched).toBe(3);
    expect(result.limitReached).toBe(true);
    expect(agency.requests.filter((r) => r.path !== '/robots.txt')).toHaveLength(3);
  });

  it('follows a start URL redirect and crawls the final site', async () => {
    const server = await startSiteServer({
      root: makeSite(
        { 'home/index.html': page('หน้าแรก', ['a.html']), 'home/a.html': page('ก', []) },
        { '/': { redirect: '/home/' } },
      ),
    });
    try {
      const { result, pages } = await crawl(server);
      expect(result.siteUrl).toBe(`${server.url}/home/`);
      expect(pages.map((p) => p.response.finalUrl)).toEqual([
        `${server.url}/home/`,
        `${server.url}/home/a.html`,
      ]);
    } finally {
      await server.close();
    }
  });

  it('throws SITE_UNREACHABLE for a closed port', async () => {
    const port = await closedPort();
    const err = await crawlSite(
      { startUrl: `http://127.0.0.1:${port}/`, retries: 1 },
      { fetcher, now: () => new Date(), sleep: async () => {} },
      { onPage: () => ({ links: [] }) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrawlError);
    expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
    expect((err as CrawlError).message).toContain(`http://127.0.0.1:${port}/`);
  });

  it("says why a start URL on another protocol's port is refused, before any connection", async () => {
    const err = await crawlSite(
      { startUrl: 'http://127.0.0.1:22/', retries: 1 },
      { fetcher, now: () => new Date(), sleep: async () => {} },
      { onPage: () => ({ links: [] }) },
    ).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
    expect((err as CrawlError).detail?.fetchError).toBe('blocked');
    expect((err as CrawlError).message).toContain('refused before any connection — port 22 is not fetched');
  });

  it('throws SITE_UNREACHABLE when the start page answers 500', async () => {
    const server = await startSiteServer({ routes: { '/': { status: 500 } } });
    try {
      const err = await crawl(server, { retries: 1 }).catch((e: unknown) => e);
      expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
      expect((err as CrawlError).detail?.status).toBe(500);
      expect(server.requests.filter((r) => r.path === '/')).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
