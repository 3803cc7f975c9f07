import { beFromCe } from './fiscal-year';
import {
  ENGLISH_MONTH_PATTERN,
  ENGLISH_MONTHS,
  parseMonth,
  THAI_MONTH_PATTERN,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
} from './months';

/**
 * Finding year mentions in Thai text. All years returned are Buddhist Era (BE = CE + 543);
 * months are 1–12. The text may contain Thai digits: they are read as 0–9 without changing
 * string indices, so `index` and `raw` always refer to the string passed in.
 */

/** How a year was written: 4-digit BE, 4-digit CE (converted), or 2-digit BE short form. */
export type YearForm = 'be' | 'ce' | 'short';

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

/*
 * How the rules are run. Every year mention holds a run of ASCII digits (the working copy has
 * Thai digits mapped), and page text has far fewer digit runs than characters: a rule is tried
 * only where one of its matches can begin, found from the digit runs, instead of at every
 * position of the text. Each rule still returns exactly the matches a global scan of its
 * pattern would (leftmost first, resuming after each match), because it is tried at every
 * position where its pattern can match, in order:
 * - `at` rules begin with their digits (a phone number, a numeric date, a bare year): they are
 *   tried, sticky, at the start of each digit run of the right length and first digits;
 * - `after` rules end with a year that follows a context (a month name, a year word, an era):
 *   at a digit run that can be the year, the context is tested as a look-behind; only when it
 *   is there is the pattern searched, from the furthest point a match holding that year can
 *   begin (`lead` non-space characters back; whitespace is unbounded, `\s*`, so not counted).
 *   That search finds the scan's next match, as no match can begin before that point (the
 *   windows of later years start no earlier); it may lie past this run.
 * Every `lengths`, `starts`, `before` and `lead` below must hold for every match of its pattern
 * (a superset of where it can match costs time, never a result). The differential test
 * test/unit/core/thai/years-differential.test.ts holds this to the frozen global scan.
 */

type Groups = Record<string, string | undefined>;
type Read = Omit<YearMention, 'index' | 'raw'>;

/** The match begins at a digit run, or at `before` just before it. */
interface AtRun {
  kind: 'at';
  /** Lengths the run can have, as made by {@link lengths}. */
  lengths: number;
  /** Digits the run starts with: "0" of a phone number, "25" of a BE year. */
  starts?: string;
  /** What stands just before the run, where the match begins: "+" of "+66". */
  before?: string;
}

/** The match ends with a year, after a context of at most `lead` non-space characters. */
interface AfterContext {
  kind: 'after';
  /** Lengths the run holding the year can have, as made by {@link lengths}. */
  lengths: number;
  /** The year is the run's last 4 digits (a day may be glued before it), not the whole run. */
  lastFour?: true;
  /** The context as a sticky look-behind, tested where the year starts. */
  context: RegExp;
  lead: number;
}

interface Rule {
  /** Sticky (`y`) for `at` rules, global (`g`) for `after` rules. */
  re: RegExp;
  where: AtRun | AfterContext;
  /**
   * The pattern with the `d` flag, sticky, for rules whose `raw` drops an invalid leading day:
   * run again on the rare match that needs the month's index, to spare the indices on all others.
   */
  indices?: RegExp;
  /** Returns the mention (without index/raw), or `null` to claim the span with no mention, or `undefined` to skip. */
  read: (g: Groups, m: RegExpExecArray) => Read | null | undefined;
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

/*
 * Mentions are built with literals, not spreads: on Node 20 spreading a small object into a new
 * one costs about a microsecond, more than the rest of reading a mention. Keys keep the order
 * they have always had (be, form, month and day as each rule read them, index, raw), as
 * reports may serialise mentions.
 */

/** A year with its month, and its day when valid. */
function dated(year: { be: number; form: YearForm }, month: number, day: number | undefined): Read {
  return day === undefined
    ? { be: year.be, form: year.form, month }
    : { be: year.be, form: year.form, month, day };
}

/** The mention of a `read` (a new object from a rule's read, so it is completed in place). */
function placed(read: Read, index: number, raw: string): YearMention {
  const mention = read as YearMention;
  mention.index = index;
  mention.raw = raw;
  return mention;
}

/** parseMonth, remembered: page text repeats a handful of month tokens, and NFC is costly. */
const monthByToken = new Map<string, number | undefined>();
function monthOf(token: string): number | undefined {
  if (monthByToken.has(token)) return monthByToken.get(token);
  const month = parseMonth(token);
  // Bounded: English tokens come in any case ("mArCh"), so their number is not.
  if (monthByToken.size < 1000) monthByToken.set(token, month);
  return month;
}

const longest = (words: readonly string[]): number => Math.max(...words.map((w) => w.length));

/** Run lengths as a bit mask: bit n for length n, bit 31 for 31 digits and more. */
function lengths(...ns: number[]): number {
  return ns.reduce((mask, n) => mask | (1 << n), 0);
}
const FOUR_AND_MORE = ~0b1111;
const ANY_LENGTH = ~0;

function fits(mask: number, length: number): boolean {
  return ((mask >>> Math.min(length, 31)) & 1) === 1;
}

/** Thai month, optional era, then the year: what precedes the year of a Thai date. */
const THAI_DATE_CONTEXT = `(?<mon>${THAI_MONTH_PATTERN})\\s*,?\\s*(?:(?<era>${BE_ERA}|${CE_ERA})\\s*)?`;
/** English month, optional day after it, then the year. */
const ENGLISH_DATE_CONTEXT = `(?<mon>${ENGLISH_MONTH_PATTERN})(?:\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?\\s*,?\\s*`;
const CE_CONTEXT = `(?:(?<!\\.)${CE_ERA}|(?<![A-Za-z])(?:fy|fiscal\\s+year|budget\\s+year|year|ita|oit))\\s*[-_:]?\\s*`;
const THAI_YEAR_CONTEXT = `(?:ปี(?:งบประมาณ|งบฯ|งบป\\.|งปม\\.|งบ|การศึกษา|บัญชี)?\\s*(?:(?<era>${BE_ERA}|${CE_ERA})\\s*)?|(?<!\\.)${BE_ERA}\\s*)`;
const THAI_DATE = `(?:(?<![\\d.,])(?<d>\\d{1,2})\\s*)?${THAI_DATE_CONTEXT}(?<y>\\d{4}|\\d{2})${NUM_END}`;
const ENGLISH_DATE = `(?:(?<![\\d.,])(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${ENGLISH_DATE_CONTEXT}(?<y>\\d{4})${NUM_END}`;

const RULES: readonly Rule[] = [
  // Phone numbers and national ID numbers: claimed so their digits are never read as years.
  {
    re: new RegExp(`\\+66${HSP}?\\d(?:${HSP}?\\d){7,8}(?!\\d)`, 'y'),
    where: { kind: 'at', lengths: ANY_LENGTH, starts: '66', before: '+' },
    read: () => null,
  },
  {
    re: new RegExp(`(?<![\\d.,])0(?:${HSP}?\\d){8,9}(?!\\d)`, 'y'),
    where: { kind: 'at', lengths: ANY_LENGTH, starts: '0' },
    read: () => null,
  },
  {
    re: /(?<!\d)\d[- ]\d{4}[- ]\d{5}[- ]\d{2}[- ]\d(?!\d)/y,
    where: { kind: 'at', lengths: lengths(1) },
    read: () => null,
  },
  // Numeric dates: 15/03/2568, 15-03-2025, 15.03.2568 (same separator twice).
  {
    re: new RegExp(
      `(?<!\\d)(?<!\\d[.,/])(?<d>\\d{1,2})(?<sep>[/.-])(?<m>\\d{1,2})\\k<sep>(?<y>\\d{4})${NUM_END}`,
      'y',
    ),
    where: { kind: 'at', lengths: lengths(1, 2) },
    read: (g) => {
      const dm = dayMonth(g.d, g.m);
      const year = fourDigit(g.y, true);
      return dm && year ? { be: year.be, form: year.form, day: dm.day, month: dm.month } : undefined;
    },
  },
  // ISO-like dates: 2025-03-15, 2568/03/15.
  {
    re: /(?<!\d)(?<!\d[.,/-])(?<y>\d{4})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d)(?![.,]\d)/y,
    where: { kind: 'at', lengths: lengths(4) },
    read: (g) => {
      const year = fourDigit(g.y, true);
      const month = Number(g.m);
      const day = dayOrUndefined(g.d);
      return year && day && month >= 1 && month <= 12 ? dated(year, month, day) : undefined;
    },
  },
  // Thai month + year, optionally with a day and an era: "15 มีนาคม 2568", "ต.ค.67", "มี.ค. พ.ศ. 2568", "มีนาคม 2025".
  {
    re: new RegExp(THAI_DATE, 'g'),
    indices: new RegExp(THAI_DATE, 'yd'),
    where: {
      kind: 'after',
      lengths: lengths(2, 4),
      context: new RegExp(`(?<=${THAI_DATE_CONTEXT})`, 'y'),
      // Day, month (กุมภาพันธ์), comma, era (พ.ศ.).
      lead: 2 + longest([...THAI_MONTHS, ...THAI_MONTHS_SHORT]) + 1 + 'พ.ศ.'.length,
    },
    read: (g) => {
      const month = monthOf(g.mon ?? '');
      const isCe = g.era?.startsWith('ค') ?? false;
      const year = isCe ? fourDigit(g.y, true) : anyYear(g.y, true);
      if (month === undefined || year === undefined || (isCe && year.form !== 'ce')) return undefined;
      const day = dayOrUndefined(g.d);
      return dated(year, month, day);
    },
  },
  // English month + CE/BE year: "March 2025", "15 March 2025", "Mar. 15, 2025".
  {
    re: new RegExp(ENGLISH_DATE, 'gi'),
    indices: new RegExp(ENGLISH_DATE, 'yid'),
    where: {
      kind: 'after',
      // The day after the month may be glued to the year: "March 152025".
      lengths: FOUR_AND_MORE,
      lastFour: true,
      context: new RegExp(`(?<=${ENGLISH_DATE_CONTEXT})`, 'yi'),
      // Day, "th", "of", month ("September."), day, "th", comma.
      lead: 2 + 2 + 'of'.length + longest(ENGLISH_MONTHS) + 1 + 2 + 2 + 1,
    },
    read: (g) => {
      const month = monthOf(g.mon ?? '');
      const year = fourDigit(g.y, true);
      if (month === undefined || year === undefined) return undefined;
      const day = dayOrUndefined(g.d ?? g.d2);
      return dated(year, month, day);
    },
  },
  // CE contexts: "ค.ศ. 2025", "FY2025", "fiscal year 2025", "year 2025", "ita2023" (BE also accepted: "FY2568").
  {
    re: new RegExp(`${CE_CONTEXT}(?<y>\\d{4})${NUM_END}`, 'gi'),
    where: {
      kind: 'after',
      lengths: lengths(4),
      context: new RegExp(`(?<=${CE_CONTEXT})`, 'yi'),
      lead: 'budgetyear'.length + ':'.length,
    },
    read: (g) => fourDigit(g.y, true),
  },
  // Thai year words and the BE era: "ปี 68", "ปีงบประมาณ พ.ศ. 2568", "ปีงบ 68", "พ.ศ.2568", "ปี ค.ศ. 2025".
  {
    re: new RegExp(`${THAI_YEAR_CONTEXT}(?<y>\\d{4}|\\d{2})${NUM_END}`, 'gi'),
    where: {
      kind: 'after',
      lengths: lengths(2, 4),
      context: new RegExp(`(?<=${THAI_YEAR_CONTEXT})`, 'yi'),
      lead: longest(['ปีงบประมาณ', 'ปีการศึกษา']) + 'ค.ศ.'.length,
    },
    read: (g, m) => {
      if (g.era?.startsWith('ค')) return fourDigit(g.y, true);
      if (g.y?.length === 2 && followedBy(SHORT_UNIT_AFTER_RE, m)) return undefined;
      return anyYear(g.y, true);
    },
  },
  // Two-digit end of a BE range: the "70" of "2566-70".
  {
    re: /(?<=(?<!\d)(?<start>25\d\d)\s*-\s*)(?<y>\d{2})(?!\d)(?![.,]\d)/y,
    where: { kind: 'at', lengths: lengths(2) },
    read: (g) => {
      const start = Number(g.start);
      const end = BE_MIN + Number(g.y);
      return end > start && end - start <= MAX_RANGE_YEARS ? { be: end, form: 'short' } : undefined;
    },
  },
  // Bare 4-digit BE year, not part of a longer number, decimal, amount, or count.
  {
    re: new RegExp(`(?<![\\d฿$])(?<!\\d\\.)(?<y>25\\d\\d)${NUM_END}(?!\\s*(?:${UNITS}))`, 'iy'),
    where: { kind: 'at', lengths: lengths(4), starts: '25' },
    read: (g) => fourDigit(g.y, false),
  },
];

/** The working copy's code unit for `c`: Thai digits → 0–9 and dashes → "-", one unit for one. */
function workingCode(c: number): number {
  if (c >= 0x0e50 && c <= 0x0e59) return c - 0x0e50 + 0x30;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d)
    return 0x2d;
  return c;
}

/** A digit, or a character the working copy maps (a Thai digit, a dash). */
const DIGIT_OR_MAPPED_RE = /[\d\u0E50-\u0E59\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Thai digits → 0–9 and dashes → "-", preserving length so indices stay valid, and the digit
 * runs of the result as [start, end, start, end, …].
 */
function workingCopy(text: string): { work: string; runs: number[] } {
  // Text normalised by normaliseText has no Thai digit or dash left: a regex skips from digit
  // to digit (faster than a loop over every character), and the copy is made only when needed.
  const runs: number[] = [];
  const re = DIGIT_OR_MAPPED_RE;
  re.lastIndex = 0;
  while (re.test(text)) {
    const s = re.lastIndex - 1;
    if (text.charCodeAt(s) > 0x39) return mappedCopy(text);
    let e = s + 1;
    while (e < text.length && isAsciiDigit(text.charCodeAt(e))) e++;
    runs.push(s, e);
    re.lastIndex = e;
  }
  return { work: text, runs };
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** {@link workingCopy} for text that has characters to map: one pass over every character. */
function mappedCopy(text: string): { work: string; runs: number[] } {
  const runs: number[] = [];
  let out = '';
  let last = 0;
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = workingCode(c);
    if (w !== c) {
      out += text.slice(last, i) + String.fromCharCode(w);
      last = i + 1;
    }
    if (isAsciiDigit(w)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      runs.push(runStart, i);
      runStart = -1;
    }
  }
  if (runStart >= 0) runs.push(runStart, text.length);
  return { work: last === 0 ? text : out + text.slice(last), runs };
}

/** Whether `c` is matched by `\s` (checked against the regex in years.test.ts). */
export function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The furthest point back from `at` past at most `lead` non-space characters (and any whitespace). */
function windowStart(work: string, at: number, lead: number): number {
  let i = at;
  let left = lead;
  while (i > 0) {
    if (!isRegexSpace(work.charCodeAt(i - 1))) {
      if (left === 0) break;
      left--;
    }
    i--;
  }
  return i;
}

/**
 * The next match of `rule` at or after `pos`, tried around run `r`; `null` when the run cannot
 * hold one, `undefined` when the rule has no match left in the whole text.
 */
function matchAt(
  rule: Rule,
  work: string,
  runs: number[],
  r: number,
  pos: number,
): RegExpExecArray | null | undefined {
  const s = runs[r]!;
  const e = runs[r + 1]!;
  const where = rule.where;
  if (!fits(where.lengths, e - s)) return null;
  if (where.kind === 'at') {
    const p = where.before === undefined ? s : s - where.before.length;
    if (p < pos) return null;
    if (where.starts !== undefined && !work.startsWith(where.starts, s)) return null;
    if (where.before !== undefined && !work.startsWith(where.before, p)) return null;
    rule.re.lastIndex = p;
    return rule.re.exec(work);
  }
  const y = where.lastFour ? e - 4 : s;
  if (y < pos) return null;
  where.context.lastIndex = y;
  if (!where.context.test(work)) return null;
  // A global search from the window's start: its first match is the scan's next one, since no
  // match begins before the window (see above). It may lie past this run, or be none at all.
  rule.re.lastIndex = Math.max(pos, windowStart(work, y, where.lead));
  return rule.re.exec(work) ?? undefined;
}

/** Start of the match, skipping an invalid leading day so `raw` does not include it. */
function matchStart(rule: Rule, m: RegExpExecArray, g: Groups, mention: Read): number {
  if (mention.day === undefined && g.d !== undefined && rule.indices) {
    rule.indices.lastIndex = m.index;
    const mon = rule.indices.exec(m.input)?.indices?.groups?.mon;
    if (mon) return mon[0];
  }
  return m.index;
}

/** Claimed code units of texts up to 64 Ki: clearing it costs far less than allocating one per call. */
const SHARED_CLAIMS = new Uint8Array(65_536);

/** Whether any of `[start, end)` is claimed already. */
function claimedIn(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i] === 1) return true;
  return false;
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
export function findYears(text: string): YearMention[] {
  const { work, runs } = workingCopy(text);
  if (runs.length === 0) return [];
  // Rules run in order; a match overlapping a span claimed by an earlier match is dropped.
  const claimed =
    work.length <= SHARED_CLAIMS.length ? SHARED_CLAIMS.fill(0, 0, work.length) : new Uint8Array(work.length);
  const found: YearMention[] = [];
  for (const rule of RULES) {
    let pos = 0; // where the rule's scan resumes: the end of its last match
    for (let r = 0; r < runs.length; r += 2) {
      const m = matchAt(rule, work, runs, r, pos);
      if (m === undefined) break;
      if (m === null) continue;
      const end = m.index + m[0].length;
      pos = end;
      const g = m.groups ?? {};
      const read = rule.read(g, m);
      if (read === undefined) continue;
      const start = read === null ? m.index : matchStart(rule, m, g, read);
      if (claimedIn(claimed, start, end)) continue;
      claimed.fill(1, start, end);
      if (read !== null) found.push(placed(read, start, text.slice(start, end)));
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
export function findYearRanges(text: string, mentions?: readonly YearMention[]): YearRange[] {
  // Callers that already have the mentions of `text` pass them, to scan the text once.
  const years = mentions ?? findYears(text);
  const ranges: YearRange[] = [];
  for (let i = 0; i + 1 < years.length; i++) {
    const a = years[i]!;
    const b = years[i + 1]!;
    const aEnd = a.index + a.raw.length;
    if (!RANGE_JOIN_RE.test(workingCopy(text.slice(aEnd, b.index)).work)) continue;
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
