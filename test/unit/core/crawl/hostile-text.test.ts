/**
 * Issue 12 item 5: text scans stay linear on hostile input. Each case took minutes to hours
 * before (quadratic patterns and parsers), so the test's own time limit is what fails on old code.
 */
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseSitemap } from '../../../../src/core/crawl/sitemap';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';
import { getRulePack } from '../../../../src/core/rules/registry';
import { compileElementProbes } from '../../../../src/core/verify/elements';

const probes = compileElementProbes(getRulePack()!);
const snapshot = (html: string) =>
  extractSnapshot(
    {
      url: 'https://a.go.th/',
      finalUrl: 'https://a.go.th/',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      redirects: [],
      body: new TextEncoder().encode(html),
      truncated: false,
      timingMs: 0,
    },
    { depth: 0, probes },
  );

describe('hostile text', () => {
  it('the O5 e-mail element still matches an address, and 3 MB of one letter is read in one pass', () => {
    expect(snapshot('<p>อีเมล saraban@agency.go.th</p>').elements).toContain('O5:fax-or-email');
    const s = snapshot(`<p>${'a'.repeat(3_000_000)}</p>`);
    expect(s.elements).not.toContain('O5:fax-or-email');
  }, 20_000);

  it('a million unclosed tags: parsing stops at the nesting cap and says so', () => {
    const s = snapshot(`<p>ข่าว</p>${'<b>'.repeat(1_000_000)}x`);
    expect(s.nestingCut).toBe(true);
  }, 20_000);

  it('more than 1,500 links: the cut is counted', () => {
    const s = snapshot(Array.from({ length: 1600 }, (_, i) => `<a href="/p${i}">p</a>`).join(''));
    expect(s.links).toHaveLength(1500);
    expect(s.linksDropped).toBe(100);
  });

  it('a sitemap nested a million deep is not parsed (quadratic in depth before)', () => {
    const deep = `<urlset>${'<url>'.repeat(1_000_000)}<loc>https://a.go.th/x</loc>${'</url>'.repeat(1_000_000)}</urlset>`;
    const r = parseSitemap(deep, { baseUrl: 'https://a.go.th/sitemap.xml' });
    expect(r.tooDeep).toBe(true);
    expect(r.urls).toEqual([]);
    expect(nestsDeeperThan('<urlset><url><loc>x</loc></url><url/></urlset>', 32)).toBe(false);
  }, 20_000);
});
