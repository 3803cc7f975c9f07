import { describe, expect, it } from 'vitest';
import { findItemCodes, itaYearLabel, looksLikeItaIndex } from '../../../../src/core/detect/codes';

describe('findItemCodes', () => {
  const cases: [string, number[]][] = [
    ['O1 โครงสร้าง', [1]],
    ['O 6 กฎหมายที่เกี่ยวข้อง', [6]],
    ['o15 ข้อมูลเชิงสถิติ', [15]],
    ['OIT 3 อำนาจหน้าที่', [3]],
    ['O๑๒ รายงานผลการดำเนินงานประจำปี', [12]],
    ['แผนการจัดซื้อจัดจ้าง (O21)', [21]],
    ['034 เจตจำนงสุจริตของผู้บริหาร', [34]],
    ['ISO 9001 และ PO12', []],
    ['โทร 02-034-5678', []],
    ['O99 ไม่มีข้อนี้', []],
  ];
  for (const [text, want] of cases)
    it(`"${text}" → [${want}]`, () => expect(findItemCodes(text, 48)).toEqual(want));
});

describe('itaYearLabel', () => {
  it('reads the ITA year a list is labelled with, BE', () => {
    expect(itaYearLabel('ข้อมูลการประเมิน ITA ปี 2566 (ข้อมูลย้อนหลัง)')).toBe(2566);
    expect(itaYearLabel('OIT ปี 66')).toBe(2566);
    expect(itaYearLabel('ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘')).toBe(2568);
    expect(itaYearLabel('ตัวชี้วัดย่อยที่ 9.1')).toBeNull();
  });
  it('recognises index pages', () => {
    expect(looksLikeItaIndex('การเปิดเผยข้อมูลสาธารณะ (OIT)')).toBe(true);
    expect(looksLikeItaIndex('ข่าวประชาสัมพันธ์')).toBe(false);
  });
});
