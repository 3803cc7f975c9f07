import type { Candidate } from '../../detect/candidates';
import { normaliseText } from '../../thai/normalise';
import { findYearRanges, findYears } from '../../thai/years';
import { checkFreshness } from '../freshness';
import { type CheckInput, type CheckResult, ok, review } from './types';

/** Years written in the link that led to the evidence and in its file name (not its folders). */
export function linkYears(candidate: Candidate) {
  let file = '';
  try {
    file = decodeURIComponent(new URL(candidate.url).pathname.split('/').pop() ?? '').replace(/[-_.]/g, ' ');
  } catch {
    file = '';
  }
  const text = normaliseText(
    `${candidate.linkText ?? ''} ${candidate.via === 'title' ? candidate.text : ''} ${file}`,
  );
  return { years: findYears(text).map((y) => ({ be: y.be, month: y.month })), ranges: findYearRanges(text) };
}

/**
 * The evidence belongs to the fiscal year the item's freshness rule asks for (DESIGN.md §3.5):
 * years from the target's own text, its link text and its file name. No year is `review`.
 */
export function checkYear({ item, candidate, resource: r, fiscalYear, yearScope }: CheckInput): CheckResult {
  if (item.freshness === 'none') return ok;
  const fromLink = linkYears(candidate);
  // A block of a page with several (the news of a home page) is dated by its own text only.
  const years = yearScope ? yearScope.years : r.years;
  const ranges = yearScope ? yearScope.yearRanges : r.yearRanges;
  const fresh = checkFreshness(
    item.freshness,
    fiscalYear,
    [...years, ...fromLink.years],
    [...ranges, ...fromLink.ranges],
  );
  if (fresh.status === 'stale') {
    return {
      status: 'fail',
      problem: {
        code: 'stale-year',
        detail: `พบปีงบประมาณ ${fresh.found.slice(0, 4).join(', ')} ต้องเป็นปี ${fresh.expected}`,
        detailEn: `found fiscal year ${fresh.found.slice(0, 4).join(', ')}, expected ${fresh.expected}`,
      },
    };
  }
  if (fresh.status === 'unknown') {
    return review(
      'no-year',
      `ไม่พบปีของข้อมูล ต้องเป็นปีงบประมาณ ${fresh.expected}`,
      `no year found; expected fiscal year ${fresh.expected}`,
    );
  }
  return { status: 'ok', year: fresh.expected };
}
