import { describe, expect, it } from 'vitest';
import {
  type CrawlEvent,
  type CrawlHooks,
  type CrawlOptions,
  CrawlError,
  type CrawlPage,
  crawlSite,
} from '../../../../src/core/crawl/crawler';
import { createFakeFetcher, type FakeEntry, html, linksOf, VirtualClock } from './fake-fetcher';

const S = 'https://www.agency.go.th';

interface Run {
  pages: CrawlPage[];
  events: CrawlEvent[];
  fetcher: ReturnType<typeof createFakeFetcher>;
  clock: VirtualClock;
}

async function crawl(
  site: Record<string, FakeEntry>,
  options: Partial<CrawlOptions> = {},
  hooks: Partial<CrawlHooks> = {},
) {
  const clock = new VirtualClock();
  const fetcher = createFakeFetcher(site, clock);
  const pages: CrawlPage[] = [];
  const events: CrawlEvent[] = [];
  const result = await clock.run(() =>
    crawlSite(
      { startUrl: `${S}/`, delayMs: 0, ...options },
      { fetcher, sleep: clock.sleep, now: clock.now },
      {
        onPage: (p) => {
          pages.push(p);
          return { links: linksOf(p.response) };
        },
        onEvent: (e) => events.push(e),
        ...hooks,
      },
    ),
  );
  const run: Run = { pages, events, fetcher, clock };
  return { result, ...run };
}

/** Runs a crawl that is expected to throw; returns the error and the fetcher (what was asked). */
async function crawlFailing(site: Record<string, FakeEntry>, options: Partial<CrawlOptions> = {}) {
  const clock = new VirtualClock();
  const fetcher = createFakeFetcher(site, clock);
  const err = await clock
    .run(() =>
      crawlSite(
        { startUrl: `${S}/`, delayMs: 0, ...options },
        { fetcher, sleep: clock.sleep, now: clock.now },
        { onPage: (p) => ({ links: linksOf(p.response) }) },
      ),
    )
    .catch((e: unknown) => e);
  return { err: err as CrawlError, fetcher };
}

const paths = (urls: string[]) => urls.map((u) => u.replace(S, ''));

describe('crawlSite: discovery', () => {
  it('crawls breadth first from robots.txt and the start URL, same site only', async () => {
    const { result, pages, fetcher } = await crawl({
      [`${S}/`]: { body: html(['/about', '/news', 'https://agency.go.th/contact', 'https://other.go.th/x']) },
      [`${S}/about`]: { body: html(['/about/team']) },
      [`${S}/news`]: { body: html([]) },
      [`${S}/about/team`]: { body: html([]) },
      'https://agency.go.th/contact': { body: html([]) },
    });
    const asked = fetcher.urls();
    expect(asked[0]).toBe(`${S}/robots.txt`);
    expect(asked[1]).toBe(`${S}/`);
    expect(asked).not.toContain('https://other.go.th/x');
    expect(pages.map((p) => [p.url.replace(/https:\/\/(www\.)?agency\.go\.th/, ''), p.depth])).toEqual([
      ['/', 0],
      ['/about', 1],
      ['/news', 1],
      ['/contact', 1],
      ['/about/team', 2],
    ]);
    expect(result.pagesFetched).toBe(5);
    expect(result.siteUrl).toBe(`${S}/`);
    expect(result.limitReached).toBe(false);
    expect(result.errors).toEqual([]);
  });

  it('never requests a URL that no page, robots.txt or sitemap linked to', async () => {
    const { fetcher } = await crawl({
      [`${S}/`]: {
        body: html([
          '/a',
          '/b#frag',
          '/b?utm_source=line',
          'mailto:x@agency.go.th',
          'tel:021234567',
          'javascript:void(0)',
        ]),
      },
      [`${S}/a`]: { body: html(['/c', '/']) },
      [`${S}/b`]: { body: html([]) },
      [`${S}/c`]: { body: html([]) },
      [`${S}/unlinked`]: { body: html([]) },
    });
    const linked = new Set(['/robots.txt', '/sitemap.xml', '/', '/a', '/b', '/c']);
    for (const u of paths(fetcher.urls())) expect(linked.has(u), u).toBe(true);
    expect(paths(fetcher.urls()).filter((u) => u === '/b')).toHaveLength(1);
  });

  it('dedupes on normalised URLs and on final URLs after redirects', async () => {
    const { pages, fetcher } = await crawl({
      [`${S}/`]: { body: html(['/new', '/old', '/list?b=1&a=2', '/list?a=2&b=1#x']) },
      [`${S}/old`]: { redirect: '/new' },
      [`${S}/new`]: { body: html(['/old']) },
      [`${S}/list?a=2&b=1`]: { body: html([]) },
    });
    expect(pages.filter((p) => p.response.finalUrl === `${S}/new`)).toHaveLength(1);
    expect(paths(fetcher.urls()).filter((u) => u.startsWith('/list'))).toEqual(['/list?a=2&b=1']);
  });

  it('makes the final host of the start URL the site (http → https www.)', async () => {
    const { result, fetcher } = await crawl(
      {
        'http://agency.go.th/': { redirect: `${S}/` },
        'http://agency.go.th/robots.txt': { redirect: `${S}/robots.txt` },
        [`${S}/robots.txt`]: { body: 'User-agent: *\nDisallow: /secret', contentType: 'text/plain' },
        [`${S}/`]: { body: html(['/a', 'https://agency.go.th/b', '/secret']) },
        [`${S}/a`]: { body: html([]) },
        'https://agency.go.th/b': { body: html([]) },
      },
      { startUrl: 'http://agency.go.th/' },
    );
    expect(result.startUrl).toBe('http://agency.go.th/');
    expect(result.siteUrl).toBe(`${S}/`);
    expect(fetcher.urls()).toContain(`${S}/a`);
    expect(fetcher.urls()).toContain('https://agency.go.th/b');
    expect(result.skipped).toContainEqual({ url: `${S}/secret`, reason: 'robots' });
    // robots.txt was read once: the final origin is where robots.txt was served from.
    expect(fetcher.urls().filter((u) => u.endsWith('/robots.txt'))).toHaveLength(1);
  });

  it('reads the final origin’s robots.txt when the start URL moved to another host', async () => {
    const { result, fetcher } = await crawl(
      {
        'https://old.go.th/': { redirect: 'https://new.go.th/' },
        'https://new.go.th/robots.txt': { body: 'User-agent: *\nDisallow: /x', contentType: 'text/plain' },
        'https://new.go.th/': { body: html(['/x', '/y', 'https://old.go.th/z']) },
        'https://new.go.th/y': { body: html([]) },
      },
      { startUrl: 'https://old.go.th/' },
    );
    expect(result.siteUrl).toBe('https://new.go.th/');
    expect(fetcher.urls()).toContain('https://new.go.th/robots.txt');
    expect(fetcher.urls()).toContain('https://new.go.th/y');
    expect(fetcher.urls()).not.toContain('https://new.go.th/x');
    expect(fetcher.urls()).not.toContain('https://old.go.th/z');
  });

  it('records document links without fetching them, and hands non-HTML responses to onDocument', async () => {
    const docs: string[] = [];
    const { result, fetcher } = await crawl(
      {
        [`${S}/`]: { body: html(['/plan.pdf', '/budget.XLSX', '/chart.png', '/download?id=5', '/app.js']) },
        [`${S}/download?id=5`]: { body: '%PDF-1.4', contentType: 'application/pdf' },
      },
      {},
      { onDocument: (r) => void docs.push(r.finalUrl) },
    );
    expect(fetcher.urls()).not.toContain(`${S}/plan.pdf`);
    expect(fetcher.urls()).not.toContain(`${S}/app.js`);
    expect(result.documents).toEqual([
      { url: `${S}/plan.pdf`, type: 'pdf', depth: 1 },
      { url: `${S}/budget.XLSX`, type: 'xlsx', depth: 1 },
      { url: `${S}/chart.png`, type: 'image', depth: 1 },
    ]);
    expect(docs).toEqual([`${S}/download?id=5`]);
    expect(result.skipped).toContainEqual({ url: `${S}/app.js`, reason: 'non-page' });
  });

  it('applies skip patterns (regex sources and RegExp)', async () => {
    const { result, fetcher } = await crawl(
      {
        [`${S}/`]: { body: html(['/print/1', '/a?lang=en', '/keep']) },
        [`${S}/keep`]: { body: html([]) },
      },
      { skip: ['/print/', /lang=en/] },
    );
    expect(paths(fetcher.urls())).toContain('/keep');
    expect(result.skipped.filter((s) => s.reason === 'skip-pattern').map((s) => s.url)).toEqual([
      `${S}/print/1`,
      `${S}/a?lang=en`,
    ]);
  });
});

describe('crawlSite: robots.txt and sitemaps', () => {
  const site: Record<string, FakeEntry> = {
    [`${S}/robots.txt`]: {
      contentType: 'text/plain',
      body: 'User-agent: *\nDisallow: /admin\n\nUser-agent: oit-audit\nDisallow: /members\nCrawl-delay: 2\n',
    },
    [`${S}/`]: { body: html(['/admin/login', '/members/list', '/open']) },
    [`${S}/open`]: { body: html([]) },
    [`${S}/members/list`]: { body: html([]) },
    [`${S}/admin/login`]: { body: html([]) },
  };

  it('obeys Disallow for our User-Agent and raises the delay to Crawl-delay', async () => {
    const { result, fetcher, events } = await crawl(site);
    expect(fetcher.urls()).not.toContain(`${S}/members/list`);
    expect(fetcher.urls()).toContain(`${S}/admin/login`); // our group replaces the * group
    expect(result.skipped).toContainEqual({ url: `${S}/members/list`, reason: 'robots' });
    expect(result.robots).toMatchObject({
      found: true,
      status: 200,
      disallowed: 1,
      obeyed: true,
      crawlDelayMs: 2000,
    });
    expect(result.delayMs).toBe(2000);
    expect(events).toContainEqual({ type: 'skip', url: `${S}/members/list`, reason: 'robots' });
  });

  it('ignores robots.txt rules when obeyRobots is false', async () => {
    const { result, fetcher } = await crawl(site, { obeyRobots: false });
    expect(fetcher.urls()).toContain(`${S}/members/list`);
    expect(result.robots).toMatchObject({ obeyed: false, disallowed: 0 });
    expect(result.delayMs).toBe(0);
  });

  it('caps Crawl-delay', async () => {
    const { result } = await crawl(
      {
        [`${S}/robots.txt`]: { body: 'User-agent: *\nCrawl-delay: 600', contentType: 'text/plain' },
        [`${S}/`]: { body: html([]) },
      },
      { maxCrawlDelayMs: 10_000 },
    );
    expect(result.delayMs).toBe(10_000);
    expect(result.robots.crawlDelayMs).toBe(600_000);
  });

  it('treats a 5xx robots.txt as complete disallow (RFC 9309): ROBOTS_FORBIDDEN, without fetching the start URL', async () => {
    const { err, fetcher } = await crawlFailing(
      {
        [`${S}/robots.txt`]: { status: 503 },
        [`${S}/`]: { body: html(['/a']) },
      },
      { retries: 0 },
    );
    expect(fetcher.urls().every((u) => u.endsWith('/robots.txt'))).toBe(true);
    expect((err as CrawlError).code).toBe('ROBOTS_FORBIDDEN');
    expect((err as CrawlError).message).toMatch(/HTTP 503.*RFC 9309/);
    expect((err as CrawlError).message).toContain('--ignore-robots');
  });

  it('throws ROBOTS_FORBIDDEN when robots.txt disallows everything (issue 12 item 7)', async () => {
    const { err, fetcher } = await crawlFailing(
      {
        [`${S}/robots.txt`]: { contentType: 'text/plain', body: 'User-agent: *\nDisallow: /\n' },
        [`${S}/`]: { body: html(['/a']) },
      },
      { retries: 0 },
    );
    expect((err as CrawlError).code).toBe('ROBOTS_FORBIDDEN');
    expect((err as CrawlError).message).toMatch(/forbids/);
    expect(fetcher.urls()).toEqual([`${S}/robots.txt`]);
  });

  it('seeds from /sitemap.xml, sitemap indexes and robots.txt sitemaps at depth 1, same site only', async () => {
    const { result, pages, fetcher } = await crawl({
      [`${S}/robots.txt`]: {
        contentType: 'text/plain',
        body: `Sitemap: ${S}/listed.xml\nSitemap: https://cdn.example.com/s.xml`,
      },
      [`${S}/sitemap.xml`]: {
        contentType: 'application/xml',
        body: `<sitemapindex><sitemap><loc>${S}/child.xml</loc></sitemap><sitemap><loc>https://evil.example.com/s.xml</loc></sitemap></sitemapindex>`,
      },
      [`${S}/child.xml`]: {
        contentType: 'application/xml',
        body: `<urlset><url><loc>${S}/only-in-sitemap</loc></url><url><loc>https://elsewhere.go.th/p</loc></url><url><loc>${S}/docs/a.pdf</loc></url></urlset>`,
      },
      [`${S}/listed.xml`]: {
        contentType: 'application/xml',
        body: `<urlset><url><loc>${S}/listed-page</loc></url></urlset>`,
      },
      [`${S}/`]: { body: html([]) },
      [`${S}/only-in-sitemap`]: { body: html([]) },
      [`${S}/listed-page`]: { body: html([]) },
    });
    expect(fetcher.urls().some((u) => u.includes('example.com') || u.includes('elsewhere'))).toBe(false);
    expect(
      pages
        .filter((p) => p.depth === 1)
        .map((p) => p.url)
        .sort(),
    ).toEqual([`${S}/listed-page`, `${S}/only-in-sitemap`]);
    expect(result.sitemapUrls).toBe(3);
    expect(result.documents).toEqual([{ url: `${S}/docs/a.pdf`, type: 'pdf', depth: 1 }]);
    expect(result.sitemaps.map((s) => [s.url.replace(S, ''), s.kind, s.urls])).toEqual([
      ['/sitemap.xml', 'index', 0],
      ['/listed.xml', 'urlset', 1],
      ['/child.xml', 'urlset', 2],
    ]);
  });

  it('fetches the sitemaps while the start page is read, and merges their URLs after its links', async () => {
    const clock = new VirtualClock();
    const fetcher = createFakeFetcher(
      {
        [`${S}/sitemap.xml`]: {
          contentType: 'application/xml',
          body: `<urlset><url><loc>${S}/from-sitemap</loc></url><url><loc>${S}/linked</loc></url></urlset>`,
        },
        [`${S}/`]: { body: html(['/linked']) },
        [`${S}/linked`]: { body: html([]) },
        [`${S}/from-sitemap`]: { body: html([]) },
      },
      clock,
    );
    let sitemapAskedWhileReadingStart = false;
    const depthOne: string[] = [];
    await clock.run(() =>
      crawlSite(
        { startUrl: `${S}/`, delayMs: 0 },
        { fetcher, sleep: clock.sleep, now: clock.now },
        {
          onPage: async (p) => {
            if (p.depth === 0) {
              // A page thread takes a while with the start page: the sitemap is asked meanwhile.
              for (let i = 0; i < 50 && !fetcher.urls().includes(`${S}/sitemap.xml`); i++)
                await clock.sleep(1);
              sitemapAskedWhileReadingStart = fetcher.urls().includes(`${S}/sitemap.xml`);
            } else depthOne.push(p.url);
            return { links: linksOf(p.response) };
          },
        },
      ),
    );
    expect(sitemapAskedWhileReadingStart).toBe(true);
    // The start page's links first, then the sitemap's new URLs: the same queue as before.
    expect(depthOne).toEqual([`${S}/linked`, `${S}/from-sitemap`]);
  });

  it('not obeying robots.txt, asks for it beside the start page (it still reports it), and waits for it when obeying', async () => {
    const site = (): Record<string, FakeEntry> => ({
      // A slow robots.txt: 200 ms of virtual latency.
      [`${S}/robots.txt`]: {
        contentType: 'text/plain',
        body: 'User-agent: *\nDisallow: /private',
        latencyMs: 200,
      },
      [`${S}/`]: { body: html(['/private']) },
      [`${S}/private`]: { body: html([]) },
    });
    const call = (r: { fetcher: { calls: { url: string; start: number; end: number }[] } }, path: string) =>
      r.fetcher.calls.find((c) => c.url === `${S}${path}`) as { start: number; end: number };
    const ignoring = await crawl(site(), { obeyRobots: false, useSitemap: false });
    // Asked for before robots.txt answered.
    expect(call(ignoring, '/').start).toBeLessThan(call(ignoring, '/robots.txt').end);
    expect(ignoring.result.robots).toMatchObject({ found: true, status: 200, obeyed: false });
    expect(paths(ignoring.fetcher.urls())).toContain('/private');

    const obeying = await crawl(site(), { useSitemap: false });
    expect(call(obeying, '/').start).toBeGreaterThanOrEqual(call(obeying, '/robots.txt').end);
    expect(paths(obeying.fetcher.urls())).not.toContain('/private');
  });

  it('can skip sitemaps', async () => {
    const { fetcher } = await crawl({ [`${S}/`]: { body: html([]) } }, { useSitemap: false });
    expect(paths(fetcher.urls())).toEqual(['/robots.txt', '/']);
  });
});

describe('crawlSite: limits', () => {
  it('caps a pagination group deterministically (first N in natural order)', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `/news?page=${30 - i}`);
    const site: Record<string, FakeEntry> = {
      [`${S}/`]: { body: html(links) },
      news: (u: URL) => (u.pathname === '/news' ? { body: html([]) } : undefined),
    };
    const { result, fetcher } = await crawl(site, { paginationCap: 10 });
    const fetched = paths(fetcher.urls()).filter((u) => u.startsWith('/news'));
    expect(fetched.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `/news?page=${i + 1}`).sort());
    expect(result.skipped.filter((s) => s.reason === 'pagination-cap')).toHaveLength(20);
    expect(result.limitReached).toBe(false);
  });

  it('bounds an endless calendar by the pagination cap', async () => {
    const calendar = (u: URL) => {
      if (u.pathname !== '/calendar') return undefined;
      const [y, m] = (u.searchParams.get('month') ?? '2568-05').split('-').map(Number) as [number, number];
      const shift = (d: number) => {
        const i = y * 12 + (m - 1) + d;
        return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      };
      return { body: html([`/calendar?month=${shift(-1)}`, `/calendar?month=${shift(1)}`]) };
    };
    const { result, fetcher } = await crawl(
      { [`${S}/`]: { body: html(['/calendar?month=2568-05']) }, calendar },
      { paginationCap: 5, maxDepth: 100 },
    );
    expect(fetcher.urls().filter((u) => u.includes('/calendar'))).toHaveLength(5);
    expect(result.skipped.some((s) => s.reason === 'pagination-cap')).toBe(true);
  });

  it('gives the same pages whatever the latencies', async () => {
    const make = (latency: (i: number) => number) => {
      const site: Record<string, FakeEntry> = {
        [`${S}/`]: { body: html(Array.from({ length: 8 }, (_, i) => `/s${i}`)) },
      };
      for (let i = 0; i < 8; i++) {
        site[`${S}/s${i}`] = {
          latencyMs: latency(i),
          body: html(Array.from({ length: 6 }, (_, j) => `/list?page=${(i * 7 + j * 3) % 20}`)),
        };
      }
      site.list = (u: URL) => (u.pathname === '/list' ? { body: html([]) } : undefined);
      return site;
    };
    const a = await crawl(
      make((i) => 10 * (i + 1)),
      { paginationCap: 4, maxPages: 15, concurrency: 3 },
    );
    const b = await crawl(
      make((i) => 10 * (8 - i)),
      { paginationCap: 4, maxPages: 15, concurrency: 3 },
    );
    expect(new Set(a.fetcher.urls())).toEqual(new Set(b.fetcher.urls()));
    expect(a.result.skipped).toEqual(b.result.skipped);
  });

  it('starts the next depth while a slow page of the current one is still loading (no level barrier)', async () => {
    const site: Record<string, FakeEntry> = {
      [`${S}/`]: { body: html(['/fast', '/slow']) },
      [`${S}/fast`]: { body: html(['/a0', '/a1', '/a2']), latencyMs: 10 },
      [`${S}/slow`]: { body: html(['/b0']), latencyMs: 1000 },
    };
    for (const p of ['/a0', '/a1', '/a2', '/b0']) site[`${S}${p}`] = { body: html([]), latencyMs: 10 };
    const { fetcher, pages } = await crawl(site, { concurrency: 4 });
    const call = (path: string) => fetcher.calls.find((c) => c.url === `${S}${path}`);
    const slowEnd = call('/slow')?.end as number;
    for (const p of ['/a0', '/a1', '/a2']) expect(call(p)?.start).toBeLessThan(slowEnd);
    // Depths still come out right: /b0 is a grandchild of the start page.
    expect(pages.find((p) => p.url === `${S}/b0`)?.depth).toBe(2);
  });

  it('merges links in queue order: the slow first page’s links are queued before the fast second page’s', async () => {
    const site: Record<string, FakeEntry> = {
      [`${S}/`]: { body: html(['/slow', '/fast']) },
      [`${S}/slow`]: { body: html(['/from-slow']), latencyMs: 500 },
      [`${S}/fast`]: { body: html(['/from-fast']), latencyMs: 10 },
      [`${S}/from-slow`]: { body: html([]) },
      [`${S}/from-fast`]: { body: html([]) },
    };
    // One page of budget left at depth 2: it goes to the link of the page queued first, not to
    // the link of the page that answered first.
    const { result, fetcher } = await crawl(site, { concurrency: 4, maxPages: 4 });
    expect(fetcher.urls()).toContain(`${S}/from-slow`);
    expect(fetcher.urls()).not.toContain(`${S}/from-fast`);
    expect(result.skipped).toContainEqual({ url: `${S}/from-fast`, reason: 'max-pages' });
  });

  it('stops at maxPages and reports limitReached', async () => {
    const links = Array.from({ length: 20 }, (_, i) => `/p${i}`);
    const site: Record<string, FakeEntry> = { [`${S}/`]: { body: html(links) } };
    for (const l of links) site[`${S}${l}`] = { body: html([]) };
    const { result, pages } = await crawl(site, { maxPages: 5 });
    expect(pages).toHaveLength(5);
    expect(result.pagesFetched).toBe(5);
    expect(result.limitReached).toBe(true);
    expect(result.skipped.filter((s) => s.reason === 'max-pages')).toHaveLength(16);
    expect(pages.map((p) => p.url)).toEqual([`${S}/`, `${S}/p0`, `${S}/p1`, `${S}/p2`, `${S}/p3`]);
  });

  it('stops at maxDepth and reports limitReached', async () => {
    const site: Record<string, FakeEntry> = {};
    for (let i = 0; i < 6; i++) site[`${S}/${i === 0 ? '' : `d${i}`}`] = { body: html([`/d${i + 1}`]) };
    const { result, pages } = await crawl(site, { maxDepth: 2 });
    expect(pages.map((p) => p.depth)).toEqual([0, 1, 2]);
    expect(result.limitReached).toBe(true);
    expect(result.skipped).toContainEqual({ url: `${S}/d3`, reason: 'max-depth' });
  });
});

describe('crawlSite: failures are recorded, not fatal', () => {
  it('records a redirect loop and carries on', async () => {
    const { result, fetcher } = await crawl({
      [`${S}/`]: { body: html(['/loop-a', '/fine']) },
      [`${S}/loop-a`]: { redirect: '/loop-b' },
      [`${S}/loop-b`]: { redirect: '/loop-a' },
      [`${S}/fine`]: { body: html([]) },
    });
    expect(result.errors).toContainEqual(
      expect.objectContaining({ url: `${S}/loop-a`, code: 'redirect-loop' }),
    );
    expect(fetcher.urls()).toContain(`${S}/fine`);
  });

  it('records 4xx/5xx with their status, retrying only 5xx', async () => {
    const { result, fetcher, events } = await crawl({
      [`${S}/`]: { body: html(['/gone', '/broken', '/ok']) },
      [`${S}/broken`]: { status: 500 },
      [`${S}/ok`]: { body: html([]) },
    });
    expect(result.errors).toEqual([
      { url: `${S}/gone`, code: 'http-status', status: 404, message: 'HTTP 404' },
      { url: `${S}/broken`, code: 'http-status', status: 500, message: 'HTTP 500' },
    ]);
    expect(fetcher.urls().filter((u) => u.endsWith('/gone'))).toHaveLength(1);
    expect(fetcher.urls().filter((u) => u.endsWith('/broken'))).toHaveLength(3);
    expect(events).toContainEqual({ type: 'error', url: `${S}/gone`, code: 'http-status', status: 404 });
  });

  it('honours Retry-After on 429 through the injected sleep, then succeeds', async () => {
    const { result, pages, clock, events } = await crawl({
      [`${S}/`]: { body: html(['/busy']) },
      [`${S}/busy`]: [{ status: 429, headers: { 'retry-after': '7' } }, { body: html([]) }],
    });
    expect(pages.map((p) => p.url)).toContain(`${S}/busy`);
    expect(clock.sleeps).toContain(7000);
    expect(result.retries).toEqual([
      expect.objectContaining({ url: `${S}/busy`, attempt: 2, waitMs: 7000, reason: '429', capped: false }),
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', url: `${S}/busy`, waitMs: 7000 }));
    expect(result.errors).toEqual([]);
  });

  it('keeps going when onPage throws for one page', async () => {
    const { result, pages } = await crawl(
      {
        [`${S}/`]: { body: html(['/bad', '/good']) },
        [`${S}/bad`]: { body: html([]) },
        [`${S}/good`]: { body: html([]) },
      },
      {},
      {
        onPage: (p) => {
          if (p.url.endsWith('/bad')) throw new Error('cannot parse');
          return { links: linksOf(p.response) };
        },
      },
    );
    expect(result.errors).toEqual([
      { url: `${S}/bad`, code: 'page-handler', status: 200, message: 'cannot parse' },
    ]);
    expect(pages).toHaveLength(0); // the custom onPage replaced the recording one
    expect(result.pagesFetched).toBe(3);
  });

  it('records body-too-large and still hands the truncated page over', async () => {
    const big = html(['/next']) + 'x'.repeat(5000);
    const { result, pages } = await crawl(
      { [`${S}/`]: { body: html(['/big']) }, [`${S}/big`]: { body: big }, [`${S}/next`]: { body: html([]) } },
      { maxHtmlBytes: 1000 },
    );
    const bigPage = pages.find((p) => p.url === `${S}/big`);
    expect(bigPage?.response.truncated).toBe(true);
    expect(bigPage?.response.body.length).toBe(1000);
    expect(result.errors).toEqual([
      expect.objectContaining({ url: `${S}/big`, code: 'body-too-large', status: 200 }),
    ]);
    expect(pages.map((p) => p.url)).toContain(`${S}/next`);
  });

  it('skips a page that redirects off the site', async () => {
    const { result, pages } = await crawl({
      [`${S}/`]: { body: html(['/out']) },
      [`${S}/out`]: { redirect: 'https://facebook.com/agency' },
      'https://facebook.com/agency': { body: html([]) },
    });
    expect(result.skipped).toContainEqual({ url: `${S}/out`, reason: 'off-site-redirect' });
    expect(pages.map((p) => p.url)).toEqual([`${S}/`]);
  });
});

describe('crawlSite: fatal and cancelled', () => {
  it.each([
    ['a network error', { error: 'network' } as const],
    ['a DNS failure', { error: 'dns' } as const],
    ['a 500 after retries', { status: 500 }],
    ['a 404', { status: 404 }],
    ['a redirect loop', { redirect: '/' }],
  ])('throws SITE_UNREACHABLE on %s at the start URL', async (_, route) => {
    const err = await crawl({ [`${S}/`]: route }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrawlError);
    expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
    expect((err as CrawlError).message).toContain(`${S}/`);
    expect((err as CrawlError).message).toMatch(/Check/);
  });

  it('throws SITE_UNREACHABLE when nothing answers at robots.txt (connection refused)', async () => {
    const err = await crawl({ [`${S}/robots.txt`]: { error: 'network' } }).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
    expect((err as CrawlError).detail?.fetchError).toBe('network');
  });

  it('reports a robots.txt that stalls as RFC 9309 unreachable (complete disallow), not as an unreachable site', async () => {
    const err = await crawl({
      [`${S}/robots.txt`]: { error: 'timeout' },
      [`${S}/`]: { body: html([]) },
    }).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('ROBOTS_FORBIDDEN');
    expect((err as CrawlError).message).toMatch(/robots\.txt .* could not be read .*RFC 9309/);
  });

  it('throws INVALID_OPTIONS naming the field', async () => {
    const err = await crawl({}, { startUrl: 'ftp://x' }).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('INVALID_OPTIONS');
    expect((err as CrawlError).message).toContain('startUrl');
    const err2 = await crawl({}, { concurrency: 0 }).catch((e: unknown) => e);
    expect((err2 as CrawlError).message).toContain('concurrency');
  });

  it('stops when the signal aborts and returns what it has', async () => {
    const controller = new AbortController();
    const links = Array.from({ length: 10 }, (_, i) => `/p${i}`);
    const site: Record<string, FakeEntry> = { [`${S}/`]: { body: html(links) } };
    for (const l of links) site[`${S}${l}`] = { body: html([]), latencyMs: 10 };
    const { result } = await crawl(
      site,
      { signal: controller.signal, concurrency: 1 },
      {
        onPage: (p) => {
          if (p.url.endsWith('/p1')) controller.abort();
          return { links: linksOf(p.response) };
        },
      },
    );
    expect(result.aborted).toBe(true);
    expect(result.pagesFetched).toBeLessThan(11);
  });
});

describe('crawlSite: politeness', () => {
  it('never has more than `concurrency` requests in flight and spaces starts by delayMs', async () => {
    const links = Array.from({ length: 10 }, (_, i) => `/p${i}`);
    const site: Record<string, FakeEntry> = { [`${S}/`]: { body: html(links) } };
    for (const l of links) site[`${S}${l}`] = { body: html([]), latencyMs: 500 };
    const { result, fetcher } = await crawl(site, { concurrency: 2, delayMs: 250 });
    expect(fetcher.peakInFlight).toBe(2);
    expect(result.peakInFlight).toBe(2);
    const starts = fetcher.calls.map((c) => c.start);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(250);
    }
  });

  it('sends the User-Agent and extra headers', async () => {
    const { fetcher } = await crawl(
      { [`${S}/`]: { body: html([]) } },
      { extraHeaders: { 'accept-language': 'th' } },
    );
    const request = fetcher.calls[1]?.request;
    const headers = request?.headers ?? {};
    expect(headers['user-agent']).toMatch(
      /^oit-audit\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/oit-audit\/oit-audit\)$/,
    );
    // Extra headers travel as credentials of the audited origin only (issue 12 item 1).
    expect(request?.scope?.credentials['accept-language']).toBe('th');
    expect(request?.scope?.credentialsFor(`${S}/a`)).toBe(true);
    expect(request?.scope?.credentialsFor('https://evil.example.com/')).toBe(false);
    expect(request?.scope?.allowRedirect('https://evil.example.com/')).toBe(false);
  });
});
