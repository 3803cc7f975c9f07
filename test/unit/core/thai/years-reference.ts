/**
 * FROZEN REFERENCE — do not edit. A verbatim copy of src/core/thai/years.ts as of commit 94270fb
 * (before the digit-run scanner of issue 11 §3), kept only as the oracle of the differential
 * test years-differential.test.ts: the fast implementation must return exactly what this one
 * returns for every input. The helpers it imported (parseMonth and the month patterns from
 * months.ts, thaiToArabicDigits from digits.ts, beFromCe from fiscal-year.ts) are copied verbatim
 * below too, so a later change to those modules cannot move the reference along with the code
 * under test. The only edits: imports dropped (the helpers are below), `export` dropped from the
 * copied helpers and from YearForm, and the two functions renamed findYearsReference and
 * findYearRangesReference.
 */

// ---- verbatim from src/core/thai/digits.ts ----
/** Code point of THAI DIGIT ZERO (๐, U+0E50); ๑–๙ follow it in order. */
const THAI_ZERO = 0x0e50;

/**
 * Replaces each Thai digit ๐–๙ (U+0E50–U+0E59) by the ASCII digit 0–9 of the same value.
 * One UTF-16 unit is replaced by one, so string indices are preserved.
 *
 * @example thaiToArabicDigits('๒๕๖๘') // '2568'
 */
function thaiToArabicDigits(s: string): string {
  // A loop over char codes: most texts have no Thai digit (one pass, no copy), and those that
  // do have many (dates), where a regex with a callback per digit costs several times more.
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_ZERO + 9) {
      out += s.slice(last, i) + String.fromCharCode(c - THAI_ZERO + 48);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

// ---- verbatim from src/core/thai/fiscal-year.ts ----
function beFromCe(ce: number): number {
  return ce + 543;
}

// ---- verbatim from src/core/thai/months.ts (the parts years.ts uses) ----
/** Full Thai month names, index 0 = มกราคม (January). */
const THAI_MONTHS = [
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
const THAI_MONTHS_SHORT = [
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
const ENGLISH_MONTHS = [
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
const ENGLISH_MONTHS_SHORT = [
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
function parseMonth(token: string): number | undefined {
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
const THAI_MONTH_PATTERN: string = [
  ...[...THAI_MONTHS, 'กรกฏาคม'].map(escapeRe),
  ...THAI_MONTHS_SHORT.map(thaiAbbrevPattern),
].join('|');

/**
 * Regex source (no capture groups) matching one English month name or abbreviation with an
 * optional dot ("March", "Mar", "Mar.", "Sept"), not inside a longer Latin word. Use with
 * the `i` flag; feed the match to {@link parseMonth}.
 */
const ENGLISH_MONTH_PATTERN: string = `(?<![A-Za-z])(?:${[...ENGLISH_MONTHS, 'Sept', ...ENGLISH_MONTHS_SHORT].join('|')})\\.?(?![A-Za-z])`;

// ---- verbatim from src/core/thai/years.ts ----

/**
 * Finding year mentions in Thai text. All years returned are Buddhist Era (BE = CE + 543);
 * months are 1–12. The text may contain Thai digits: they are read as 0–9 without changing
 * string indices, so `index` and `raw` always refer to the string passed in.
 */

/** How a year was written: 4-digit BE, 4-digit CE (converted), or 2-digit BE short form. */
type YearForm = 'be' | 'ce' | 'short';

/** One year mention found by {@link findYears}. */
export interface YearMention {
  /** The year in BE (CE mentions are converted: 2025 → 2568; "68" → 2568). */
  be: number;
  form: YearForm;
  /** Month 1–12 when the year is part of a date or follows a month name. */
  month?: number;
  /** Day of month when the mention is a full date ("15 มี.ค. 68", "15/03/2568"). */
  day?: number;
  /** UTF-16 index of the start of `raw` in the input. */
  index: number;
  /** The whole mention as written, with its context word: "ปีงบประมาณ 68", "ต.ค.67", "2568". */
  raw: string;
}

/** A year range found by {@link findYearRanges}; years in BE, months 1–12. */
export interface YearRange {
  fromBe: number;
  toBe: number;
  fromMonth?: number;
  toMonth?: number;
  /** UTF-16 index of the start of `raw` in the input. */
  index: number;
  /** The whole range as written: "ต.ค. 67 – มี.ค. 68". */
  raw: string;
}

/** BE years accepted as 4-digit years. */
const BE_MIN = 2500;
const BE_MAX = 2599;
/** CE years accepted, and only in a year context. */
const CE_MIN = 1990;
const CE_MAX = 2069;
/** Longest span accepted as a range (the 20-year national strategy is พ.ศ. 2561–2580). */
const MAX_RANGE_YEARS = 20;

/** Not followed by more digits, a decimal part, or a thousands group ("2562.50", "2562,000"). */
const NUM_END = '(?!\\d)(?![.,]\\d{1,3}(?!\\d))';
/** Counted things: a number followed by one of these is a quantity, not a year. */
const UNITS = 'บาท|ล้าน|แสน|หมื่น|คน|หน้า|แผ่น|ชิ้น|เล่ม|ครั้ง|เครื่อง|%|฿|baht|thb|pages?|persons?|people|pcs';
/** Extra units that make a 2-digit number after "ปี" a duration or count ("3 ปี 10 เดือน"). */
const SHORT_UNITS = `${UNITS}|เดือน|วัน|ชั่วโมง|ชม\\.|สัปดาห์|ปี|นาที|ราย`;
const SHORT_UNIT_AFTER_RE = new RegExp(`\\s*(?:${SHORT_UNITS})`, 'iy');
const BE_ERA = 'พ\\.\\s?ศ\\.?';
const CE_ERA = 'ค\\.\\s?ศ\\.?';
const HSP = '[ \\t\\u00A0-]';
const DASHES_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

type Groups = Record<string, string | undefined>;
interface Rule {
  re: RegExp;
  /** Returns the mention (without index/raw), or `null` to claim the span with no mention, or `undefined` to skip. */
  read: (g: Groups, m: RegExpExecArray) => Omit<YearMention, 'index' | 'raw'> | null | undefined;
}

/** Whether the sticky regex `re` matches right after the match `m`. */
function followedBy(re: RegExp, m: RegExpExecArray): boolean {
  re.lastIndex = m.index + m[0].length;
  return re.test(m.input);
}

/** A 4-digit number as BE ('be') or CE ('ce', converted), if in range; `ceOk` allows CE. */
function fourDigit(digits: string | undefined, ceOk: boolean): { be: number; form: YearForm } | undefined {
  if (digits === undefined || digits.length !== 4) return undefined;
  const n = Number(digits);
  if (n >= BE_MIN && n <= BE_MAX) return { be: n, form: 'be' };
  if (ceOk && n >= CE_MIN && n <= CE_MAX) return { be: beFromCe(n), form: 'ce' };
  return undefined;
}

/** A 4-digit year (BE or CE) or a 2-digit BE short year ("68" → 2568). */
function anyYear(digits: string | undefined, ceOk: boolean): { be: number; form: YearForm } | undefined {
  if (digits?.length === 2) return { be: BE_MIN + Number(digits), form: 'short' };
  return fourDigit(digits, ceOk);
}

function dayOrUndefined(s: string | undefined): number | undefined {
  const n = Number(s);
  return s !== undefined && n >= 1 && n <= 31 ? n : undefined;
}

/** Day and month of a numeric date; swaps US-style month/day when only that reading is valid. */
function dayMonth(a: string | undefined, b: string | undefined): { day: number; month: number } | undefined {
  const d = Number(a);
  const m = Number(b);
  if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return { day: d, month: m };
  if (m >= 13 && m <= 31 && d >= 1 && d <= 12) return { day: m, month: d };
  return undefined;
}

const RULES: readonly Rule[] = [
  // Phone numbers and national ID numbers: claimed so their digits are never read as years.
  { re: new RegExp(`\\+66${HSP}?\\d(?:${HSP}?\\d){7,8}(?!\\d)`, 'g'), read: () => null },
  { re: new RegExp(`(?<![\\d.,])0(?:${HSP}?\\d){8,9}(?!\\d)`, 'g'), read: () => null },
  { re: /(?<!\d)\d[- ]\d{4}[- ]\d{5}[- ]\d{2}[- ]\d(?!\d)/g, read: () => null },
  // Numeric dates: 15/03/2568, 15-03-2025, 15.03.2568 (same separator twice).
  {
    re: new RegExp(
      `(?<!\\d)(?<!\\d[.,/])(?<d>\\d{1,2})(?<sep>[/.-])(?<m>\\d{1,2})\\k<sep>(?<y>\\d{4})${NUM_END}`,
      'g',
    ),
    read: (g) => {
      const dm = dayMonth(g.d, g.m);
      const year = fourDigit(g.y, true);
      return dm && year ? { ...year, ...dm } : undefined;
    },
  },
  // ISO-like dates: 2025-03-15, 2568/03/15.
  {
    re: /(?<!\d)(?<!\d[.,/-])(?<y>\d{4})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d)(?![.,]\d)/g,
    read: (g) => {
      const year = fourDigit(g.y, true);
      const month = Number(g.m);
      const day = dayOrUndefined(g.d);
      return year && day && month >= 1 && month <= 12 ? { ...year, month, day } : undefined;
    },
  },
  // Thai month + year, optionally with a day and an era: "15 มีนาคม 2568", "ต.ค.67", "มี.ค. พ.ศ. 2568", "มีนาคม 2025".
  {
    re: new RegExp(
      `(?:(?<![\\d.,])(?<d>\\d{1,2})\\s*)?(?<mon>${THAI_MONTH_PATTERN})\\s*,?\\s*(?:(?<era>${BE_ERA}|${CE_ERA})\\s*)?(?<y>\\d{4}|\\d{2})${NUM_END}`,
      'gd',
    ),
    read: (g) => {
      const month = parseMonth(g.mon ?? '');
      const isCe = g.era?.startsWith('ค') ?? false;
      const year = isCe ? fourDigit(g.y, true) : anyYear(g.y, true);
      if (month === undefined || year === undefined || (isCe && year.form !== 'ce')) return undefined;
      const day = dayOrUndefined(g.d);
      return day === undefined ? { ...year, month } : { ...year, month, day };
    },
  },
  // English month + CE/BE year: "March 2025", "15 March 2025", "Mar. 15, 2025".
  {
    re: new RegExp(
      `(?:(?<![\\d.,])(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(?<mon>${ENGLISH_MONTH_PATTERN})(?:\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?\\s*,?\\s*(?<y>\\d{4})${NUM_END}`,
      'gid',
    ),
    read: (g) => {
      const month = parseMonth(g.mon ?? '');
      const year = fourDigit(g.y, true);
      if (month === undefined || year === undefined) return undefined;
      const day = dayOrUndefined(g.d ?? g.d2);
      return day === undefined ? { ...year, month } : { ...year, month, day };
    },
  },
  // CE contexts: "ค.ศ. 2025", "FY2025", "fiscal year 2025", "year 2025", "ita2023" (BE also accepted: "FY2568").
  {
    re: new RegExp(
      `(?:(?<!\\.)${CE_ERA}|(?<![A-Za-z])(?:fy|fiscal\\s+year|budget\\s+year|year|ita|oit))\\s*[-_:]?\\s*(?<y>\\d{4})${NUM_END}`,
      'gi',
    ),
    read: (g) => fourDigit(g.y, true),
  },
  // Thai year words and the BE era: "ปี 68", "ปีงบประมาณ พ.ศ. 2568", "ปีงบ 68", "พ.ศ.2568", "ปี ค.ศ. 2025".
  {
    re: new RegExp(
      `(?:ปี(?:งบประมาณ|งบฯ|งบป\\.|งปม\\.|งบ|การศึกษา|บัญชี)?\\s*(?:(?<era>${BE_ERA}|${CE_ERA})\\s*)?|(?<!\\.)${BE_ERA}\\s*)(?<y>\\d{4}|\\d{2})${NUM_END}`,
      'gi',
    ),
    read: (g, m) => {
      if (g.era?.startsWith('ค')) return fourDigit(g.y, true);
      if (g.y?.length === 2 && followedBy(SHORT_UNIT_AFTER_RE, m)) return undefined;
      return anyYear(g.y, true);
    },
  },
  // Two-digit end of a BE range: the "70" of "2566-70".
  {
    re: /(?<=(?<!\d)(?<start>25\d\d)\s*-\s*)(?<y>\d{2})(?!\d)(?![.,]\d)/g,
    read: (g) => {
      const start = Number(g.start);
      const end = BE_MIN + Number(g.y);
      return end > start && end - start <= MAX_RANGE_YEARS ? { be: end, form: 'short' } : undefined;
    },
  },
  // Bare 4-digit BE year, not part of a longer number, decimal, amount, or count.
  {
    re: new RegExp(`(?<![\\d฿$])(?<!\\d\\.)(?<y>25\\d\\d)${NUM_END}(?!\\s*(?:${UNITS}))`, 'gi'),
    read: (g) => fourDigit(g.y, false),
  },
];

/** Thai digits → 0–9 and dashes → "-", preserving length so indices stay valid. */
function workingCopy(text: string): string {
  return thaiToArabicDigits(text).replace(DASHES_RE, '-');
}

/** Start of the match, skipping an invalid leading day so `raw` does not include it. */
function matchStart(m: RegExpExecArray, mention: Omit<YearMention, 'index' | 'raw'>): number {
  if (mention.day === undefined && m.groups?.d !== undefined && m.indices?.groups?.mon) {
    return m.indices.groups.mon[0];
  }
  return m.index;
}

/**
 * Every year mention in `text`, in order of position. Recognised (Thai digits accepted):
 * - 4-digit BE 2500–2599 standing alone ("2568", "ita2562", "ที่ 12/2562"), but not inside a
 *   longer number, phone or ID number, decimal, or amount ("025612345", "02-561-2345",
 *   "2562.50", "2,562,000 บาท", "2562 บาท", "2565 หน้า");
 * - CE 1990–2069 only in a year context: after "ค.ศ.", "FY", "fiscal year", "year", "ita"/"oit",
 *   "ปี", a Thai or English month name, or in a numeric date ("15/03/2025", "2025-03-15"); form 'ce';
 * - 2-digit BE short years only after a Thai month ("ต.ค.67", "มีนาคม 68"), a year word ("ปี 68",
 *   "ปีงบประมาณ 68", "ปีงบ 68", "พ.ศ. 68"), or as the end of a range "2566-70"; not when a
 *   unit follows ("3 ปี 10 เดือน", "68 คน");
 * - dates set `month` (and `day`): "15 มีนาคม 2568", "15 มี.ค. 68", "15/03/2568", "March 2025".
 * Numeric dates with a 2-digit year ("15/03/68") are not read (ambiguous with CE).
 */
export function findYearsReference(text: string): YearMention[] {
  const work = workingCopy(text);
  const claimed: [number, number][] = [];
  const overlaps = (s: number, e: number) => claimed.some(([cs, ce]) => s < ce && e > cs);
  const found: YearMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of work.matchAll(rule.re)) {
      const end = m.index + m[0].length;
      const read = rule.read(m.groups ?? {}, m);
      if (read === undefined) continue;
      const start = read === null ? m.index : matchStart(m, read);
      if (overlaps(start, end)) continue;
      claimed.push([start, end]);
      if (read !== null) found.push({ ...read, index: start, raw: text.slice(start, end) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** What may stand between the two ends of a range: a dash, "ถึง", "to", optionally "วันที่"/"เดือน". */
const RANGE_JOIN_RE = /^\s*(?:-{1,2}|~|ถึง|จนถึง|to|until|through|thru)\s*(?:(?:วันที่|เดือน)\s*)?$/i;

/**
 * Year ranges in `text`: two year mentions of {@link findYears} joined only by a dash, "ถึง" or
 * "to", going forward in time by at most 20 years: "2566-2570", "พ.ศ. 2566 – 2570",
 * "2566 ถึง 2570", "2566-70", "ต.ค. 67 – มี.ค. 68", "1 ตุลาคม 2567 - 31 มีนาคม 2568".
 * Months are set when both ends carry one. A range whose start has no year ("ต.ค. – มี.ค. 68")
 * is not found. `mentions`, when given, must be `findYears(text)`.
 */
export function findYearRangesReference(text: string, mentions?: readonly YearMention[]): YearRange[] {
  const work = workingCopy(text);
  // Callers that already have the mentions of `text` pass them, to scan the text once.
  const years = mentions ?? findYearsReference(text);
  const ranges: YearRange[] = [];
  for (let i = 0; i + 1 < years.length; i++) {
    const a = years[i]!;
    const b = years[i + 1]!;
    const aEnd = a.index + a.raw.length;
    if (!RANGE_JOIN_RE.test(work.slice(aEnd, b.index))) continue;
    const forward =
      b.be > a.be || (b.be === a.be && a.month !== undefined && b.month !== undefined && b.month > a.month);
    if (!forward || b.be - a.be > MAX_RANGE_YEARS) continue;
    const range: YearRange = {
      fromBe: a.be,
      toBe: b.be,
      index: a.index,
      raw: text.slice(a.index, b.index + b.raw.length),
    };
    if (a.month !== undefined) range.fromMonth = a.month;
    if (b.month !== undefined) range.toMonth = b.month;
    ranges.push(range);
    i++;
  }
  return ranges;
}
