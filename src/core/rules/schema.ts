import * as z from 'zod';
import { regexSourceSchema as regexSource } from '../regex-source';

/**
 * Zod schemas of a rule pack (rules/<pack>/ruleset.json and items/O<n>.json).
 * Rule packs are data; these schemas are the only place their shape is defined.
 */

const localText = z.object({ th: z.string().min(1), en: z.string().min(1).optional() }).strict();

/** How fresh the evidence must be, relative to the assessed fiscal year (DESIGN.md §3.5). */
export const freshnessSchema = z.enum(['none', 'current-fy', 'first-half', 'previous-fy']);

/** What kind of thing the evidence is. */
export const evidenceKindSchema = z.enum([
  'page', // an HTML page with the content
  'document', // a PDF/DOC/XLS file (or a page that links one)
  'page-or-document',
  'channel', // something interactive: a form, a web board, a chat
  'off-site-link', // a link from the site to an account elsewhere (O9)
]);

/**
 * One required element (e.g. O5's phone number). It is present when any matcher matches.
 * `text` patterns run on normalised text (DESIGN.md §5); `feature` names a fact the extractor
 * records about a page (a form, an embedded map, a mailto: link...).
 */
export const elementMatcherSchema = z.union([
  z.object({ text: regexSource }).strict(),
  z.object({ feature: z.enum(['form', 'map', 'email-link', 'tel-link', 'image', 'iframe']) }).strict(),
]);

export const requiredElementSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id'),
    label: localText,
    anyOf: z.array(elementMatcherSchema).min(1),
  })
  .strict();

/** A measure template (DESIGN.md §6) used when the item is not passed. */
export const measureTemplateSchema = z
  .object({
    issue: z.string().min(1),
    measure: z.string().min(1),
    steps: z.array(z.string().min(1)).min(1),
    responsible: z.string().min(1),
    quarters: z.array(z.number().int().min(1).max(4)).min(1),
    monitoring: z.string().min(1),
    reporting: z.string().min(1),
  })
  .strict();

/**
 * A concept the evidence must talk about: any one of its phrases found in the target's own
 * text (title, headings, main text, document text; never menus and footers). Phrases are
 * compared after `matchKey` (DESIGN.md §5: normalised, lower case, no whitespace), as
 * substrings, so they are written as evaluators read them, Thai first.
 */
export const conceptSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id'),
    label: localText,
    anyOf: z.array(z.string().min(2)).min(1),
  })
  .strict();

/**
 * What the evidence of an item must say (issue 9: read the target, decide like an evaluator).
 * Every concept group must be found; a `negative` concept found in the target's head (title,
 * headings, first lines) without the item's own concepts there marks a look-alike; `report`
 * items also need one of the ruleset's `reportMarkers` (results, not the plan reported on).
 */
export const contentSignalsSchema = z
  .object({
    concepts: z.array(conceptSchema).min(1),
    negative: z.array(conceptSchema).default([]),
    report: z.boolean().default(false),
  })
  .strict();

/**
 * Item ids: the code form of the pack's list ("O7" for NACC lists, "MOIT12" for the MOPH list,
 * "EB3" for the MOPH evidence-based form of 2563–2564).
 */
export const itemIdSchema = z
  .string()
  .regex(/^(O|MOIT|EB)[1-9][0-9]?$/, 'an item id such as "O7", "MOIT12" or "EB3"');

/** How sure the domain notes are (oit-criteria.md §0): H stated or reproduced, M neighbouring year, L inferred. */
export const confidenceSchema = z.enum(['H', 'M', 'L']);

/**
 * What an item corresponds to in another list: a FY2562 item ("O10"), or an item of another
 * pack ("ita-2563:O42") when FY2562 has no counterpart. Year-over-year comparison lines items
 * up through these keys.
 */
export const mapsToSchema = z
  .string()
  .regex(
    /^(O[1-9][0-9]?|[a-z0-9-]+:(O|MOIT|EB)[1-9][0-9]?)$/,
    'a FY2562 item ("O10") or "<pack>:<item>" ("ita-2563:O42")',
  );

export const ruleItemSchema = z
  .object({
    id: itemIdSchema,
    /** Exact Thai name of the criterion as in the NACC list. */
    name: localText,
    /** The sub-indicator ("9.1"; a MOIT indicator without sub-indicators uses its number, "4"). */
    subIndicator: z
      .string()
      .regex(/^[1-9][0-9]?(\.[1-9][0-9]?)?$/, 'a sub-indicator id such as "9.1" or "4"'),
    /** Confidence of the item's name and criterion; absent = the ruleset's `confidence.items`. */
    confidence: confidenceSchema.optional(),
    /** The FY2562 item(s) this item corresponds to (see `mapsToSchema`); `[]` = nothing before it. */
    mapsTo: z.array(mapsToSchema).optional(),
    /** The "ประเด็น" group inside the sub-indicator, as shown on agency menus. */
    topic: localText.optional(),
    /** What the evidence must show, in plain words. */
    description: localText,
    evidenceKind: evidenceKindSchema,
    /** Labels and synonyms matched against link text, titles and headings (normalised, substring). */
    keywords: z.object({ th: z.array(z.string().min(2)).min(1), en: z.array(z.string().min(2)) }).strict(),
    /** Phrases that mean the candidate is something else (e.g. a survey form for O16). */
    excludeKeywords: z.array(z.string().min(2)).default([]),
    /** Fragments of URL paths (lower case, Thai marks stripped when compared). */
    slugHints: z.array(z.string().min(2)).default([]),
    requiredElements: z.array(requiredElementSchema).default([]),
    freshness: freshnessSchema,
    /** Kinds (keys of ruleset.offSiteKinds) of other hosts accepted as evidence. */
    offSiteKinds: z.array(z.string()).default([]),
    measure: measureTemplateSchema,
    /** What the target must talk about; absent in older packs (then only links and titles decide). */
    content: contentSignalsSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export const bandSchema = z.object({ rating: z.string().min(1), min: z.number().min(0).max(100) }).strict();

const subIndicatorSchema = z
  .object({
    id: z.string(),
    name: localText,
    items: z.array(itemIdSchema).min(1),
  })
  .strict();

const indicatorSchema = z
  .object({
    id: z.number().int().min(1),
    name: localText,
    /** Survey question codes (I1..I30, E1..E15) for IIT/EIT indicators. */
    questions: z.array(z.string().regex(/^[IE][0-9]+$/)).default([]),
    subIndicators: z.array(subIndicatorSchema).default([]),
    /** Measure template for a survey indicator entered below the improve threshold. */
    measure: measureTemplateSchema.optional(),
  })
  .strict();

/**
 * Text of one survey question (I1–I30, E1–E15) and, where the indicator's template is too
 * general, a measure template of its own (DESIGN.md §6). Used by the measures draft.
 */
export const surveyQuestionSchema = z
  .object({
    text: localText,
    measure: measureTemplateSchema.optional(),
  })
  .strict();

const toolSchema = z
  .object({
    id: z.enum(['IIT', 'EIT', 'OIT']),
    name: localText,
    /** Percent of the ITA total (IIT 30, EIT 30, OIT 40); null when the year's weights are not known. */
    weight: z.number().positive().nullable(),
    indicators: z.array(z.number().int()).min(1),
  })
  .strict();

export const rulesetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The ITA assessment year in BE (2562 for the FY2562 rule set). */
    year: z.number().int().min(2500),
    name: localText,
    /** Who assesses with this list: the NACC (ITAS) or the Ministry of Public Health (MOIT). */
    family: z.enum(['nacc', 'moph']).default('nacc'),
    /** How item codes are written on agency pages: prefixes before the number ("O", "OIT", "MOIT"). */
    codeForms: z
      .array(z.string().regex(/^[A-Za-z]+$/))
      .min(1)
      .default(['O', 'OIT']),
    /** How sure the domain notes are about this pack's items, structure, weights and rating. */
    confidence: z
      .object({
        items: confidenceSchema,
        structure: confidenceSchema,
        weights: confidenceSchema.nullable(),
        rating: confidenceSchema.nullable(),
      })
      .strict()
      .default({ items: 'H', structure: 'H', weights: 'H', rating: 'H' }),
    tools: z.array(toolSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Letter bands (AA–F, up to FY2565), any order; a score gets the band with the highest `min` not above it. */
    bands: z.array(bandSchema).default([]),
    /**
     * Levels (from FY2566): highest first that the score reaches, provided every rating part
     * reaches `partsMin` ("ผ่านดี" needs IIT, EIT part 1, EIT part 2 and OIT each ≥ 85).
     */
    levels: z
      .array(
        z
          .object({
            rating: z.string().min(1),
            en: z.string().optional(),
            min: z.number().min(0).max(100),
            partsMin: z.number().min(0).max(100).optional(),
          })
          .strict(),
      )
      .default([]),
    /** The tool scores a level checks: IIT, EIT part 1, EIT part 2, OIT as indicator groups. */
    ratingParts: z
      .array(
        z
          .object({
            id: z.string().min(1),
            tool: z.enum(['IIT', 'EIT', 'OIT']),
            indicators: z.array(z.number().int()).min(1),
          })
          .strict(),
      )
      .default([]),
    /** Host suffixes per off-site kind, e.g. {"social-network": ["facebook.com", ...]}. */
    offSiteKinds: z.record(z.string(), z.array(z.string().min(3))),
    /**
     * Other ITA years whose item codes mean the same items as this pack, up to an item number
     * (FY2563–2565 kept O1–O41 of FY2562). Codes on pages labelled with any other year are
     * ignored and items are matched by name only.
     */
    codeNumbering: z
      .array(z.object({ years: z.array(z.number().int()), upTo: z.number().int() }).strict())
      .default([]),
    /** Survey questions by code ("I7", "E14"): their text and optional measure templates. */
    surveyQuestions: z.record(z.string().regex(/^[IE][0-9]{1,2}$/), surveyQuestionSchema).default({}),
    /** Survey-level thresholds for measures (DESIGN.md §6). */
    measureBands: z.object({ urgentBelow: z.number(), improveBelow: z.number() }).strict(),
    /**
     * Phrases that mark a report of actions or results ("ผลการดำเนินการ", "รายงานผล"), required
     * of items whose `content.report` is true.
     */
    reportMarkers: z.array(z.string().min(2)).default([]),
    notes: z.string().optional(),
  })
  .strict();

export type RuleItem = z.infer<typeof ruleItemSchema>;
export type RulesetFile = z.infer<typeof rulesetSchema>;
export type Freshness = z.infer<typeof freshnessSchema>;
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
export type RequiredElement = z.infer<typeof requiredElementSchema>;
export type MeasureTemplate = z.infer<typeof measureTemplateSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type ContentSignals = z.infer<typeof contentSignalsSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
