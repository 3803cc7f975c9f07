import * as z from 'zod';
import { measureRowSchema } from '../report/schema';

/**
 * The measures draft (DESIGN.md §6): the "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
 * document as data. Every output (Markdown, HTML, DOCX, JSON) renders from this object alone.
 * Additions keep `version`; renames bump it.
 */
export const MEASURES_VERSION = 1;

const score = z.number().min(0).max(100);

/** Tool and indicator scores before the measures, or projected after all of them succeed. */
export const scoreSetSchema = z.object({
  iit: score.nullable(),
  eit: score.nullable(),
  oit: score.nullable(),
  ita: score.nullable(),
  rating: z.string().nullable(),
  /** IIT/EIT indicator scores keyed "1".."8" (only when entered at indicator or question level). */
  indicators: z.record(z.string(), score),
});

/** A question or indicator above the improve threshold: a strength to keep, listed without a row. */
export const strengthSchema = z.object({
  target: z.string(),
  kind: z.enum(['indicator', 'question']),
  name: z.string(),
  score,
  indicator: z.number().int(),
});

export const measuresDocumentSchema = z.object({
  kind: z.literal('oit-audit-measures'),
  version: z.literal(MEASURES_VERSION),
  tool: z.object({ name: z.literal('oit-audit'), version: z.string() }),
  /** "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน". */
  title: z.string(),
  /** The fiscal year (BE) the measures are for: by default the assessed year + 1. */
  fiscalYear: z.number().int(),
  /** The fiscal year (BE) whose results were analysed, when known. */
  resultsYear: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  /** The audited site, when the draft comes from an audit. */
  site: z.string().nullable(),
  ruleset: z.object({ id: z.string(), year: z.number().int() }),
  /** When the draft was made (ISO 8601), or null to leave the date blank for the signer. */
  date: z.string().nullable(),
  bands: z.object({ urgentBelow: z.number(), improveBelow: z.number() }),
  /** Percent of the ITA per tool (IIT 30, EIT 30, OIT 40 in FY2562), from the rule pack. */
  weights: z.object({ iit: z.number(), eit: z.number(), oit: z.number() }),
  /** Thai names of the indicators keyed "1".."10", from the rule pack. */
  indicatorNames: z.record(z.string(), z.string()),
  /** How the survey scores were entered; null without survey scores. */
  surveyLevel: z.enum(['tool', 'indicator', 'question']).nullable(),
  /** The audit's OIT item counts (null for a survey-only draft). */
  oitItems: z.object({ total: z.number().int(), notPassed: z.number().int() }).nullable(),
  scores: z.object({ before: scoreSetSchema, projected: scoreSetSchema }),
  /** One row per non-pass OIT item and per IIT/EIT question or indicator at or below the improve threshold, by ITA gain. */
  rows: z.array(measureRowSchema),
  strengths: z.array(strengthSchema),
  /** How the ITA gain of each row was computed, in Thai. */
  gainNote: z.string(),
  /** Honest remarks about what the draft could not do (Thai). */
  notes: z.array(z.string()),
});

export type MeasuresDocument = z.infer<typeof measuresDocumentSchema>;
export type ScoreSet = z.infer<typeof scoreSetSchema>;
export type Strength = z.infer<typeof strengthSchema>;
