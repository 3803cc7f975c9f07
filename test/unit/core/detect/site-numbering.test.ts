import { describe, expect, it } from 'vitest';
import { findItemCodes, itaYearLabel } from '../../../../src/core/detect/codes';
import { SiteNumberingDetector } from '../../../../src/core/detect/site-numbering';
import type { PageSnapshot } from '../../../../src/core/extract/types';

function page(url: string, title: string, rows: string[]): PageSnapshot {
  return {
    url,
    finalUrl: url,
    title,
    headings: [title],
    links: rows.map((r, i) => ({
      url: `${url}${i}`,
      text: 'คลิกลิงก์ข้อมูล',
      context: r,
      section: '',
      documentType: null,
      imageOnly: false,
    })),
  } as unknown as PageSnapshot;
}

describe('item codes in other forms', () => {
  it('reads MOIT and EB codes only when asked, and never "MOIT 3" as O3', () => {
    expect(findItemCodes('MOIT 3 หน่วยงานมีรายงานการวิเคราะห์', 22, ['MOIT'])).toEqual([3]);
    expect(findItemCodes('MOIT 3 หน่วยงานมีรายงานการวิเคราะห์', 48)).toEqual([]);
    expect(findItemCodes('EB12 มาตรการป้องกันสินบน', 30, ['EB'])).toEqual([12]);
    expect(findItemCodes('034 เจตจำนงสุจริต', 48, ['MOIT'])).toEqual([]);
  });
  it('"OIT 15" is an item, not the year 2515; "MOIT 12" is no year label', () => {
    expect(itaYearLabel('OIT 15 ข้อมูลเชิงสถิติ')).toBeNull();
    expect(itaYearLabel('MOIT 12 มาตรการป้องกันการรับสินบน')).toBeNull();
    expect(itaYearLabel('OIT ปี 66')).toBe(2566);
  });
});

describe('SiteNumberingDetector', () => {
  it('finds the ITA index pages and their numbering; MOIT wins, then the newest label', () => {
    const d = new SiteNumberingDetector();
    const o = (n: number) => Array.from({ length: n }, (_, i) => `O${i + 1} รายการ`);
    expect(d.addPage(page('https://a.go.th/news/', 'ข่าว', o(10)))).toBeNull(); // not an ITA page
    expect(d.addPage(page('https://a.go.th/ita66/', 'ITA 2566 การเปิดเผยข้อมูลสาธารณะ', o(43)))).toMatchObject({
      family: 'nacc',
      year: 2566,
      maxCode: 43,
    });
    d.addPage(page('https://a.go.th/ita69/', 'ITA 2569 การเปิดเผยข้อมูลสาธารณะ', o(26)));
    expect(d.current(2569)?.url).toBe('https://a.go.th/ita69/');
    // A label after the assessed year + 1 is not taken as the current list.
    expect(d.current(2566)?.url).toBe('https://a.go.th/ita66/');
    const moit = Array.from({ length: 22 }, (_, i) => `MOIT ${i + 1} หน่วยงานมี`);
    d.addPage(page('https://a.go.th/moit/', 'ITA 2569 MOIT', moit));
    expect(d.current(2569)).toMatchObject({ family: 'moph', codes: 22 });
    expect(d.addPage(page('https://a.go.th/few/', 'ITA', o(3)))).toBeNull(); // too few codes
  });
});
