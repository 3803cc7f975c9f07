import { describe, expect, it } from 'vitest';
import { parseRobots, robotsFromResponse, robotsUrlFor } from '../../../../src/core/crawl/robots';
import { decodeSitemapBody, parseSitemap } from '../../../../src/core/crawl/sitemap';
import type { FetchResponse } from '../../../../src/core/types';

const UA = 'oit-audit/0.1.0 (+https://github.com/oit-audit/oit-audit)';

function response(status: number, body = '', error?: FetchResponse['error']): FetchResponse {
  return {
    url: 'https://a.go.th/robots.txt',
    finalUrl: 'https://a.go.th/robots.txt',
    status,
    headers: {},
    redirects: [],
    body: new TextEncoder().encode(body),
    truncated: false,
    timingMs: 1,
    ...(error ? { error } : {}),
  };
}

describe('robots', () => {
  const text = [
    'User-agent: *',
    'Disallow: /private/',
    'Disallow: /*.php?print=',
    'Crawl-delay: 2',
    '',
    'User-agent: oit-audit',
    'Disallow: /no-audit/',
    'Disallow: /ข้อมูลภายใน/',
    'Crawl-delay: 3',
    '',
    'Sitemap: https://a.go.th/sitemap-news.xml',
    'Sitemap: /relative-sitemap.xml',
  ].join('\n');

  it('applies the group of our product token, with its crawl-delay and the sitemaps', () => {
    const p = parseRobots('https://a.go.th/robots.txt', text, UA);
    expect(p.found).toBe(true);
    expect(p.isAllowed('https://a.go.th/no-audit/x')).toBe(false);
    // Our group replaces the * group (robots.txt group matching), so /private/ is allowed for us.
    expect(p.isAllowed('https://a.go.th/private/x')).toBe(true);
    expect(
      p.isAllowed(
        'https://a.go.th/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%A0%E0%B8%B2%E0%B8%A2%E0%B9%83%E0%B8%99/a',
      ),
    ).toBe(false);
    expect(p.crawlDelayMs).toBe(3000);
    expect(p.sitemaps).toEqual(['https://a.go.th/sitemap-news.xml', 'https://a.go.th/relative-sitemap.xml']);
  });

  it('uses the * group for other agents and applies rules to the www twin', () => {
    const p = parseRobots('https://a.go.th/robots.txt', text, 'SomeBot/1.0');
    expect(p.isAllowed('https://a.go.th/private/x')).toBe(false);
    expect(p.isAllowed('https://www.a.go.th/private/x')).toBe(false);
    expect(p.isAllowed('http://a.go.th/index.php?print=1')).toBe(false);
    expect(p.isAllowed('https://a.go.th/public')).toBe(true);
    expect(p.crawlDelayMs).toBe(2000);
  });

  it('follows RFC 9309 status semantics', () => {
    expect(
      robotsFromResponse('https://a.go.th/robots.txt', response(404), UA).isAllowed('https://a.go.th/x'),
    ).toBe(true);
    expect(
      robotsFromResponse('https://a.go.th/robots.txt', response(403), UA).isAllowed('https://a.go.th/x'),
    ).toBe(true);
    const down = robotsFromResponse('https://a.go.th/robots.txt', response(503), UA);
    expect(down.unavailable).toBe(true);
    expect(down.isAllowed('https://a.go.th/x')).toBe(false);
    expect(robotsFromResponse('https://a.go.th/robots.txt', response(429), UA).unavailable).toBe(true);
    const loop = response(0, '', { code: 'redirect-loop', message: 'loop' });
    expect(robotsFromResponse('https://a.go.th/robots.txt', loop, UA).isAllowed('https://a.go.th/x')).toBe(
      true,
    );
    const ok = robotsFromResponse(
      'https://a.go.th/robots.txt',
      response(200, 'User-agent: *\nDisallow: /'),
      UA,
    );
    expect(ok.found).toBe(true);
    expect(ok.isAllowed('https://a.go.th/')).toBe(false);
  });

  it('tolerates an HTML page served as robots.txt', () => {
    const p = parseRobots('https://a.go.th/robots.txt', '<html><body>หน้าแรก</body></html>', UA);
    expect(p.isAllowed('https://a.go.th/anything')).toBe(true);
  });

  it('robotsUrlFor keeps the origin', () => {
    expect(robotsUrlFor('https://a.go.th:8443/x/y?z')).toBe('https://a.go.th:8443/robots.txt');
  });
});

describe('sitemap', () => {
  it('parses a urlset, resolving and normalising locs, skipping image locs and junk', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc> https://a.go.th/about#top </loc><lastmod>2025-01-01</lastmod></url>
  <url><loc>https://a.go.th/ข่าว</loc><image:image><image:loc>https://a.go.th/x.jpg</image:loc></image:image></url>
  <url><loc>/relative</loc></url>
  <url><loc>mailto:x@a.go.th</loc></url>
  <url><loc>https://a.go.th/about</loc></url>
</urlset>`;
    const r = parseSitemap(xml, { baseUrl: 'https://a.go.th/sitemap.xml' });
    expect(r.kind).toBe('urlset');
    expect(r.urls).toEqual([
      'https://a.go.th/about',
      'https://a.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7',
      'https://a.go.th/relative',
    ]);
  });

  it('parses a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://a.go.th/s1.xml</loc></sitemap><sitemap><loc>https://a.go.th/s2.xml</loc></sitemap></sitemapindex>`;
    const r = parseSitemap(xml, { baseUrl: 'https://a.go.th/sitemap.xml' });
    expect(r.kind).toBe('index');
    expect(r.sitemaps).toEqual(['https://a.go.th/s1.xml', 'https://a.go.th/s2.xml']);
    expect(r.urls).toEqual([]);
  });

  it('caps the number of URLs', () => {
    const locs = Array.from({ length: 50 }, (_, i) => `<url><loc>https://a.go.th/p${i}</loc></url>`).join('');
    const r = parseSitemap(`<urlset>${locs}</urlset>`, { baseUrl: 'https://a.go.th/', maxUrls: 7 });
    expect(r.urls).toHaveLength(7);
    expect(r.truncated).toBe(true);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body><a href="/x">x</a></body></html>'],
    ['broken XML', '<urlset><url><loc>https://a.go.th/ok</loc></url><url><loc>'],
    ['empty', ''],
    ['binary junk', '\u0000\u0001\u0002<<<>>>'],
  ])('tolerates %s', (_, text) => {
    expect(() => parseSitemap(text, { baseUrl: 'https://a.go.th/' })).not.toThrow();
  });

  it('reads a plain-text sitemap', () => {
    const r = parseSitemap('https://a.go.th/a\nhttps://a.go.th/b\nnot a url\n', {
      baseUrl: 'https://a.go.th/',
    });
    expect(r.kind).toBe('text');
    expect(r.urls).toEqual(['https://a.go.th/a', 'https://a.go.th/b']);
  });

  it('gunzips a compressed sitemap', async () => {
    const xml = '<urlset><url><loc>https://a.go.th/gz</loc></url></urlset>';
    const gz = new Uint8Array(
      await new Response(new Blob([xml]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
    );
    const text = await decodeSitemapBody(gz, 1024);
    expect(parseSitemap(text, { baseUrl: 'https://a.go.th/' }).urls).toEqual(['https://a.go.th/gz']);
    expect(await decodeSitemapBody(gz, 10)).toHaveLength(10);
  });
});
