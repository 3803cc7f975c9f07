import type { RulePack } from '../core/rules/load-pack';
import { resolveSurvey, type SurveyInput, surveyInputSchema } from '../core/score/survey';
import { thaiToArabicDigits } from '../core/thai/digits';
import type { Lang } from './i18n';

export type SurveyLevel = 'tool' | 'indicator' | 'question';

/** What the form holds: the level and the raw text of every field (keys `iit`, `eit`, `1`..`8`, `I1`..`E15`). */
export interface SurveyFormValues {
  level: SurveyLevel;
  fields: Record<string, string>;
}

export type SurveyValidation =
  | { ok: true; input: SurveyInput }
  | { ok: false; errors: Record<string, string>; summary: string };

const MESSAGES = {
  required: { th: 'กรุณากรอกคะแนน', en: 'Enter a score' },
  notNumber: { th: 'กรอกเป็นตัวเลข เช่น 85.50', en: 'Enter a number such as 85.50' },
  range: { th: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100', en: 'The score must be between 0 and 100' },
  groupMissing: {
    th: 'ตัวชี้วัดที่ {n} ต้องมีคะแนนอย่างน้อย 1 ข้อ ({codes})',
    en: 'Indicator {n} needs at least one question score ({codes})',
  },
  summary: { th: 'แก้ไขช่องที่ผิด {n} ช่อง', en: 'Fix {n} field(s)' },
  unresolved: { th: 'คำนวณคะแนนไม่ได้: {m}', en: 'The scores cannot be computed: {m}' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The survey indicators (1–8) with their question codes, from the pack. */
export function surveyIndicators(pack: RulePack): { id: number; questions: string[] }[] {
  const ids = new Set(pack.tools.filter((t) => t.id !== 'OIT').flatMap((t) => t.indicators));
  return pack.indicators.filter((i) => ids.has(i.id)).map((i) => ({ id: i.id, questions: i.questions }));
}

/**
 * Parses one field: Thai digits are accepted (๘๕.๕ = 85.5); empty is `undefined`; anything
 * that is not a plain decimal number, or is outside 0–100, is an error message.
 */
export function parseScore(raw: string | undefined, lang: Lang): { value?: number; error?: string } {
  const text = thaiToArabicDigits(raw ?? '').trim();
  if (text === '') return {};
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: msg(lang, 'notNumber') };
  const value = Number(text);
  if (value < 0 || value > 100) return { error: msg(lang, 'range') };
  return { value };
}

/**
 * Validates the survey form at its level and returns the SurveyInput the core takes, or the
 * message of every wrong field (Thai or English). Tool level needs IIT and EIT; indicator
 * level needs indicators 1–8; question level needs at least one question per indicator.
 */
export function validateSurveyForm(values: SurveyFormValues, pack: RulePack, lang: Lang): SurveyValidation {
  const errors: Record<string, string> = {};
  const read = (key: string, required: boolean): number | undefined => {
    const { value, error } = parseScore(values.fields[key], lang);
    if (error) errors[key] = error;
    else if (value === undefined && required) errors[key] = msg(lang, 'required');
    return value;
  };
  let input: SurveyInput;
  const indicators = surveyIndicators(pack);
  if (values.level === 'tool') {
    const iit = read('iit', true);
    const eit = read('eit', true);
    input = { ...(iit !== undefined ? { iit } : {}), ...(eit !== undefined ? { eit } : {}) };
  } else if (values.level === 'indicator') {
    const scores: Record<string, number> = {};
    for (const ind of indicators) {
      const v = read(String(ind.id), true);
      if (v !== undefined) scores[String(ind.id)] = v;
    }
    input = { indicators: scores };
  } else {
    const scores: Record<string, number> = {};
    for (const ind of indicators) {
      let given = 0;
      for (const q of ind.questions) {
        const v = read(q, false);
        if (v !== undefined) {
          scores[q] = v;
          given++;
        }
      }
      if (given === 0 && !ind.questions.some((q) => errors[q])) {
        const codes = `${ind.questions[0]}–${ind.questions[ind.questions.length - 1]}`;
        errors[`group-${ind.id}`] = msg(lang, 'groupMissing', { n: ind.id, codes });
      }
    }
    input = { questions: scores };
  }
  const count = Object.keys(errors).length;
  if (count > 0) return { ok: false, errors, summary: msg(lang, 'summary', { n: count }) };
  const parsed = surveyInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: {},
      summary: msg(lang, 'unresolved', { m: parsed.error.issues[0]?.message ?? '' }),
    };
  }
  try {
    resolveSurvey(pack, parsed.data);
  } catch (e) {
    return { ok: false, errors: {}, summary: msg(lang, 'unresolved', { m: (e as Error).message }) };
  }
  return { ok: true, input: parsed.data };
}

/** The form's values for stored survey input (or an empty tool-level form). */
export function formFromSurvey(input: SurveyInput | null): SurveyFormValues {
  const fields: Record<string, string> = {};
  if (!input) return { level: 'tool', fields };
  if (input.questions && Object.keys(input.questions).length > 0) {
    for (const [k, v] of Object.entries(input.questions)) fields[k] = String(v);
    return { level: 'question', fields };
  }
  if (input.indicators && Object.keys(input.indicators).length > 0) {
    for (const [k, v] of Object.entries(input.indicators)) fields[k] = String(v);
    return { level: 'indicator', fields };
  }
  if (input.iit !== undefined) fields.iit = String(input.iit);
  if (input.eit !== undefined) fields.eit = String(input.eit);
  return { level: 'tool', fields };
}
