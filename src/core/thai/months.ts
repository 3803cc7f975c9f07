/**
 * Thai and English month names, and the patterns that find them in text.
 * Month numbers are 1–12 (January = 1) everywhere in this module.
 */

/** Full Thai month names, index 0 = มกราคม (January). */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** Official Thai month abbreviations with dots, index 0 = ม.ค. (January). */
export const THAI_MONTHS_SHORT = [
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
] as const;

/** English month names, index 0 = January. */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Three-letter English month abbreviations, index 0 = Jan. */
export const ENGLISH_MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Colloquial Thai forms without the -คม/-ยน/-พันธ์ ending (accepted by {@link parseMonth} only). */
const THAI_MONTHS_COLLOQUIAL = [
  'มกรา',
  'กุมภา',
  'มีนา',
  'เมษา',
  'พฤษภา',
  'มิถุนา',
  'กรกฎา',
  'สิงหา',
  'กันยา',
  'ตุลา',
  'พฤศจิกา',
  'ธันวา',
] as const;

/** Lookup key: NFC, lower case, no dots or whitespace, ฏ misspelling folded (กรกฏาคม). */
function monthKey(token: string): string {
  return token
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.\s\u200B]/g, '')
    .replace(/กฏ/g, 'กฎ');
}

const MONTH_BY_KEY: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const lists: readonly (readonly string[])[] = [
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    THAI_MONTHS_COLLOQUIAL,
    ENGLISH_MONTHS,
    ENGLISH_MONTHS_SHORT,
  ];
  for (const list of lists) {
    list.forEach((name, i) => {
      map.set(monthKey(name), i + 1);
    });
  }
  map.set('sept', 9);
  return map;
})();

/**
 * The month number (1–12) of a single month token, or `undefined` when the token is not a month.
 * Accepts full Thai names ("มีนาคม", also the misspelling "กรกฏาคม"), Thai abbreviations with
 * or without dots and spaces ("ต.ค.", "ต.ค", "ตค.", "ต. ค."), colloquial Thai ("ตุลา"), and
 * English names and abbreviations in any case ("October", "oct.", "Sept").
 * The token must be the month alone: "เดือนตุลาคม" is not accepted.
 */
export function parseMonth(token: string): number | undefined {
  return MONTH_BY_KEY.get(monthKey(token.trim()));
}

/** Thai letters, vowels and marks (not digits): used to fake a word boundary around Thai. */
const THAI_CHAR = '[\\u0E01-\\u0E4E]';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for one Thai abbreviation: "มี.ค." → dotted forms, plus undotted "มีค." / "มีค". */
function thaiAbbrevPattern(abbrev: string): string {
  const parts = abbrev.split('.').filter((p) => p.length > 0);
  const dotted = `${parts.map(escapeRe).join('\\.\\s?')}\\.?`;
  const undotted = `(?<!${THAI_CHAR})${parts.map(escapeRe).join('')}(?:\\.|(?!${THAI_CHAR}))`;
  return `${dotted}|${undotted}`;
}

/**
 * Regex source (no capture groups, usable inside a larger pattern) matching one Thai month:
 * a full name (also "กรกฏาคม") or an abbreviation such as "ต.ค.", "ต.ค", "ต. ค.", "ตค.", "ตค".
 * Forms without the first dot only match when not glued to other Thai letters. Feed the
 * match to {@link parseMonth} for its number.
 */
export const THAI_MONTH_PATTERN: string = [
  ...[...THAI_MONTHS, 'กรกฏาคม'].map(escapeRe),
  ...THAI_MONTHS_SHORT.map(thaiAbbrevPattern),
].join('|');

/**
 * Regex source (no capture groups) matching one English month name or abbreviation with an
 * optional dot ("March", "Mar", "Mar.", "Sept"), not inside a longer Latin word. Use with
 * the `i` flag; feed the match to {@link parseMonth}.
 */
export const ENGLISH_MONTH_PATTERN: string = `(?<![A-Za-z])(?:${[...ENGLISH_MONTHS, 'Sept', ...ENGLISH_MONTHS_SHORT].join('|')})\\.?(?![A-Za-z])`;
