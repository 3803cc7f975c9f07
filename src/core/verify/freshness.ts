import type { YearMark } from '../extract/types';
import type { Freshness } from '../rules/schema';

export interface YearRangeMark {
  fromBe: number;
  toBe: number;
  fromMonth?: number;
  toMonth?: number;
}

export interface FreshnessVerdict {
  status: 'ok' | 'stale' | 'unknown';
  /** The fiscal year (BE) the item needs. */
  expected: number;
  /** Fiscal years (BE) seen in the evidence, newest first. */
  found: number[];
}

/** The Thai fiscal year (BE) a month of a BE year falls in: October opens the next one. */
export function fiscalYearOfMonth(be: number, month: number | undefined): number {
  return month !== undefined && month >= 10 ? be + 1 : be;
}

/** The fiscal year (BE) an item's evidence must belong to, for the assessed year `fy`. */
export function expectedFiscalYear(freshness: Freshness, fy: number): number {
  return freshness === 'previous-fy' ? fy - 1 : fy;
}

/**
 * Decides whether the years found in the evidence satisfy the item's freshness rule for
 * assessment year `fy` (BE). Plans and announcements need the assessed FY, 6-month reports the
 * assessed FY (its first half is the only half done at assessment time), annual reports the
 * previous FY. A range such as a 2566–2570 plan covers every year inside it. Years far from
 * `fy` are ignored (founding dates, laws). No usable year gives `unknown`, never a guess.
 */
export function checkFreshness(
  freshness: Freshness,
  fy: number,
  years: readonly YearMark[],
  ranges: readonly YearRangeMark[],
): FreshnessVerdict {
  const expected = expectedFiscalYear(freshness, fy);
  if (freshness === 'none') return { status: 'ok', expected, found: [] };
  const plausible = (y: number) => y >= fy - 15 && y <= fy + 5;
  const found = new Set<number>();
  let ok = false;
  for (const y of years) {
    const fyOf = fiscalYearOfMonth(y.be, y.month);
    if (!plausible(fyOf)) continue;
    found.add(fyOf);
    if (fyOf === expected) ok = true;
  }
  for (const r of ranges) {
    // A month range "ต.ค. 67 – มี.ค. 68" is one fiscal year; a year range covers each year.
    const from = r.fromMonth !== undefined ? fiscalYearOfMonth(r.fromBe, r.fromMonth) : r.fromBe;
    const to = r.toMonth !== undefined ? fiscalYearOfMonth(r.toBe, r.toMonth) : r.toBe;
    if (!plausible(from) || !plausible(to) || to < from || to - from > 10) continue;
    found.add(to);
    if (expected >= from && expected <= to) ok = true;
  }
  const list = [...found].sort((a, b) => b - a);
  if (ok) return { status: 'ok', expected, found: list };
  return { status: list.length > 0 ? 'stale' : 'unknown', expected, found: list };
}
