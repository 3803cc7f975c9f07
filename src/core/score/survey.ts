import * as z from 'zod';
import type { RulePack } from '../rules/load-pack';
import { mean } from './round';

const score = z.number().min(0, 'must be 0–100').max(100, 'must be 0–100');

/**
 * Survey scores typed in by hand, at one of three levels (DESIGN.md §4):
 * tool scores (IIT, EIT), the indicator scores 1–8 (9–10 may be given too and are then the
 * OIT indicators), or question scores I1–I30 and E1–E15.
 */
export const surveyInputSchema = z
  .object({
    /** Assessment year in BE the scores belong to (informational). */
    year: z.number().int().min(2500).max(2700).optional(),
    iit: score.optional(),
    eit: score.optional(),
    /** Indicator scores keyed "1".."10". */
    indicators: z.record(z.string().regex(/^([1-9]|10)$/, 'indicator keys are "1".."10"'), score).optional(),
    /** Question scores keyed "I1".."I30", "E1".."E15". */
    questions: z
      .record(z.string().regex(/^[IE][0-9]{1,2}$/, 'question keys look like "I7" or "E12"'), score)
      .optional(),
  })
  .strict()
  .refine((s) => s.iit !== undefined || s.eit !== undefined || s.indicators || s.questions, {
    message: 'give iit/eit, indicators or questions',
  });

export type SurveyInput = z.infer<typeof surveyInputSchema>;

export interface ResolvedSurvey {
  iit: number;
  eit: number;
  /** Indicator scores 1–8 when they were given or derived from questions. */
  indicators: Record<number, number>;
  /** How the scores were entered. */
  level: 'tool' | 'indicator' | 'question';
}

export class SurveyError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'SurveyError';
  }
}

/**
 * Turns survey input into IIT and EIT. Questions are averaged into indicators, indicators
 * into tools; a tool score given directly wins over derived ones. Missing pieces are errors
 * that name what to add.
 */
export function resolveSurvey(pack: RulePack, input: SurveyInput): ResolvedSurvey {
  const indicators: Record<number, number> = {};
  let level: ResolvedSurvey['level'] = 'tool';
  if (input.questions && Object.keys(input.questions).length > 0) {
    level = 'question';
    const known = new Set(pack.indicators.flatMap((i) => i.questions));
    for (const code of Object.keys(input.questions)) {
      if (!known.has(code))
        throw new SurveyError(`unknown question "${code}" (expected I1–I30 or E1–E15)`, code);
    }
    for (const ind of pack.indicators) {
      const given = ind.questions
        .map((q) => input.questions?.[q])
        .filter((v): v is number => v !== undefined);
      if (given.length > 0) indicators[ind.id] = mean(given);
    }
  }
  if (input.indicators) {
    if (level === 'tool') level = 'indicator';
    for (const [k, v] of Object.entries(input.indicators)) indicators[Number(k)] = v;
  }
  const toolScore = (toolId: 'IIT' | 'EIT', direct: number | undefined): number => {
    if (direct !== undefined) return direct;
    const tool = pack.tools.find((t) => t.id === toolId);
    if (!tool) throw new SurveyError(`rule pack has no ${toolId}`, toolId);
    const missing = tool.indicators.filter((i) => indicators[i] === undefined);
    if (missing.length > 0) {
      throw new SurveyError(
        `${toolId} cannot be computed: indicator ${missing.join(', ')} missing (give ${toolId.toLowerCase()} directly, all of indicators ${tool.indicators.join(', ')}, or their questions)`,
        toolId.toLowerCase(),
      );
    }
    return mean(tool.indicators.map((i) => indicators[i] as number));
  };
  return { iit: toolScore('IIT', input.iit), eit: toolScore('EIT', input.eit), indicators, level };
}
