import type { Outcome } from '../types';
import { PROBLEM_LABELS, type ProblemCode } from '../verify/problems';

export type Lang = 'th' | 'en';

/** Outcome labels shown to people (the side panel uses the same words). */
export const OUTCOME_LABELS: Record<Outcome, { th: string; en: string; symbol: string }> = {
  pass: { th: 'ผ่าน', en: 'pass', symbol: '✓' },
  fail: { th: 'ไม่ผ่าน', en: 'fail', symbol: '✗' },
  review: { th: 'ต้องตรวจสอบ', en: 'needs review', symbol: '?' },
  na: { th: 'ไม่เกี่ยวข้อง', en: 'not applicable', symbol: '–' },
  error: { th: 'ตรวจไม่ได้', en: 'could not check', symbol: '!' },
};

export function outcomeLabel(outcome: Outcome, lang: Lang): string {
  return OUTCOME_LABELS[outcome][lang];
}

export function problemLabel(code: string, lang: Lang): string {
  const label = PROBLEM_LABELS[code as ProblemCode];
  return label ? label[lang] : code;
}

/** The detail of a problem in the wanted language (Thai when no English was written). */
export function problemDetail(p: { detail: string; detailEn?: string | undefined }, lang: Lang): string {
  return lang === 'en' && p.detailEn ? p.detailEn : p.detail;
}

/**
 * The assessed year as every report states it, with how it was chosen: a year taken from the
 * clock moves on 1 October, so a CI gate should pin it (`--year`).
 */
export function assessedYearText(
  report: { assessmentYear: number; assessmentYearSource?: 'option' | 'default' | undefined },
  lang: Lang,
): string {
  const y = report.assessmentYear;
  if (report.assessmentYearSource === 'default')
    return lang === 'en'
      ? `assessed FY ${y} (BE; default: the current fiscal year, pin it with --year)`
      : `ปีงบประมาณที่ประเมิน ${y} (ค่าเริ่มต้น: ปีงบประมาณปัจจุบัน กำหนดเองด้วย --year)`;
  if (report.assessmentYearSource === 'option')
    return lang === 'en' ? `assessed FY ${y} (BE; as given)` : `ปีงบประมาณที่ประเมิน ${y} (ตามที่กำหนด)`;
  return lang === 'en' ? `assessed FY ${y} (BE)` : `ปีงบประมาณที่ประเมิน ${y}`;
}

/** How manual evidence (given by a person, not found by the crawl) is marked in every report. */
export function manualEvidenceMark(lang: Lang): string {
  return lang === 'en' ? 'manual evidence' : 'หลักฐานที่ผู้ใช้กำหนดเอง';
}
