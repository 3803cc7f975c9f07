import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchKey,
  normaliseForMatch,
  normaliseText,
  slugKey,
  stripThaiMarks,
} from '../../../../src/core/thai/normalise';

/** O23's name exactly as in seed D1 (001_4e3364a04cc9c4ab.txt line 232), with Devanagari U+0941 U+0930. */
const SEED_D1_O23 = 'O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสด\u0941\u0930ายเดือน\t100';
/** The MOIT 1 title as stored by the MOPH site (oit-examples.md row 20): NIKHAHIT + SARA AA. */
const MOIT1_PDF = 'หน่วยงานมีการก\u0E4D\u0E32หนดมาตรการ';

const tricky = [
  'ก',
  'ด',
  'ร',
  'า',
  'ุ',
  '่',
  '้',
  '\u0E4D',
  '\u0E3A',
  'ั',
  'ำ',
  '\u0941',
  '\u0930',
  '\u093C',
  '\u0301',
  '\u0327',
  'e',
  'E',
  'İ',
  ' ',
  '\u00A0',
  '\u2003',
  '\n',
  '\u200B',
  '\u00AD',
  '\uFEFF',
  '–',
  '—',
  '−',
  '-',
  '๒',
  '5',
  'กฏ',
  'ดุลยพินิจ',
  'ดุลพินิจ',
  'โปรงใส่',
  'โปร่งใส่',
  'โปร่งใส',
  'ผู้มีส่วนได้เสีย',
  'ผู้มีส่วนได้ส่วนเสีย',
  'ส่วน',
  'ได้',
  'เสีย',
  'โปร',
  'ใส',
  'ง',
];

/** Counterexamples fast-check found while this module was written. */
const REGRESSIONS = [
  'โปร่งใส่่',
  '\u0941\u0327\u0941ก',
  '\u0930\u0327\u0E4D\u0E48\u0E32',
  'İ\u0E3A',
  '\u0930\nก',
];
const trickyText = fc.array(fc.constantFrom(...tricky), { maxLength: 30 }).map((parts) => parts.join(''));

describe('normaliseText', () => {
  it('repairs the Devanagari artefact of seed D1 into the clean Thai item name', () => {
    expect(normaliseText(SEED_D1_O23)).toBe('O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน 100');
    expect(normaliseText(SEED_D1_O23)).not.toMatch(/[\u0900-\u097F]/);
  });

  it('leaves Devanagari that is not glued to Thai alone', () => {
    expect(normaliseText('नमस्ते \u0930\u0941')).toBe('नमस्ते \u0930\u0941');
  });

  it('maps NIKHAHIT + SARA AA to SARA AM, which NFC does not', () => {
    expect(MOIT1_PDF.normalize('NFC')).not.toBe('หน่วยงานมีการกำหนดมาตรการ');
    expect(normaliseText(MOIT1_PDF)).toBe('หน่วยงานมีการกำหนดมาตรการ');
    // tone mark typed between NIKHAHIT and SARA AA, or before NIKHAHIT ("ต่ำ")
    expect(normaliseText('ต\u0E4D\u0E48\u0E32')).toBe('ต\u0E48\u0E33');
    expect(normaliseText('ต\u0E48\u0E4D\u0E32')).toBe('ต\u0E48\u0E33');
  });

  it('applies NFC (canonical order of Thai marks)', () => {
    // MAI EK (ccc 107) typed before SARA U (ccc 103)
    expect(normaliseText('ผ\u0E49\u0E39')).toBe('ผ\u0E39\u0E49');
    expect(normaliseText('e\u0301')).toBe('\u00E9');
  });

  it('strips zero-width characters and the soft hyphen', () => {
    expect(normaliseText('กฎ\u200Bหมาย\u200C\u200D\u2060\uFEFFที่\u00ADเกี่ยวข้อง')).toBe('กฎหมายที่เกี่ยวข้อง');
  });

  it('maps Thai digits to Arabic digits', () => {
    expect(normaliseText('ปีงบประมาณ พ.ศ. ๒๕๖๔ ข้อ O๓๔')).toBe('ปีงบประมาณ พ.ศ. 2564 ข้อ O34');
  });

  it('folds dashes and Unicode spaces, collapses whitespace, trims', () => {
    expect(normaliseText('E–Service')).toBe('E-Service');
    expect(normaliseText('E—Service E\u2212Service')).toBe('E-Service E-Service');
    expect(normaliseText('ต.ค.64 – มี.ค.65')).toBe('ต.ค.64 - มี.ค.65');
    expect(normaliseText('\u00A0 รอบ\u00A06\u2003\u3000เดือน \n\t ')).toBe('รอบ 6 เดือน');
    expect(normaliseText('O47 มาตรการป้องกันการขัดกันระหว่าง ผลประโยชน์ส่วนตนกับผลประโยชน์   ส่วนรวม')).toBe(
      'O47 มาตรการป้องกันการขัดกันระหว่าง ผลประโยชน์ส่วนตนกับผลประโยชน์ ส่วนรวม',
    );
  });

  it.each([
    ['O 6 :: กฏหมายที่เกี่ยวข้อง', 'O 6 :: กฎหมายที่เกี่ยวข้อง'],
    ['กฏกระทรวง', 'กฎกระทรวง'],
    ['มาตรการตรวจสอบการใช้ดุลยพินิจ', 'มาตรการตรวจสอบการใช้ดุลพินิจ'],
    ['มาตรการส่งเสริมความโปรงใส่ในการจัดซื้อจัดจ้าง', 'มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง'],
    ['ความโปรงใส', 'ความโปร่งใส'],
    ['ให้ผู้มีส่วนได้เสียมีส่วนร่วม', 'ให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม'],
  ])('folds the spelling variant in %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('does not double-fold canonical forms', () => {
    for (const canonical of ['กฎหมาย', 'ดุลพินิจ', 'โปร่งใส', 'ผู้มีส่วนได้ส่วนเสีย', 'E-Service']) {
      expect(normaliseText(canonical)).toBe(canonical);
    }
  });

  it.each(REGRESSIONS)('is idempotent on the regression %j', (s) => {
    expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
    expect(matchKey(matchKey(s))).toBe(matchKey(s));
  });

  it('is idempotent on Thai-heavy text with every artefact mixed in (property)', () => {
    fc.assert(
      fc.property(trickyText, (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on arbitrary Unicode (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves Thai digits, zero-width characters, double spaces or outer spaces (property)', () => {
    fc.assert(
      fc.property(trickyText, (s) => {
        const out = normaliseText(s);
        expect(out).not.toMatch(/[\u0E50-\u0E59\u200B\u00AD\uFEFF]| {2}|^\s|\s$|[\n\u00A0]/);
      }),
    );
  });
});

describe('normaliseForMatch and matchKey', () => {
  it('lower-cases after normalising', () => {
    expect(normaliseForMatch('E–Service  ONLINE')).toBe('e-service online');
  });

  it('matchKey ignores spacing, case, digits script and variants', () => {
    expect(matchKey('รอบ 6 เดือน')).toBe(matchKey('รอบ6เดือน'));
    expect(matchKey('รายงาน รอบ ๖ เดือน')).toContain(matchKey('รอบ6เดือน'));
    expect(matchKey('e-Service')).toBe(matchKey('E–Service'));
    expect(matchKey('ต่าง ๆ')).toBe(matchKey('ต่างๆ'));
    expect(matchKey('มาตรการให้ผู้มีส่วนได้เสียมีส่วนร่วม')).toContain(matchKey('ผู้มีส่วนได้ส่วนเสีย'));
    // line-wrap spaces inside a variant (seed D1 O47 is broken the same way) do not stop folding
    expect(matchKey('ผู้มีส่วนได้ เสีย')).toBe(matchKey('ผู้มีส่วนได้ส่วนเสีย'));
    expect(matchKey('O47 มาตรการป้องกันการขัดกันระหว่าง ผลประโยชน์ส่วนตนกับผลประโยชน์ ส่วนรวม')).toContain(
      matchKey('ผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม'),
    );
  });

  it('matchKey is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        expect(matchKey(matchKey(s))).toBe(matchKey(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stripThaiMarks', () => {
  it('removes above/below vowels and tone marks as Google Sites slugs do, keeping SARA AM', () => {
    // oit-examples.md row 4: sites.google.com/bwit.ac.th/ita-bwit/oit-3-อำนาจหนาท
    expect(stripThaiMarks('อำนาจหน้าที่')).toBe('อำนาจหนาท');
    // row 12: chomnioe.loei1.go.th/ita-online-2023/o15-คมอหรอมาตรฐานการใหบรการ
    expect(stripThaiMarks('คู่มือหรือมาตรฐานการให้บริการ')).toBe('คมอหรอมาตรฐานการใหบรการ');
    expect(stripThaiMarks('กั็ิ่์ํ๎')).toBe('ก');
  });

  it('strips NIKHAHIT + SARA AA to the same string as SARA AM', () => {
    expect(stripThaiMarks('ก\u0E4D\u0E32หนด')).toBe(stripThaiMarks('กำหนด'));
    expect(stripThaiMarks('กำหนด')).toBe('กำหนด');
  });
});

describe('slugKey', () => {
  it('makes Google Sites slugs equal to the stripped keyword (oit-examples.md rows 4 and 12)', () => {
    expect(slugKey('อำนาจหนาท')).toBe(slugKey('อำนาจหน้าที่'));
    expect(slugKey('oit-3-อำนาจหนาท')).toBe(`oit3${slugKey('อำนาจหน้าที่')}`);
    expect(slugKey('o15-คมอหรอมาตรฐานการใหบรการ')).toBe(`o15${slugKey('คู่มือหรือมาตรฐานการให้บริการ')}`);
  });

  it('decodes percent-encoded paths, as links carry them', () => {
    const encoded = `/bwit.ac.th/ita-bwit/${encodeURIComponent('oit-3-อำนาจหนาท')}`;
    expect(encoded).toContain('%E0%B8%AD');
    expect(slugKey(encoded)).toContain(slugKey('อำนาจหน้าที่'));
    expect(slugKey(encodeURIComponent(encodeURIComponent('อำนาจหนาท')))).toBe(slugKey('อำนาจหน้าที่'));
  });

  it('matches WordPress slugs cut mid-word and suffixed (rows 3 and 8)', () => {
    const row3 = encodeURIComponent('o2-ข้อมูลบริหาร-อัตรากำลั-3');
    expect(slugKey(row3)).toContain(slugKey('ข้อมูลบริหาร'));
    expect(slugKey(row3).startsWith('o2')).toBe(true);
    expect(slugKey('/011-รายงาน-การกำกับติดตาม-ก/')).toContain(slugKey('รายงานการกำกับติดตาม'));
  });

  it('removes separators and %20, keeps "/", lower-cases, reads Thai digits', () => {
    expect(slugKey('/10_2/O42')).toBe('/102/o42');
    expect(slugKey('ITA%20ปี_๒๕๖๖.pdf+x')).toBe('itaป2566pdfx');
    expect(slugKey('รอบ 6 เดือน')).toBe(slugKey('รอบ6เดือน'));
  });

  it('does not throw on malformed escapes and still decodes the valid ones', () => {
    expect(() => slugKey('%E0%B8')).not.toThrow();
    expect(slugKey('100%')).toBe('100%');
    expect(slugKey('%zz-%E0%B8%AD%E0%B8')).toBe('%zzอ%e0%b8');
    expect(slugKey('a%2')).toBe('a%2');
  });

  it('compares SARA AM however the slugifier wrote it', () => {
    const keyword = slugKey('อำนาจหน้าที่');
    expect(slugKey('อ\u0E4D\u0E32นาจหนาท')).toBe(keyword);
    expect(slugKey('อานาจหนาท')).toBe(keyword);
  });

  it('folds spelling variants that survive mark stripping', () => {
    expect(slugKey('มาตรการตรวจสอบการใช้ดุลยพินิจ')).toBe(slugKey('มาตรการตรวจสอบการใช้ดุลพินิจ'));
    expect(slugKey('o47-มาตรการให้ผมสวนไดเสยมสวนรวม')).toContain(slugKey('ผู้มีส่วนได้ส่วนเสีย'));
    expect(slugKey('โปรงใส-กฏหมาย')).toBe(slugKey('โปร่งใสกฎหมาย'));
  });
});
