import { describe, expect, it } from 'vitest';
import { findYearRanges, findYears, isRegexSpace, type YearMention } from '../../../../src/core/thai/years';

/** The mentions reduced to what a check uses: [be, form, month?]. */
function years(text: string): [number, YearMention['form'], number | undefined][] {
  return findYears(text).map((y) => [y.be, y.form, y.month]);
}

describe('findYears: 4-digit BE', () => {
  it.each([
    ['ประจำปีงบประมาณ 2566', 2566],
    ['ปีงบประมาณพ.ศ. 2564 มาวิเคราะห์', 2564],
    ['ITA ประจำปีงบประมาณ พ.ศ. 2565', 2565],
    ['รายงานผลการดำเนินงาน 2567.pdf', 2567],
    ['คำสั่งที่ 45/2562', 2562],
    ['https://ita.kmutnb.ac.th/ita2562.php', 2562],
    ['/wp-content/uploads/ita2569/O11/O11.xlsx', 2569],
    ['ก.ค.ศ. 2568', 2568],
  ])('finds the year in %s', (text, be) => {
    expect(years(text)).toEqual([[be, 'be', undefined]]);
  });

  it('reads Thai digits and reports index and raw in the original string', () => {
    const text = 'ปีงบประมาณ พ.ศ. ๒๕๖๔ และ ๒๕๖๓';
    const found = findYears(text);
    expect(found.map((y) => y.be)).toEqual([2564, 2563]);
    expect(found[0]).toMatchObject({ index: 0, raw: 'ปีงบประมาณ พ.ศ. ๒๕๖๔' });
    expect(found[1]!.raw).toBe('๒๕๖๓');
    expect(text.slice(found[1]!.index)).toBe('๒๕๖๓');
  });

  it('finds every year of a list', () => {
    expect(findYears('ปี 2562, 2563,2564 และ 2565').map((y) => y.be)).toEqual([2562, 2563, 2564, 2565]);
  });
});

describe('findYears: negatives', () => {
  it.each([
    ['a phone number without separators', 'โทร 025612345'],
    ['a landline with dashes', 'โทร. 02-561-2345'],
    ['a landline split 0-2561-2345', 'โทรศัพท์ 0-2561-2345'],
    ['a landline with spaces', 'โทร 0 2561 2345'],
    ['an international number', 'Tel. +66 2561 2345'],
    ['a mobile number', '081-256-1234'],
    ['a national ID number', '3-2561-00123-45-6'],
    ['a thousands-separated amount', 'วงเงิน 2,562 บาท'],
    ['a larger amount', 'งบประมาณ 2,562,000 บาท'],
    ['a decimal', 'คะแนน 2562.50'],
    ['an amount written without separator', 'ค่าใช้จ่าย 2562 บาท'],
    ['a page count', 'จำนวน 2565 หน้า'],
    ['a head count', 'ผู้เข้าร่วม 2566 คน'],
    ['a longer number', 'เลขที่ 125661'],
    ['a score with Thai digits', 'IIT ๓๐ ๘๓.๘๑ ๒๕.๑๔'],
    ['item codes', 'O25 O2 O48 ข้อ 42.1'],
    ['an ISO standard', 'ISO 9001:2015 ISO 27001'],
    ['a CE year without context', 'since 2025 we have'],
    ['a two-digit number without context', '68 คน'],
    ['a duration after ปี', 'ระยะเวลา 3 ปี 10 เดือน'],
    ['a count after ปี', 'ทุกปี 12 ครั้ง'],
    ['a numeric date with a 2-digit year (ambiguous)', '15/03/68'],
    ['an out-of-range year', 'พ.ศ. 2499 และ 2600'],
  ])('ignores %s', (_label, text) => {
    expect(findYears(text)).toEqual([]);
  });
});

describe('findYears: CE in a year context', () => {
  it.each([
    ['ค.ศ. 2025', 2568, undefined],
    ['ปี ค.ศ. 2024', 2567, undefined],
    ['FY2025', 2568, undefined],
    ['fy 2026', 2569, undefined],
    ['Fiscal Year 2019', 2562, undefined],
    ['annual report year 2023', 2566, undefined],
    ['March 2025', 2568, 3],
    ['Mar. 15, 2025', 2568, 3],
    ['15 March 2025', 2568, 3],
    ['Sept 2024', 2567, 9],
    ['มีนาคม 2025', 2568, 3],
    ['15/03/2025', 2568, 3],
    ['03/15/2025', 2568, 3],
    ['2025-03-15', 2568, 3],
    ['2025/3/5', 2568, 3],
  ])('reads %s', (text, be, month) => {
    const found = findYears(text);
    expect(found.map((y) => [y.be, y.form, y.month])).toEqual([[be, 'ce', month]]);
  });

  it('reads CE years in slugs after "ita" or "oit" (oit-examples.md row 12)', () => {
    expect(years('https://www.sakaeoschool.ac.th/oit2023-ita2023/')).toEqual([
      [2566, 'ce', undefined],
      [2566, 'ce', undefined],
    ]);
  });

  it('accepts BE after an English context too', () => {
    expect(years('FY2568')).toEqual([[2568, 'be', undefined]]);
  });
});

describe('findYears: 2-digit short years in a year context', () => {
  it.each([
    ['ต.ค.67', 2567, 10],
    ['ต.ค. 67', 2567, 10],
    ['ต.ค 67', 2567, 10],
    ['ตค. 67', 2567, 10],
    ['มี.ค.68', 2568, 3],
    ['มี.ค. ๖๔', 2564, 3],
    ['มีนาคม 68', 2568, 3],
    ['เม.ย. 66', 2566, 4],
    ['ธันวาคม พ.ศ. 66', 2566, 12],
  ])('reads %s with its month', (text, be, month) => {
    expect(years(text)).toEqual([[be, 'short', month]]);
  });

  it.each([
    ['ปี 68', 2568],
    ['ปี68', 2568],
    ['ปีงบประมาณ 68', 2568],
    ['ปีงบ 68', 2568],
    ['ปีงบฯ 68', 2568],
    ['ปีงปม. 67', 2567],
    ['ปีงบประมาณ พ.ศ. 67', 2567],
    ['พ.ศ. 68', 2568],
    ['ปีการศึกษา 66', 2566],
  ])('reads %s', (text, be) => {
    expect(years(text)).toEqual([[be, 'short', undefined]]);
  });

  it('gives the whole mention as raw', () => {
    expect(findYears('รายงาน ปีงบประมาณ 68 ฉบับ')).toEqual([
      { be: 2568, form: 'short', index: 7, raw: 'ปีงบประมาณ 68' },
    ]);
  });
});

describe('findYears: dates set month and day', () => {
  it.each([
    ['15 มีนาคม 2568', 2568, 3, 15, 'be'],
    ['วันที่ 1 ตุลาคม 2567', 2567, 10, 1, 'be'],
    ['15 มี.ค. 68', 2568, 3, 15, 'short'],
    ['๑ ต.ค. ๒๕๖๗', 2567, 10, 1, 'be'],
    ['15/03/2568', 2568, 3, 15, 'be'],
    ['1.10.2567', 2567, 10, 1, 'be'],
    ['30-09-2568', 2568, 9, 30, 'be'],
    ['มีนาคม พ.ศ. 2568', 2568, 3, undefined, 'be'],
    ['กรกฏาคม 2566', 2566, 7, undefined, 'be'],
  ])('reads %s', (text, be, month, day, form) => {
    const [found] = findYears(text);
    expect(found).toMatchObject({ be, month, form, index: text.indexOf(found!.raw) });
    expect(found!.day).toBe(day);
  });

  it('keeps an impossible day out of the mention', () => {
    expect(findYears('45 มีนาคม 2568')).toEqual([
      { be: 2568, form: 'be', month: 3, index: 3, raw: 'มีนาคม 2568' },
    ]);
  });

  it('reads the seed D3 schedule cell "มี.ค. ๖๔" but not the "๖ เดือน" beside it', () => {
    expect(years('ประสิทธิภาพการปฏิบัติงาน\tกบท.\tมี.ค. ๖๔\t๖ เดือน')).toEqual([[2564, 'short', 3]]);
  });
});

describe('findYearRanges', () => {
  it.each([
    ['2566-2570', 2566, 2570],
    ['แผนปฏิบัติการ พ.ศ. 2566 – 2570', 2566, 2570],
    ['ยุทธศาสตร์ชาติ (พ.ศ. 2561 – 2580)', 2561, 2580],
    ['2566 ถึง 2570', 2566, 2570],
    ['2566-70', 2566, 2570],
    ['ปี 2562 - 63', 2562, 2563],
    ['๒๕๕๙ - ๒๕๖๓', 2559, 2563],
    ['ปีงบประมาณ 2566 ถึง ปีงบประมาณ 2570', 2566, 2570],
  ])('reads %s', (text, fromBe, toBe) => {
    const [range] = findYearRanges(text);
    expect(range).toMatchObject({ fromBe, toBe });
    expect(range!.fromMonth).toBeUndefined();
  });

  it.each([
    ['ต.ค. 67 – มี.ค. 68', 2567, 2568, 10, 3],
    ['(ต.ค.64 - มี.ค.65)', 2564, 2565, 10, 3],
    ['1 ตุลาคม 2567 - 31 มีนาคม 2568', 2567, 2568, 10, 3],
    ['ตั้งแต่วันที่ 1 ต.ค. 2567 ถึงวันที่ 31 มี.ค. 2568', 2567, 2568, 10, 3],
    ['ม.ค. 68 - มี.ค. 68', 2568, 2568, 1, 3],
    ['October 2024 to March 2025', 2567, 2568, 10, 3],
  ])('reads %s with months', (text, fromBe, toBe, fromMonth, toMonth) => {
    expect(findYearRanges(text)).toEqual([expect.objectContaining({ fromBe, toBe, fromMonth, toMonth })]);
  });

  it('reports index and raw', () => {
    const text = 'รายงาน รอบ 6 เดือน (ต.ค.64 – มี.ค.65)';
    expect(findYearRanges(text)).toEqual([
      { fromBe: 2564, toBe: 2565, fromMonth: 10, toMonth: 3, index: 20, raw: 'ต.ค.64 – มี.ค.65' },
    ]);
  });

  it.each([
    ['two years not joined by a range word', '2566 และ 2570'],
    ['a backwards pair', '2570-2566'],
    ['a span over 20 years', '2500-2590'],
    ['a phone number', '02-561-2345'],
    ['a 2-digit end before the start', '2566-60'],
    ['a single year', 'พ.ศ. 2566'],
  ])('ignores %s', (_label, text) => {
    expect(findYearRanges(text)).toEqual([]);
  });

  it('pairs each year at most once', () => {
    expect(findYearRanges('2561-2565 และ 2566-2570').map((r) => [r.fromBe, r.toBe])).toEqual([
      [2561, 2565],
      [2566, 2570],
    ]);
    expect(findYearRanges('2561-2562-2563')).toHaveLength(1);
  });
});

describe('isRegexSpace', () => {
  it('agrees with the regex \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
