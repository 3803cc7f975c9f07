import { type MessageKey, msg } from '../messages';
import type { ResolvedAuditOptions } from '../audit';
import type { CrawlResult } from '../crawl/crawler';
import { itemConfidence, type RulePack } from '../rules/load-pack';
import type { PackSelection } from '../rules/select-pack';
import { itaWeightsKnown } from '../score/ita';
import { scoreIta } from '../score/ita';
import { scoreOit } from '../score/oit';
import { resolveSurvey } from '../score/survey';
import { itemWeights, priorities } from '../score/weights';
import type { AuditEnv, Outcome } from '../types';
import type { ItemVerdict } from '../verify/verify-item';
import { TOOL_VERSION } from '../version';
import { type AuditReport, auditReportSchema, SCHEMA_VERSION, type SurveyRecord } from './schema';

export interface BuildReportInput {
  pack: RulePack;
  options: ResolvedAuditOptions;
  env: AuditEnv;
  startedAt: Date;
  fiscalYear: number;
  crawl: CrawlResult;
  verdicts: ReadonlyMap<string, ItemVerdict>;
  resourcesChecked: number;
  /** Warnings found outside the crawl (documents that could not be read...), already Thai — English. */
  warnings?: readonly string[];
  /** How the pack was chosen (absent in callers that pass a pack directly). */
  selection?: PackSelection;
}

/** The report's `ruleset` block: the pack, how sure its data is, and how it was chosen. */
export function rulesetRecord(pack: RulePack, selection?: PackSelection): AuditReport['ruleset'] {
  return {
    id: pack.id,
    year: pack.year,
    items: pack.items.length,
    name: pack.name.th,
    family: pack.family,
    confidence: pack.confidence,
    weightsKnown: itaWeightsKnown(pack),
    lowConfidenceItems: pack.items.filter((i) => itemConfidence(pack, i) === 'L').map((i) => i.id),
    ...(selection
      ? {
          selection: { mode: selection.mode, reason: selection.reason.th, reasonEn: selection.reason.en },
          siteNumbering: selection.site,
          ...(selection.mismatch ? { mismatch: selection.mismatch } : {}),
        }
      : {}),
  };
}

/**
 * Warnings every report carries about its pack: a site/pack numbering mismatch first (loud),
 * then the selection's notes, low-confidence items, unknown weights, an inferred structure.
 */
export function packWarnings(
  pack: RulePack,
  selection: PackSelection | undefined,
  hasSurvey: boolean,
): string[] {
  const out: string[] = [];
  const warn = (th: string, en: string) => out.push(`${th} — ${en}`);
  if (selection?.mismatch)
    warn(`!! ชุดเกณฑ์ไม่ตรงกับเว็บไซต์: ${selection.mismatch.th}`, `!! PACK MISMATCH: ${selection.mismatch.en}`);
  for (const w of selection?.warnings ?? []) warn(w.th, w.en);
  const low = pack.items.filter((i) => itemConfidence(pack, i) === 'L').map((i) => i.id);
  if (low.length > 0)
    warn(
      `ข้อ ${low.join(', ')} ของ ${pack.id} มีความเชื่อมั่นต่ำ (L: ชื่อหรือเกณฑ์อนุมานจากแหล่งที่อ่อน) ผลของข้อเหล่านี้ควรตรวจซ้ำด้วยคน`,
      `items ${low.join(', ')} of ${pack.id} are low-confidence (L: name or criterion inferred): check their results by hand`,
    );
  if (pack.confidence.structure === 'L')
    warn(
      `การจัดกลุ่มตัวชี้วัดย่อยของ ${pack.id} เป็นการอนุมาน (L): คะแนน OIT เป็นค่าประมาณ`,
      `the sub-indicator grouping of ${pack.id} is inferred (L): the OIT score is an estimate`,
    );
  if (!itaWeightsKnown(pack) && hasSurvey)
    warn(
      `ไม่ทราบน้ำหนักแบบวัดของ ${pack.id}: ไม่คำนวณคะแนน ITA รวมและระดับ`,
      `${pack.id} does not know the year's tool weights: no ITA total or rating is computed`,
    );
  return out;
}

/** Survey input as entered plus the IIT/EIT it resolves to, or null. */
export function surveyRecord(pack: RulePack, survey: ResolvedAuditOptions['survey']): SurveyRecord | null {
  if (!survey) return null;
  const resolved = resolveSurvey(pack, survey);
  return {
    level: resolved.level,
    iit: resolved.iit,
    eit: resolved.eit,
    ...(survey.indicators ? { indicators: survey.indicators } : {}),
    ...(survey.questions ? { questions: survey.questions } : {}),
    ...(survey.year ? { year: survey.year } : {}),
  };
}

/** Scores, ITA projection and priorities from item outcomes: shared by audits and report edits. */
export function scoreSection(pack: RulePack, outcomes: Record<string, Outcome>, survey: SurveyRecord | null) {
  const oit = scoreOit(pack, outcomes);
  const upper = scoreOit(pack, outcomes, { reviewAsPass: true });
  const ita = survey
    ? (() => {
        // The survey's indicator scores give the rating parts (EIT part 1 and 2) exactly.
        const indicators = {
          ...Object.fromEntries(Object.entries(survey.indicators ?? {}).map(([k, v]) => [Number(k), v])),
          ...Object.fromEntries(oit.indicators.map((i) => [i.id, i.score])),
        };
        const upperIndicators = {
          ...indicators,
          ...Object.fromEntries(upper.indicators.map((i) => [i.id, i.score])),
        };
        const official = scoreIta(pack, { iit: survey.iit, eit: survey.eit, oit: oit.score }, indicators);
        const best = scoreIta(pack, { iit: survey.iit, eit: survey.eit, oit: upper.score }, upperIndicators);
        if (!official || !best) return null;
        return { ...official, upperBound: { score: best.score, rating: best.rating } };
      })()
    : null;
  return {
    oit: { score: oit.score, upperBound: upper.score, indicators: oit.indicators },
    ita,
    priorities: priorities(pack, outcomes).map((p) => ({ id: p.id, itaGain: p.itaGain, outcome: p.outcome })),
  };
}

/** Assembles and validates the AuditReport (DESIGN.md §8). */
export function buildReport(input: BuildReportInput): AuditReport {
  const { pack, options, env, crawl, verdicts } = input;
  const weights = itemWeights(pack);
  const outcomes: Record<string, Outcome> = {};
  const items = pack.items.map((item) => {
    const v = verdicts.get(item.id) ?? { outcome: 'error' as const, evidence: [], problems: [] };
    outcomes[item.id] = v.outcome;
    return {
      id: item.id,
      name: item.name.th,
      ...(item.name.en ? { nameEn: item.name.en } : {}),
      subIndicator: item.subIndicator,
      outcome: v.outcome,
      weight: weights.get(item.id)?.itaPoints ?? 0,
      ...(item.confidence ? { confidence: item.confidence } : {}),
      ...(item.mapsTo ? { mapsTo: item.mapsTo } : {}),
      evidence: v.evidence,
      problems: v.problems,
      ...(v.reason ? { reason: v.reason } : {}),
    };
  });
  // A MOPH MOIT pack has no IIT/EIT: survey scores cannot be combined with it.
  const surveyFits = pack.tools.some((t) => t.id === 'IIT') && pack.tools.some((t) => t.id === 'EIT');
  const survey = surveyFits ? surveyRecord(pack, options.survey) : null;
  // Run warnings are read by people: Thai first, then English, in one string each.
  const runWarnings: string[] = packWarnings(pack, input.selection, survey !== null);
  if (options.survey && !surveyFits)
    runWarnings.push(
      `ชุดเกณฑ์ ${pack.id} ไม่มีแบบวัด IIT/EIT จึงไม่ใช้คะแนนแบบสำรวจที่กรอก — ${pack.id} has no IIT/EIT: the survey scores given were not used`,
    );
  const warn = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    runWarnings.push(`${msg('th', key, vars)} — ${msg('en', key, vars)}`);
  if (crawl.limitReached) warn('warn_limit', { pages: options.maxPages, depth: options.maxDepth });
  if (crawl.robots.disallowed > 0) warn('warn_robots', { n: crawl.robots.disallowed });
  if (crawl.robots.unavailable) warn('warn_robotsUnavailable');
  if (crawl.timeLimitReached)
    runWarnings.push(
      'หยุดเก็บหน้าเว็บเมื่อครบเวลาที่กำหนด (--max-duration) ผลตัดสินจากหน้าที่เก็บได้ อาจยังไม่พบหลักฐานบางส่วน — the crawl stopped at the time limit (--max-duration): items were decided from the pages fetched so far, some evidence may not have been seen',
    );
  if (crawl.aborted) warn('warn_aborted');
  if (crawl.errors.length > 0) warn('warn_pageErrors', { n: crawl.errors.length });
  runWarnings.push(...(input.warnings ?? []));

  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'oit-audit' as const, version: TOOL_VERSION },
    ruleset: rulesetRecord(pack, input.selection),
    site: { url: crawl.startUrl, finalUrl: crawl.siteUrl },
    assessmentYear: input.fiscalYear,
    assessmentYearSource: input.options.year !== undefined ? ('option' as const) : ('default' as const),
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.max(0, env.now().getTime() - input.startedAt.getTime()),
    environment: env.environment,
    crawl: {
      pagesFetched: crawl.pagesFetched,
      documentsSeen: crawl.documents.length,
      skipped: crawl.skipped.length,
      errors: crawl.errors.length,
      limitReached: crawl.limitReached,
      resourcesChecked: input.resourcesChecked,
      peakInFlight: crawl.peakInFlight,
      robots: { found: crawl.robots.found, obeyed: crawl.robots.obeyed, disallowed: crawl.robots.disallowed },
      problems: [...crawl.errors]
        .sort((a, b) => a.url.localeCompare(b.url) || a.code.localeCompare(b.code))
        .slice(0, 200)
        .map((e) => ({
          url: e.url,
          code: e.code,
          ...(e.status !== undefined ? { status: e.status } : {}),
          message: e.message,
        })),
    },
    items,
    ...scoreSection(pack, outcomes, survey),
    survey,
    measures: [],
    runWarnings,
  };
  // Site text is data: no control character of it (ESC, BEL...) may reach any output.
  return auditReportSchema.parse(withoutControls(report));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A deep copy of `value` with C0 controls (but tab, LF, CR), DEL and C1 removed from every string. */
export function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROL_RE, '') as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[withoutControls(k)] = withoutControls(v);
    return out as T;
  }
  return value;
}
