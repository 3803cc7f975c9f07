import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCandidates, joinedBefore } from '../../../../src/core/detect/candidates';
import { ItemMatcher } from '../../../../src/core/detect/item-matcher';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { FetchResponse } from '../../../../src/core/types';

const pack = getRulePack()!;
const site = 'https://www.example.go.th/';

function snap(path: string, html: string, depth = 1) {
  const url = new URL(path, site).href;
  const response: FetchResponse = {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    redirects: [],
    body: new TextEncoder().encode(html),
    truncated: false,
    timingMs: 1,
  };
  return extractSnapshot(response, { depth });
}

describe('ItemMatcher', () => {
  const m = new ItemMatcher(pack);
  it('matches official names and variants; the longest keyword wins', () => {
    expect(m.matchText('รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ6เดือน')?.id).toBe('O11');
    expect(m.matchText('รายงานผลการดำเนินงานประจำปี 2567')?.id).toBe('O12');
    expect(m.matchText('กฏหมายที่เกี่ยวข้อง')?.id).toBe('O6');
    expect(m.matchText('มาตรการตรวจสอบการใช้ดุลยพินิจ')?.id).toBe('O48');
    expect(m.matchText('E–Service')?.id).toBe('O17');
    expect(m.matchText('แผนที่เว็บไซต์')).toBeNull();
  });
  it('compares slugs with Thai marks stripped, as Google Sites writes them', () => {
    expect(m.matchSlug('https://sites.google.com/view/x/oit-3-อำนาจหนาท')?.id).toBe('O3');
    expect(m.matchSlug('https://www.example.go.th/o15-คมอหรอมาตรฐานการใหบรการ')?.id).toBe('O14');
  });
  it('knows generic anchors', () => {
    expect(m.isGeneric('คลิกลิงค์ข้อมูล')).toBe(true);
    expect(m.isGeneric('ดาวน์โหลด')).toBe(true);
    expect(m.isGeneric('โครงสร้างองค์กร')).toBe(false);
  });
});

describe('detectCandidates', () => {
  const index = snap(
    '/ita/',
    `<title>ITA</title><h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1>
     <table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="/about/structure.html">คลิกลิงค์ข้อมูล</a></td></tr>
     <tr><td>O12</td><td>ข้อมูลอื่น</td><td><a href="/files/x.pdf">ดาวน์โหลด</a></td></tr></table>
     <h2>ข้อมูลการประเมิน ITA ปี 2566</h2>
     <table><tr><td>O10</td><td>นโยบายคุ้มครองข้อมูลส่วนบุคคล</td><td><a href="/pdpa.html">คลิกลิงค์ข้อมูล</a></td></tr></table>`,
  );
  const menu = snap('/', '<ul><li><a href="/contact.html">ติดต่อเรา</a></li></ul>', 0);
  const titled = snap('/about/history.html', '<title>ข้อมูลผู้บริหาร</title><p>x</p>');
  const result = detectCandidates(pack, [menu, index, titled], { siteUrl: site });

  it('takes the item from an index row with a generic anchor (code and name agree)', () => {
    expect(result.get('O1')![0]).toMatchObject({
      url: `${site}about/structure.html`,
      via: 'index',
      strength: 100,
    });
  });
  it('trusts a code alone in a row of this numbering', () => {
    expect(result.get('O12')![0]).toMatchObject({ url: `${site}files/x.pdf`, via: 'index' });
  });
  it("ignores codes under another year's numbering (ITA 2566 O10 is not FY2562 O10)", () => {
    expect(result.get('O10')!.map((c) => c.url)).not.toContain(`${site}pdpa.html`);
  });
  it('matches a code-only row on a page labelled with a renumbered year by nothing', () => {
    const labelled = snap(
      '/ita2568/',
      '<h1>ITA 2568</h1><table><tr><td>O12</td><td><a href="/y.pdf">ดาวน์โหลด</a></td></tr></table>',
    );
    const r = detectCandidates(pack, [labelled], { siteUrl: site });
    expect([...r.values()].flat().map((c) => c.url)).not.toContain(`${site}y.pdf`);
  });
  it('finds menu links by text and pages by title', () => {
    expect(result.get('O5')![0]).toMatchObject({ url: `${site}contact.html`, via: 'link' });
    expect(result.get('O2')![0]).toMatchObject({ url: `${site}about/history.html`, via: 'title' });
  });
});

describe('ITA index pages (issue 9)', () => {
  const index = snap(
    '/ita/',
    `<html><head><title>การประเมิน ITA 2568</title></head><body><main><h1>ITA 2568 ข้อมูลเปิดเผยสาธารณะ (OIT)</h1>
     <p><strong>O45 มาตรการจัดการเรื่องร้องเรียนการทุจริต</strong></p>
     <ul><li>– <a href="/files/measures-2568.pdf">มาตรการป้องกันการทุจริต ปี 2568</a></li></ul>
     <p><strong>O46 มาตรการป้องกันการรับสินบน</strong></p>
     <ul><li>– <a href="/files/measures-2568.pdf">มาตรการป้องกันการทุจริต ปี 2568</a></li></ul></main></body></html>`,
  );
  const found = detectCandidates(pack, [index], { siteUrl: site });

  it('a link under a bold code label belongs to that item, whatever its own text says', () => {
    expect(found.get('O45')?.[0]).toMatchObject({ url: `${site}files/measures-2568.pdf`, via: 'index' });
    expect(found.get('O46')?.[0]).toMatchObject({ url: `${site}files/measures-2568.pdf`, via: 'index' });
  });

  it('the index page itself is a candidate of no item (it names them all)', () => {
    for (const list of found.values()) expect(list.some((c) => c.url === `${site}ita/`)).toBe(false);
  });
});

describe('CandidateCollector.leads: the pages verification will read', () => {
  it('marks an item’s strongest candidates, not the hundredth news page named the same way', async () => {
    const { CandidateCollector } = await import('../../../../src/core/detect/candidates');
    const c = new CandidateCollector(pack, { siteUrl: site });
    // A news list: 100 links whose text names O12 (a link candidate each), in URL order.
    const news = Array.from({ length: 100 }, (_, i) => `/news/${String(i).padStart(4, '0')}.html`);
    c.addPage(
      snap(
        '/news',
        `<html><body><main>${news.map((u) => `<p><a href="${u}">รายงานผลการดำเนินงานประจำปี</a></p>`).join('')}</main></body></html>`,
      ),
    );
    // Later, an ITA index row names O12 by code and name: the strongest candidate of all.
    c.addPage(
      snap(
        '/ita',
        '<html><head><title>ITA การเปิดเผยข้อมูลสาธารณะ (OIT)</title></head><body><main><table><tr><td>O12</td><td><a href="/report-2568.html">รายงานผลการดำเนินงานประจำปี</a></td></tr></table></main></body></html>',
      ),
    );
    const ranked = c.result().get('O12') ?? [];
    expect(ranked.length).toBeGreaterThan(50);
    // The strongest few lead (they are the ones verification tries, in this order)…
    for (const cand of ranked.slice(0, 4)) expect(c.leads(cand.url), cand.url).toBe(true);
    expect(c.leads(new URL('/report-2568.html', site).href)).toBe(true);
    // …and most of the hundred never did: their pages need not be kept.
    const led = ranked.filter((cand) => c.leads(cand.url)).length;
    expect(led).toBeLessThan(20);
    expect(c.leads(new URL(news[99] as string, site).href)).toBe(false);
  });
});

describe('CandidateCollector: bounded per item', () => {
  it('keeps an item’s strongest candidates whatever the page order, not thousands', async () => {
    const { CandidateCollector } = await import('../../../../src/core/detect/candidates');
    // 30 list pages of 10 links each; link texts of different lengths give different strengths.
    const texts = ['รายงานผลการดำเนินงานประจำปี', 'รายงานผลการดำเนินงาน', 'รายงานผลการดำเนินงานประจำปีงบประมาณ'];
    const pages = Array.from({ length: 30 }, (_, p) =>
      snap(
        `/list${p}`,
        `<html><body><main>${Array.from(
          { length: 10 },
          (_, i) => `<p><a href="/r/${p}-${i}.html">${texts[(p + i) % texts.length]}</a></p>`,
        ).join('')}</main></body></html>`,
      ),
    );
    const forward = new CandidateCollector(pack, { siteUrl: site });
    for (const p of pages) forward.addPage(p);
    const backward = new CandidateCollector(pack, { siteUrl: site });
    for (const p of [...pages].reverse()) backward.addPage(p);
    const a = forward.result().get('O12') ?? [];
    const b = backward.result().get('O12') ?? [];
    expect(a.length).toBeLessThanOrEqual(128);
    expect(a.slice(0, 20).map((c) => c.url)).toEqual(b.slice(0, 20).map((c) => c.url));
    // 300 pages named O12: the list was cut, strongest first.
    expect(a.length).toBeGreaterThanOrEqual(64);
    for (let i = 1; i < a.length; i++)
      expect((a[i - 1] as { strength: number }).strength).toBeGreaterThanOrEqual(
        (a[i] as { strength: number }).strength,
      );
  });
});

describe('joinedBefore (the tie-break of equal candidates, without building strings)', () => {
  it('orders a1 + " " + a2 against b1 + " " + b2 as the built strings compare', () => {
    // Short strings from a small alphabet (space, "/", Thai, a surrogate pair) so that equal
    // prefixes, prefixes of one another and the joining space itself all come up.
    const piece = fc.string({ unit: fc.constantFrom(' ', '/', 'a', 'b', 'ก', '😀'), maxLength: 6 });
    fc.assert(
      fc.property(piece, piece, piece, piece, (a1, a2, b1, b2) => {
        expect(joinedBefore(a1, a2, b1, b2)).toBe(`${a1} ${a2}` < `${b1} ${b2}`);
      }),
      { numRuns: 5000 },
    );
  });
});
