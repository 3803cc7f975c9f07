import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../../src/core/thai/normalise';
import { findYearRanges, findYears } from '../../../../src/core/thai/years';
import { findYearRangesReference, findYearsReference } from './years-reference';

/**
 * Differential test: the fast findYears/findYearRanges must return exactly what the frozen
 * reference (years-reference.ts, the implementation before issue 11 §3) returns, for real page
 * text and for random strings built from the pieces every rule looks at.
 */

const SITES = join(import.meta.dirname, '../../../sites');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.html?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

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
  expect(findYearRanges(text, mentions), JSON.stringify(text)).toEqual(findYearRangesReference(text, reference));
  expect(findYearRanges(text), JSON.stringify(text)).toEqual(findYearRangesReference(text));
  return reference.length;
}

describe('findYears/findYearRanges equal the frozen reference', () => {
  const files = htmlFiles(SITES);

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
  const THAI_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
  // Every abbreviation with all dots, no final dot, no dots, a final dot only, a space after a dot.
  const THAI_SHORT_FORMS = THAI_SHORT.flatMap((s) => [
    s,
    s.slice(0, -1),
    s.replaceAll('.', ''),
    `${s.replaceAll('.', '')}.`,
    s.replace('.', '. '),
  ]);
  const ENGLISH = ['January', 'march', 'MAR', 'Mar.', 'Sept', 'sep', 'May', 'Dec.', 'june', 'Octob'];
  const tokens = [
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
  const month = fc.constantFrom(...THAI_FULL, ...THAI_SHORT_FORMS, ...ENGLISH);
  const space = fc.constantFrom('', ' ', '  ', '\n', '\u00A0');
  const join = fc.constantFrom('-', ' - ', '–', ' ถึง ', 'ถึง', ' to ', ' จนถึงวันที่ ', ' ~ ', ', ', ' และ ');
  const era = fc.constantFrom('', 'พ.ศ.', 'พ.ศ. ', 'พศ ', 'ค.ศ. ', 'ปี ', 'ปีงบประมาณ ', 'FY');
  const day = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 40 }).map((d) => `${d} `));
  // One end of a range: a date, a month and year, or a year with a context word.
  const end = fc.oneof(
    fc.tuple(day, month, space, era, year).map((p) => p.join('')),
    fc.tuple(era, year).map((p) => p.join('')),
    fc
      .tuple(fc.integer({ min: 0, max: 35 }), fc.constantFrom('/', '-', '.'), fc.integer({ min: 0, max: 14 }), year)
      .map(([d, sep, m, y]) => `${d}${sep}${m}${sep}${y}`),
    fc
      .tuple(year, fc.constantFrom('/', '-', '.'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 35 }))
      .map(([y, sep, m, d]) => `${y}${sep}${m}${sep}${d}`),
  );
  const structured = fc
    .array(fc.oneof(end, fc.tuple(end, join, end).map((p) => p.join('')), trickyText), { maxLength: 6 })
    .chain((parts) => fc.tuple(fc.constant(parts), fc.array(space, { minLength: parts.length, maxLength: parts.length })))
    .map(([parts, gaps]) => parts.map((p, i) => p + gaps[i]).join(''));

  it('on random strings of digits, month names, eras, year words, units, dashes and joiners', () => {
    fc.assert(
      fc.property(trickyText, (s) => {
        expectSame(s);
      }),
      { numRuns: 6000 },
    );
  });

  it('on random dates, ranges ("2566-70", "ต.ค. 66 - ก.ย. 67", "2566 ถึง 2568") and mixtures', () => {
    fc.assert(
      fc.property(structured, (s) => {
        expectSame(s);
      }),
      { numRuns: 6000 },
    );
  });

  it('on random Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expectSame(s);
      }),
      { numRuns: 2000 },
    );
  });
});
