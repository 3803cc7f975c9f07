import { type MessageKey, msg } from '../messages';
import type { ResolvedAuditOptions } from '../audit';
import type { CrawlResult } from '../crawl/crawler';
import type { RulePack } from '../rules/load-pack';
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
      evidence: v.evidence,
      problems: v.problems,
      ...(v.reason ? { reason: v.reason } : {}),
    };
  });
  const survey = surveyRecord(pack, options.survey);
  // Run warnings are read by people: Thai first, then English, in one string each.
  const runWarnings: string[] = [];
  const warn = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    runWarnings.push(`${msg('th', key, vars)} — ${msg('en', key, vars)}`);
  if (crawl.limitReached) warn('warn_limit', { pages: options.maxPages, depth: options.maxDepth });
  if (crawl.robots.disallowed > 0) warn('warn_robots', { n: crawl.robots.disallowed });
  if (crawl.robots.unavailable) warn('warn_robotsUnavailable');
  if (crawl.aborted) warn('warn_aborted');
  if (crawl.errors.length > 0) warn('warn_pageErrors', { n: crawl.errors.length });

  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'oit-audit' as const, version: TOOL_VERSION },
    ruleset: { id: pack.id, year: pack.year, items: pack.items.length },
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
  return auditReportSchema.parse(report);
}
