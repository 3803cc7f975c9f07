import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionSetup } from '../../../../src/core/extract/page-extractor';
import { extractSnapshot, extractSummary } from '../../../../src/core/extract/snapshot';
import { isSnapshot } from '../../../../src/core/extract/types';
import type { FetchResponse } from '../../../../src/core/types';
import { htmlFilesUnder } from '../../../helpers/html-files';

function page(html: string, url = 'https://www.example.go.th/ita/'): FetchResponse {
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    redirects: [],
    body: new TextEncoder().encode(html),
    truncated: false,
    timingMs: 1,
  };
}

describe('extractSnapshot', () => {
  it('keeps title, headings, links with row context and the heading above them', () => {
    const s = extractSnapshot(
      page(`<html><head><title>ITA ๒๕๖๘</title></head><body>
        <nav><a href="/">หน้าแรก</a> © 2560</nav>
        <h2>ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน</h2>
        <table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="../about/structure.html#top">คลิกลิงค์ข้อมูล</a></td></tr>
        <tr><td>O23</td><td>สรุปผล</td><td><a href="/files/o23.pdf"><img src="pdf.png"></a></td></tr></table>
        </body></html>`),
      { depth: 1 },
    );
    expect(s.title).toBe('ITA 2568');
    expect(s.headings).toEqual(['ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน']);
    const structure = s.links.find((l) => l.url.endsWith('/about/structure.html'))!;
    expect(structure).toMatchObject({
      text: 'คลิกลิงค์ข้อมูล',
      section: 'ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน',
      documentType: null,
    });
    expect(structure.context).toContain('O1');
    expect(structure.context).toContain('โครงสร้าง');
    const pdf = s.links.find((l) => l.url.endsWith('o23.pdf'))!;
    expect(pdf).toMatchObject({ documentType: 'pdf', imageOnly: true, text: '' });
    // The copyright year in the nav is not a year of the content.
    expect(s.years.map((y) => y.be)).toContain(2568);
    expect(s.years.map((y) => y.be)).not.toContain(2560);
  });

  it('records forms, login forms, maps, mail and phone links', () => {
    const s = extractSnapshot(
      page(`<form><input name="q"></form>
        <form><input name="name"><textarea name="msg"></textarea></form>
        <iframe src="https://www.google.com/maps/embed?pb=1"></iframe>
        <a href="mailto:a@b.go.th">mail</a><a href="tel:021234567">โทร</a>`),
      { depth: 0 },
    );
    expect(s.features).toMatchObject({
      form: true,
      passwordForm: false,
      map: true,
      emailLink: true,
      telLink: true,
    });
    const search = extractSnapshot(page('<form><input name="q"><input type="submit"></form>'), { depth: 0 });
    expect(search.features.form).toBe(false);
    const login = extractSnapshot(page('<form><input name="u"><input type="password" name="p"></form>'), {
      depth: 0,
    });
    expect(login.features.passwordForm).toBe(true);
  });

  it('flags a page under construction but not a page that only mentions it in passing', () => {
    expect(
      extractSnapshot(page('<h1>สถิติ</h1><p>อยู่ระหว่างปรับปรุงข้อมูล</p>'), { depth: 0 }).underConstruction,
    ).toBe(true);
    const long = `<h1>ข่าว</h1><p>${'เนื้อหาข่าวประชาสัมพันธ์ '.repeat(200)}</p><p>ถนนอยู่ระหว่างปรับปรุง</p>`;
    expect(extractSnapshot(page(long), { depth: 0 }).underConstruction).toBe(false);
  });

  it('parses malformed HTML without throwing and still finds links', () => {
    const s = extractSnapshot(
      page('<div><table><tr><td><a href=/contact.html>ติดต่อเรา<td></div></table><p <b>x'),
      { depth: 0 },
    );
    expect(s.links.map((l) => l.url)).toContain('https://www.example.go.th/contact.html');
  });

  it('runs the rule pack element probes on the page text', () => {
    const s = extractSnapshot(page('<p>โทรศัพท์ 0-2123-4567</p>'), {
      depth: 0,
      probes: [{ key: 'O5:phone', test: (text) => /โทรศัพท์ 0/.test(text) }],
    });
    expect(s.elements).toEqual(['O5:phone']);
  });
});

describe('extractSummary', () => {
  const sites = join(__dirname, '../../../sites');
  const files = htmlFilesUnder(sites);
  const { probes, scanner } = extractionSetup({ rules: 'bundled' });

  it('gives every page of the fixture sites the same values as its whole snapshot', () => {
    expect(files.length).toBeGreaterThan(100);
    let cut = 0;
    const deep = `<title>ลึก</title>${'<div>'.repeat(1200)}<a href="/x">x</a>`;
    const inputs = [
      ...files.map((file) => ({ file, body: new Uint8Array(readFileSync(file)) })),
      { file: 'deep.html', body: new TextEncoder().encode(deep) },
    ];
    for (const { file, body } of inputs) {
      const url = `http://127.0.0.1:8080/${relative(sites, file)}`;
      const response = { ...page('', url), headers: {}, body };
      // Few links a page, so that pages with more have links cut (and say so in both).
      const whole = extractSnapshot(response, { depth: 2, probes, scanner, maxLinks: 20 });
      const summary = extractSummary(response, { depth: 2, maxLinks: 20 });
      expect(isSnapshot(summary), file).toBe(false);
      expect(isSnapshot(whole), file).toBe(true);
      for (const key of Object.keys(summary) as (keyof typeof summary)[]) {
        expect(summary[key], `${file}: ${key}`).toEqual(whole[key]);
      }
      // What the summary leaves out is absent, not empty: whole snapshots have it.
      expect(Object.keys(summary).sort(), file).toEqual(
        ['url', 'finalUrl', 'status', 'depth', 'title', 'headings', 'links', 'linksDropped', 'nestingCut']
          .filter((k) => k in whole)
          .sort(),
      );
      if (whole.linksDropped || whole.nestingCut) cut++;
      if (file === 'deep.html') expect(summary.nestingCut).toBe(true);
    }
    // Cut pages are among them: the report's warnings about them come from summaries now.
    expect(cut).toBeGreaterThan(1);
  });
});
