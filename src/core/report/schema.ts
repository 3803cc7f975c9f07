import * as z from 'zod';

/**
 * The AuditReport (DESIGN.md §8), schemaVersion 1. Every output format renders from this
 * object alone; the extension reads what the CLI writes and vice versa. Additions keep the
 * version, renames bump it.
 */
export const SCHEMA_VERSION = 1;

const outcome = z.enum(['pass', 'fail', 'review', 'na', 'error']);
const score = z.number().min(0).max(100);

/** The few words that decided a verdict, and where they were found (issue 9). */
export const reasonSchema = z.object({
  th: z.string(),
  en: z.string(),
  phrase: z.string().optional(),
  snippet: z.string().optional(),
  where: z.enum(['title', 'heading', 'page-text', 'document', 'link-text', 'index-row', 'manual']).optional(),
  page: z.number().int().min(1).optional(),
});

export const evidenceSchema = z.object({
  url: z.string(),
  via: z.enum(['index', 'link', 'title', 'slug', 'manual', 'content']),
  text: z.string(),
  from: z.string().optional(),
  fileType: z.string().optional(),
  year: z.number().int().optional(),
  reason: reasonSchema.optional(),
  /** The landing page that listed this document. */
  hub: z.string().optional(),
  /** The item under whose menu or row the evidence was filed, when it is another item's. */
  filedUnder: z.string().optional(),
});

export const problemSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  detail: z.string(),
  detailEn: z.string().optional(),
  url: z.string().optional(),
});

export const itemResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  subIndicator: z.string(),
  outcome,
  /** ITA points this item is worth (0 when the pack does not know the year's weights). */
  weight: z.number(),
  /** How sure the domain notes are of the item's name and criterion (L items are flagged). */
  confidence: z.enum(['H', 'M', 'L']).optional(),
  /** The FY2562 item(s) or "<pack>:<item>" it corresponds to: `compare` lines years up with it. */
  mapsTo: z.array(z.string()).optional(),
  evidence: z.array(evidenceSchema),
  problems: z.array(problemSchema),
  /** Why, in a few words (every outcome carries one from reports of this version on). */
  reason: reasonSchema.optional(),
});

export const crawlSummarySchema = z.object({
  pagesFetched: z.number().int().min(0),
  documentsSeen: z.number().int().min(0),
  skipped: z.number().int().min(0),
  errors: z.number().int().min(0),
  limitReached: z.boolean(),
  /** Evidence documents and off-site links fetched during verification. */
  resourcesChecked: z.number().int().min(0).optional(),
  peakInFlight: z.number().int().min(0).optional(),
  robots: z.object({ found: z.boolean(), obeyed: z.boolean(), disallowed: z.number().int() }).optional(),
  /** The crawl problems (capped), for people who fix the site. */
  problems: z
    .array(
      z.object({ url: z.string(), code: z.string(), status: z.number().optional(), message: z.string() }),
    )
    .optional(),
});

export const surveyRecordSchema = z.object({
  level: z.enum(['tool', 'indicator', 'question']),
  iit: score,
  eit: score,
  indicators: z.record(z.string(), score).optional(),
  questions: z.record(z.string(), score).optional(),
  year: z.number().int().optional(),
});

export const measureRowSchema = z.object({
  /** The OIT item ("O12"), indicator ("IND7") or question ("I14") the row is about. */
  target: z.string(),
  band: z.enum(['urgent', 'improve']),
  issue: z.string(),
  measure: z.string(),
  steps: z.array(z.string()),
  responsible: z.string(),
  quarters: z.array(z.number().int().min(1).max(4)),
  monitoring: z.string(),
  reporting: z.string(),
  itaGain: z.number().optional(),
  /** What the row is about (additions of the measures draft; all optional). */
  kind: z.enum(['item', 'indicator', 'question', 'sub-question']).optional(),
  /** The item name, indicator name or question text (Thai). */
  name: z.string().optional(),
  /** The survey score entered (questions, indicators, sub-questions). */
  score: z.number().min(0).max(100).optional(),
  /** The item's outcome (OIT rows). */
  outcome: outcome.optional(),
  /** The indicator (1–10) the row belongs to. */
  indicator: z.number().int().optional(),
  /** The template's general statement of the weakness. */
  finding: z.string().optional(),
});

export const auditReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('oit-audit'), version: z.string() }),
  ruleset: z.object({
    id: z.string(),
    year: z.number().int(),
    items: z.number().int(),
    /** Additions of issue 10 (all optional): which list, how sure, how it was chosen. */
    name: z.string().optional(),
    family: z.enum(['nacc', 'moph']).optional(),
    confidence: z
      .object({
        items: z.enum(['H', 'M', 'L']),
        structure: z.enum(['H', 'M', 'L']),
        weights: z.enum(['H', 'M', 'L']).nullable(),
        rating: z.enum(['H', 'M', 'L']).nullable(),
      })
      .optional(),
    /** False when the year's tool weights are unknown: no ITA total or rating is given. */
    weightsKnown: z.boolean().optional(),
    lowConfidenceItems: z.array(z.string()).optional(),
    selection: z
      .object({ mode: z.enum(['auto', 'forced', 'custom']), reason: z.string(), reasonEn: z.string() })
      .optional(),
    /** The site's ITA index page and the numbering it uses, when one was seen. */
    siteNumbering: z
      .object({
        url: z.string(),
        family: z.enum(['nacc', 'moph', 'moph-eb']),
        year: z.number().int().nullable(),
        codes: z.number().int(),
        maxCode: z.number().int(),
      })
      .nullable()
      .optional(),
    /** The site numbers its items another way than the pack (also in runWarnings). */
    mismatch: z.object({ th: z.string(), en: z.string() }).optional(),
  }),
  site: z.object({ url: z.string(), finalUrl: z.string() }),
  /** The assessed fiscal year, BE. */
  assessmentYear: z.number().int(),
  /**
   * How the year was chosen: `option` = given by the user (flag, config, CSV, panel);
   * `default` = today's fiscal year from the clock (it moves on 1 October). Absent in old reports.
   */
  assessmentYearSource: z.enum(['option', 'default']).optional(),
  startedAt: z.string(),
  durationMs: z.number().min(0),
  environment: z.enum(['cli', 'extension']),
  crawl: crawlSummarySchema,
  items: z.array(itemResultSchema),
  oit: z.object({
    score,
    /** The OIT if every `review` item passed. */
    upperBound: score,
    indicators: z.array(
      z.object({
        id: z.number().int(),
        score,
        subIndicators: z.array(
          z.object({ id: z.string(), score, passed: z.number().int(), total: z.number().int() }),
        ),
      }),
    ),
  }),
  survey: surveyRecordSchema.nullable(),
  ita: z
    .object({
      iit: score,
      eit: score,
      oit: score,
      score,
      rating: z.string(),
      upperBound: z.object({ score, rating: z.string() }),
    })
    .nullable(),
  priorities: z.array(z.object({ id: z.string(), itaGain: z.number(), outcome })),
  measures: z.array(measureRowSchema),
  runWarnings: z.array(z.string()),
});

export type AuditReport = z.infer<typeof auditReportSchema>;
export type ItemResult = z.infer<typeof itemResultSchema>;
export type ReasonRecord = z.infer<typeof reasonSchema>;
export type EvidenceRecord = z.infer<typeof evidenceSchema>;
export type ProblemRecord = z.infer<typeof problemSchema>;
export type SurveyRecord = z.infer<typeof surveyRecordSchema>;
export type MeasureRow = z.infer<typeof measureRowSchema>;
