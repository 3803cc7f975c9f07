import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../../src/core/thai/normalise';
import { findYearRanges, findYears } from '../../../../src/core/thai/years';
import { findYearRangesReference, findYearsReference } from './years-reference';
import { htmlFilesUnder } from '../../../helpers/html-files';

/**
 * Differential test: the fast findYears/findYearRanges must return exactly what the frozen
 * reference (years-reference.ts, the implementation before issue 11 §3) returns, for real page
 * text and for random strings built from the pieces every rule looks at.
 */

const SITES = join(import.meta.dirname, '../../../sites');

/** Page text as crudely as a test may take it: scripts/styles dropped, tags to spaces, a few entities. */
function stripTags(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&amp;/g, '&');
}

/** Both functions on `text`, new and reference, with and without the mentions handed in. */
function expectSame(text: string): number {
  const mentions = findYears(text);
  const reference = findYearsReference(text);
  expect(mentions, JSON.stringify(text)).toEqual(reference);
  // Same keys in the same order too: reports may serialise mentions.
  expect(JSON.stringify(mentions)).toBe(JSON.stringify(reference));
  expect(findYearRanges(text, mentions), JSON.stringify(text)).toEqual(
    findYearRangesReference(text, reference),
  );
  expect(findYearRanges(text), JSON.stringify(text)).toEqual(findYearRangesReference(text));
  return reference.length + findYearRangesReference(text, reference).length;
}

/** Runs `expectSame` on `runs` strings of `strings`; returns how many mentions and ranges they held. */
function expectSameOn(strings: fc.Arbitrary<string>, runs: number): number {
  let found = 0;
  fc.assert(
    fc.property(strings, (s) => {
      found += expectSame(s);
    }),
    { numRuns: runs },
  );
  return found;
}

describe('findYears/findYearRanges equal the frozen reference', () => {
  const files = htmlFilesUnder(SITES);

  it('on every HTML page of the fixture sites (normalised text, raw text, and raw HTML)', () => {
    // Guards against a vacuous pass: the fixture sites are there and do contain years.
    expect(files.length).toBeGreaterThan(100);
    let total = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const text = stripTags(html);
      // As extractSnapshot feeds it (normalised, first 16,000 chars), the whole normalised
      // text, the text before normalisation (Thai digits, en dashes, NBSP), and the HTML itself.
      total += expectSame(normaliseText(text).slice(0, 16_000));
      total += expectSame(normaliseText(text));
      total += expectSame(text);
      total += expectSame(html);
    }
    expect(total).toBeGreaterThan(1000);
  });

  const THAI_FULL = [
    'มกราคม',
    'กุมภาพันธ์',
    'มีนาคม',
    'เมษายน',
    'พฤษภาคม',
    'มิถุนายน',
    'กรกฎาคม',
    'กรกฏาคม',
    'สิงหาคม',
    'กันยายน',
    'ตุลาคม',
    'พฤศจิกายน',
    'ธันวาคม',
  ];
  const THAI_SHORT = [
    'ม.ค.',
    'ก.พ.',
    'มี.ค.',
    'เม.ย.',
    'พ.ค.',
    'มิ.ย.',
    'ก.ค.',
    'ส.ค.',
    'ก.ย.',
    'ต.ค.',
    'พ.ย.',
    'ธ.ค.',
  ];
  // Every abbreviation with all dots, no final dot, no dots, a final dot only, a space after a dot.
  const THAI_SHORT_FORMS = THAI_SHORT.flatMap((s) => [
    s,
    s.slice(0, -1),
    s.replaceAll('.', ''),
    `${s.replaceAll('.', '')}.`,
    s.replace('.', '. '),
  ]);
  const ENGLISH = ['January', 'march', 'MAR', 'Mar.', 'Sept', 'sep', 'May', 'Dec.', 'june', 'Octob'];
  // Units after a number (amounts, counts, durations), as the rules list them.
  const UNIT_WORDS = [
    ...['บาท', 'ล้าน', 'แสน', 'หมื่น', 'คน', 'หน้า', 'แผ่น', 'ชิ้น', 'เล่ม', 'ครั้ง', 'เครื่อง', '%', '฿'],
    ...['baht', 'THB', 'page', 'pages', 'person', 'persons', 'people', 'pcs'],
    ...['เดือน', 'วัน', 'ชั่วโมง', 'ชม.', 'สัปดาห์', 'ปี', 'นาที', 'ราย', 'ไร่'],
  ];
  const tokens = [
    ...UNIT_WORDS,
    ...'0123456789',
    '25',
    '256',
    '2566',
    '2568',
    '2570',
    '2600',
    '2499',
    '66',
    '67',
    '68',
    '70',
    '1',
    '15',
    '31',
    '32',
    '03',
    '12',
    '13',
    '2025',
    '1989',
    '1990',
    '2069',
    '2070',
    '๒๕๖๘',
    '๖๘',
    '๑',
    ...THAI_FULL,
    ...THAI_SHORT_FORMS,
    'ตุลา',
    'มีนา',
    ...ENGLISH,
    'st',
    'th',
    ' of ',
    'พ.ศ.',
    'พ.ศ',
    'พศ',
    'พ. ศ.',
    'ค.ศ.',
    'ค.ศ',
    'ค. ศ.',
    'ก.ค.ศ.',
    'ปี',
    'ปี ',
    'ปีงบประมาณ',
    'ปีงบ',
    'ปีงบฯ',
    'ปีงบป.',
    'ปีงปม.',
    'ปีการศึกษา',
    'ปีบัญชี',
    'FY',
    'fy',
    'fiscal year',
    'Budget  Year',
    'year',
    'ita',
    'OIT',
    'xita',
    'บาท',
    'ล้าน',
    'คน',
    'หน้า',
    'เดือน',
    'วัน',
    'ชม.',
    'ราย',
    'pages',
    'thb',
    '%',
    '฿',
    '$',
    'ถึง',
    'จนถึง',
    'to',
    'until',
    'thru',
    'วันที่',
    '-',
    '--',
    '–',
    '—',
    '\u2212',
    '~',
    '/',
    '.',
    ',',
    ':',
    '_',
    '+66',
    '+66 ',
    '0',
    '02-',
    ' ',
    ' ',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00A0',
    'ก',
    'า',
    'เ',
    'ที่',
    'โทร',
    'a',
    'x',
    'ISO ',
  ];
  const trickyText = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(''));

  const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const beYear = fc.integer({ min: 2490, max: 2610 }).map(String);
  const year = fc.oneof(beYear, twoDigits, fc.integer({ min: 1980, max: 2080 }).map(String));
  const thaiMonth = fc.constantFrom(...THAI_FULL, ...THAI_SHORT_FORMS);
  const englishMonth = fc.constantFrom(...ENGLISH, 'September', 'September.', 'sept.');
  const space = fc.constantFrom('', ' ', '  ', '\n', '\u00A0', '\u2003');
  const opt = (s: string) => fc.constantFrom('', s);
  const join = fc.constantFrom('-', ' - ', '–', ' ถึง ', 'ถึง', ' to ', ' จนถึงวันที่ ', ' ~ ', ', ', ' และ ');
  const era = fc.constantFrom('', 'พ.ศ.', 'พ.ศ', 'พ. ศ.', 'พศ', 'ค.ศ.', 'ค. ศ');
  const day = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 40 }).map(String));
  const suffix = fc.constantFrom('', 'st', 'th');
  const numericSep = fc.constantFrom('/', '-', '.');
  // One end of a range, in the longest forms the rules accept (each part optional): the
  // context before a year is what the fast scanner must look back over.
  const end = fc.oneof(
    // "31 กุมภาพันธ์, พ.ศ. 2568"
    fc.tuple(day, space, thaiMonth, space, opt(','), space, era, space, year).map((p) => p.join('')),
    // "15th of September. 15th, 2025"
    fc
      .tuple(day, suffix, space, opt('of '), englishMonth, space, day, suffix, opt(','), space, year)
      .map((p) => p.join('')),
    // "budget year: 2025", "ค.ศ. 2025", "ita2023"
    fc
      .tuple(
        fc.constantFrom(
          'ค.ศ.',
          'ค. ศ',
          'ก.ค.ศ.',
          'fy',
          'FY',
          'fiscal year',
          'budget  year',
          'Year',
          'ita',
          'oit',
        ),
        space,
        fc.constantFrom('', '-', '_', ':'),
        space,
        year,
      )
      .map((p) => p.join('')),
    // "ปีงบประมาณ พ.ศ. 2568", "ปีการศึกษา 68"
    fc
      .tuple(
        fc.constantFrom('ปี', 'ปีงบประมาณ', 'ปีงบฯ', 'ปีงบป.', 'ปีงปม.', 'ปีงบ', 'ปีการศึกษา', 'ปีบัญชี', ''),
        space,
        era,
        space,
        year,
        fc.constantFrom('', ' ปี', ' เดือน', 'คน', ' บาท'),
      )
      .map((p) => p.join('')),
    fc
      .tuple(day, numericSep, fc.integer({ min: 0, max: 14 }), numericSep, year)
      .map(([d, s1, m, s2, y]) => `${d}${s1}${m}${s2}${y}`),
    fc
      .tuple(year, numericSep, fc.integer({ min: 0, max: 14 }), numericSep, day)
      .map(([y, s1, m, s2, d]) => `${y}${s1}${m}${s2}${d}`),
    fc.tuple(beYear, space, opt('-'), space, year).map((p) => p.join('')),
    // Phone and ID numbers: "+66 2561 2345", "0-2561-2345", "081-256-1234", "3-2561-00123-45-6".
    fc
      .tuple(
        fc.constantFrom('+66', '+66 ', '0', '0-', '08', ''),
        fc.array(fc.tuple(fc.constantFrom('', ' ', '-', '\t'), fc.integer({ min: 0, max: 99999 })), {
          maxLength: 5,
        }),
      )
      .map(([head, groups]) => head + groups.map(([sep, n]) => `${sep}${n}`).join('')),
  );
  const structured = fc
    .array(
      fc.oneof(
        end,
        fc.tuple(end, join, end).map((p) => p.join('')),
        trickyText,
      ),
      { maxLength: 6 },
    )
    .chain((parts) =>
      fc.tuple(fc.constant(parts), fc.array(space, { minLength: parts.length, maxLength: parts.length })),
    )
    .map(([parts, gaps]) => parts.map((p, i) => p + gaps[i]).join(''));

  it('on random strings of digits, month names, eras, year words, units, dashes and joiners', () => {
    // Not a vacuous pass: the strings hold mentions (about one in five does).
    expect(expectSameOn(trickyText, 6000)).toBeGreaterThan(300);
  });

  /** Every combination of the given parts, joined. */
  function combinations(...parts: readonly (readonly string[])[]): string[] {
    return parts.reduce<string[]>((acc, options) => acc.flatMap((a) => options.map((o) => a + o)), ['']);
  }

  it('on every combination of the longest contexts before a year (day, month, comma, era, year word)', () => {
    const texts = [
      // Thai dates: "31 กุมภาพันธ์ , พ. ศ. 2568".
      ...combinations(
        ['', '1.'],
        ['', '31', '5 ', '00 '],
        [...THAI_FULL, ...THAI_SHORT_FORMS],
        ['', ' , '],
        ['', 'พ. ศ. ', 'ค.ศ.'],
        ['2568', '68', '2025'],
      ),
      // English dates: "31st of September. 15th, 2025", "March 152025".
      ...combinations(
        ['', '31', '1'],
        ['', 'st'],
        [' ', ' of '],
        ['September', 'September.', 'Sept.', 'may', 'DEC'],
        ['', ' 15', ' 15th', ' 1'],
        ['', ','],
        [' ', ''],
        ['2025', '2568', '12025'],
      ),
      // CE and Thai year words: "budget  year : 2025", "ปีการศึกษา พ. ศ. 2568".
      ...combinations(
        ['', 'x', '.'],
        [
          'ค.ศ.',
          'ค. ศ',
          'fy',
          'fiscal year',
          'budget  year',
          'year',
          'ita',
          'OIT',
          'ปี',
          'ปีงบประมาณ',
          'ปีการศึกษา',
          'ปีงบฯ',
          'พ.ศ.',
          'พ. ศ',
        ],
        ['', ' '],
        ['', ':', '-', 'พ.ศ.', 'ค. ศ.'],
        ['', '  '],
        ['2025', '2568', '68', '2025.5', '68 ปี'],
      ),
      // Years followed by a unit that makes them a count or an amount: "2565 เครื่อง", "ปี 3 เดือน".
      ...combinations(['', 'ปี ', 'ปีงบ ', 'พ.ศ. '], ['2565', '68', '3'], ['', ' '], UNIT_WORDS),
      // Phone and ID numbers next to years; rules whose claims overlap.
      ...combinations(
        ['', 'ปี 2561 ', '2568-03-'],
        [
          '3-2561-00123-45-6',
          '3 2561 00123 45 6',
          '+66 2561 2345',
          '+66-81-256-1234',
          '0-2561-2345',
          '02 561 2345',
          '081-256-1234',
          '5/03/2568',
          '2568-03-15',
        ],
        ['', ' 2562', '-70', '/03/2568'],
      ),
    ];
    let found = 0;
    for (const text of texts) found += expectSame(text);
    expect(found).toBeGreaterThan(texts.length / 2);
  });

  // Digit groups glued by separators: dates, phone numbers and years that share digits, so the
  // rules' claims overlap ("2568-03-5/03/2568").
  const numericSoup = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 9999 }).map(String),
        beYear,
        twoDigits,
        fc.constantFrom('/', '-', '.', ',', ' ', '+66', 'ปี ', 'พ.ศ.', 'ต.ค.', 'March ', 'FY', ' บาท', ' คน'),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

  it('on digit groups glued by separators (overlapping dates, phone numbers, years)', () => {
    expect(expectSameOn(numericSoup, 6000)).toBeGreaterThan(500);
  });

  it('on random dates, ranges ("2566-70", "ต.ค. 66 - ก.ย. 67", "2566 ถึง 2568") and mixtures', () => {
    expect(expectSameOn(structured, 6000)).toBeGreaterThan(3000);
  });

  it('on random Unicode strings', () => {
    expectSameOn(fc.string({ unit: 'binary', maxLength: 60 }), 2000);
  });
});
