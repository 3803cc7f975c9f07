import { describe, expect, it } from 'vitest';
import { ContentScanner } from '../../../../src/core/content/scanner';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';
import type { FetchResponse } from '../../../../src/core/types';
import { MARKERS, packWithContent, SIGNALS } from '../content/content-pack';

const scanner = new ContentScanner(packWithContent(SIGNALS, MARKERS));

function digest(html: string) {
  const url = 'https://www.example.go.th/page';
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
  const s = extractSnapshot(response, { depth: 1, scanner });
  if (!s.content) throw new Error('no digest');
  return s.content;
}
const keys = (d: ReturnType<typeof digest>) => d.hits.map((h) => `${h.zone} ${h.key}`);

describe('the content digest of a page (what the page itself says)', () => {
  it('keeps legacy menus and footers out of the own text: div#footer, ul.leftmenu, td#left, div.navi', () => {
    const d = digest(`<html><head><title>สถิติ :: เทศบาล</title></head><body>
      <div id="header">เทศบาลตำบลตัวอย่าง แผนปฏิบัติราชการ</div>
      <table><tr><td id="left"><div class="boxhead">แผนดำเนินงาน</div><ul class="leftmenu"><li>ผู้บริหาร</li></ul></td>
      <td id="content"><div class="navi">หน้าแรก &gt; รายงานประจำปี</div><h1>สถิติเรื่องร้องเรียน</h1><p><img src="/s.png"></p></td></tr></table>
      <div id="footer">ที่อยู่ 99 หมู่ 5 ทรัพยากรบุคคล โทรศัพท์ 0-4452-1234</div></body></html>`);
    expect(keys(d)).toEqual([]);
    expect(d.ownChars).toBeLessThan(40);
    expect(d.image).toBe(true);
  });

  it('an article header is the article’s head, not site chrome; the title is used only without headings', () => {
    const d = digest(`<html><head><title>เว็บไซต์ทรัพยากรบุคคล</title></head><body>
      <header class="site-header">เมนู ผู้บริหาร</header>
      <main><article><header class="entry-header"><h1>แผนปฏิบัติราชการ ประจำปี 2568</h1></header>
      <div class="entry-content"><p>รายละเอียดโครงการและงบประมาณ ของหน่วยงานตามแผนดำเนินงาน</p></div></article></main>
      <aside class="widget-area"><h2>เรื่องล่าสุด</h2>รายงานประจำปี</aside></body></html>`);
    expect(keys(d)).toEqual(['head O10:plan', 'body O10:plan']);
    const noHeadings = digest(
      '<html><head><title>รายงานประจำปี 2567</title></head><body><p>ข้อความ</p></body></html>',
    );
    expect(keys(noHeadings)).toContain('head O12:annual-report');
  });

  it('keeps the documents of a landing page with little text of its own, not those of its menus', () => {
    const d = digest(`<html><body><nav><a href="/menu.pdf">เมนู</a></nav>
      <main><h1>ดาวน์โหลด</h1><ul><li><a href="/a.pdf">แผน 2568</a></li><li><a href="/b.docx">คู่มือ</a></li><li><a href="/page">หน้า</a></li></ul></main></body></html>`);
    expect(d.docLinks?.map((l) => l.url)).toEqual([
      'https://www.example.go.th/a.pdf',
      'https://www.example.go.th/b.docx',
    ]);
  });

  it('dates each block that names an item by its own outline section (h2 blocks apart, an h1 covers its h2s)', () => {
    const d = digest(`<html><body><main>
      <h2>รายงานประจำปี</h2><p>รายงานฉบับนี้เผยแพร่ 15 มิถุนายน 2566</p>
      <h2>เอกสารเผยแพร่ล่าสุด</h2><p>ประกาศ ประจำปี 2567</p>
      <h2>แผนปฏิบัติราชการ</h2><p>ประจำปี 2568</p></main></body></html>`);
    // Only the first three main headings make the head; the middle block names no item.
    expect(d.sections?.map((s) => [s.heading, s.text.includes('2566'), s.text.includes('2568')])).toEqual([
      ['รายงานประจำปี', true, false],
      ['แผนปฏิบัติราชการ', false, true],
    ]);
    const outline = digest(
      `<html><body><main><h1>รายงานประจำปี</h1><h2>ส่วนที่ 1</h2><p>ปี 2567</p><h2>ส่วนที่ 2</h2><p>ปี 2566</p></main></body></html>`,
    );
    expect(outline.sections?.[0]?.text).toContain('2567');
    expect(outline.sections?.[0]?.text).toContain('2566');
  });
});

describe('bold labels as sections', () => {
  it('a bold paragraph labels the links below it', () => {
    const url = 'https://www.example.go.th/ita';
    const s = extractSnapshot(
      {
        url,
        finalUrl: url,
        status: 200,
        headers: { 'content-type': 'text/html' },
        redirects: [],
        body: new TextEncoder().encode(
          '<p><strong>O45 มาตรการจัดการเรื่องร้องเรียน</strong></p><ul><li>– <a href="/m.pdf">มาตรการป้องกันการทุจริต ปี 2568</a></li></ul>',
        ),
        truncated: false,
        timingMs: 1,
      },
      { depth: 1 },
    );
    expect(s.links[0]?.section).toBe('O45 มาตรการจัดการเรื่องร้องเรียน');
  });
});
