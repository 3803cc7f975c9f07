import { arabicToThaiDigits } from './digits';
import { THAI_MONTHS, THAI_MONTHS_SHORT } from './months';

/**
 * Buddhist Era, Bangkok time and Thai fiscal years. Every `Date` here is an instant (UTC
 * internally); calendar questions are answered in Asia/Bangkok, which is UTC+7 all year
 * (no DST), by shifting the instant 7 hours and reading the `getUTC*` fields. Nothing in this
 * module reads the clock: callers pass `env.now`.
 */

/** Offset of Asia/Bangkok from UTC in milliseconds (+7 h, no daylight saving time). */
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A half-open interval of instants: `start` is included, `end` is not. */
export interface DateRange {
  start: Date;
  end: Date;
}

/** Calendar fields of an instant in Bangkok time; `year` is CE, `month` is 1–12. */
export interface BangkokDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Buddhist Era year of a Common Era year: CE + 543 (2026 → 2569). */
export function beFromCe(ce: number): number {
  return ce + 543;
}

/** Common Era year of a Buddhist Era year: BE − 543 (2569 → 2026). */
export function ceFromBe(be: number): number {
  return be - 543;
}

function assertValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/** The Bangkok-time calendar fields of an instant (year in CE). Throws `RangeError` on an invalid date. */
export function bangkokParts(date: Date): BangkokDateParts {
  assertValid(date);
  const t = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/**
 * The instant of 00:00 Bangkok time on a calendar day given in CE (`month` 1–12), i.e.
 * 17:00 UTC of the previous day. Out-of-range days roll over like `Date.UTC`.
 */
export function bangkokMidnight(yearCe: number, month: number, day: number): Date {
  return new Date(Date.UTC(yearCe, month - 1, day) - BANGKOK_OFFSET_MS);
}

/**
 * The Thai fiscal year (BE) that contains an instant, judged in Bangkok time. Fiscal year N
 * runs 1 Oct (N − 544 CE) 00:00 to 30 Sep (N − 543 CE) 24:00 Bangkok, so 1 Oct 2026 00:00
 * Bangkok (30 Sep 2026 17:00 UTC) opens FY2570. Throws `RangeError` on an invalid date.
 */
export function fiscalYearOf(date: Date): number {
  const { year, month } = bangkokParts(date);
  return beFromCe(month >= 10 ? year + 1 : year);
}

/**
 * Fiscal year `fyBe` (BE) as a half-open range of instants: from 1 Oct (fyBe − 544 CE) 00:00
 * Bangkok to 1 Oct (fyBe − 543 CE) 00:00 Bangkok (exclusive). FY2569 = [2025-09-30T17:00Z, 2026-09-30T17:00Z).
 */
export function fiscalYearRange(fyBe: number): DateRange {
  const endCe = ceFromBe(fyBe);
  return { start: bangkokMidnight(endCe - 1, 10, 1), end: bangkokMidnight(endCe, 10, 1) };
}

/**
 * The first half of fiscal year `fyBe` (BE), the period of 6-month reports: 1 Oct 00:00 Bangkok
 * to 1 Apr 00:00 Bangkok (exclusive), i.e. 1 Oct – 31 Mar inclusive as calendar days.
 */
export function firstHalfRange(fyBe: number): DateRange {
  const endCe = ceFromBe(fyBe);
  return { start: bangkokMidnight(endCe - 1, 10, 1), end: bangkokMidnight(endCe, 4, 1) };
}

/** Whether an instant lies in a half-open {@link DateRange} (`start` ≤ date < `end`). */
export function isInRange(date: Date, range: DateRange): boolean {
  const t = date.getTime();
  return t >= range.start.getTime() && t < range.end.getTime();
}

/** Options of {@link formatThaiDate}. */
export interface ThaiDateFormat {
  /** 'arabic' (default) writes 0–9; 'thai' writes ๐–๙ as official documents do. */
  digits?: 'thai' | 'arabic';
  /** 'long' (default): "22 พฤศจิกายน 2569"; 'short': "22 พ.ย. 69" (two-digit BE year). */
  style?: 'long' | 'short';
}

/**
 * Formats an instant as a Thai date in Bangkok time with a Buddhist Era year, using this
 * module's own month table (no `Intl`): "22 พฤศจิกายน 2569" (long) or "22 พ.ย. 69" (short),
 * with Thai digits on request ("๒๒ พฤศจิกายน ๒๕๖๙"). Throws `RangeError` on an invalid date.
 */
export function formatThaiDate(date: Date, options: ThaiDateFormat = {}): string {
  const { year, month, day } = bangkokParts(date);
  const be = beFromCe(year);
  const text =
    options.style === 'short'
      ? `${day} ${THAI_MONTHS_SHORT[month - 1]} ${String(be % 100).padStart(2, '0')}`
      : `${day} ${THAI_MONTHS[month - 1]} ${be}`;
  return options.digits === 'thai' ? arabicToThaiDigits(text) : text;
}
