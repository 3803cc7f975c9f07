import { msg } from '../messages';
import type { Outcome } from '../types';
import { PROBLEM_LABELS, type ProblemCode } from '../verify/problems';

export type Lang = 'th' | 'en';

/** Outcome labels shown to people (the side panel uses the same words). */
const SYMBOLS: Record<Outcome, string> = { pass: '✓', fail: '✗', review: '?', na: '–', error: '!' };
export const OUTCOME_LABELS: Record<Outcome, { th: string; en: string; symbol: string }> = Object.fromEntries(
  (Object.keys(SYMBOLS) as Outcome[]).map((o) => [
    o,
    { th: msg('th', `outcome_${o}`), en: msg('en', `outcome_${o}`), symbol: SYMBOLS[o] },
  ]),
) as Record<Outcome, { th: string; en: string; symbol: string }>;

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
  if (report.assessmentYearSource === 'default') return msg(lang, 'yearDefault', { y });
  if (report.assessmentYearSource === 'option') return msg(lang, 'yearGiven', { y });
  return msg(lang, 'yearPlain', { y });
}

/** How manual evidence (given by a person, not found by the crawl) is marked in every report. */
export function manualEvidenceMark(lang: Lang): string {
  return msg(lang, 'manualEvidenceMark');
}
