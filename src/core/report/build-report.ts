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
  /** Warnings found outside the crawl (documents that could not be read...), already Thai — English. */
  warnings?: readonly string[];
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
        const official = scoreIta(pack, { iit: survey.iit, eit: survey.eit, oit: oit.score });
        const best = scoreIta(pack, { iit: survey.iit, eit: survey.eit, oit: upper.score });
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
  const warn = (th: string, en: string) => runWarnings.push(`${th} — ${en}`);
  if (crawl.limitReached)
    warn(
      `ถึงขีดจำกัด (สูงสุด ${options.maxPages} หน้า ลึก ${options.maxDepth} ชั้น) อาจยังไม่พบหลักฐานบางส่วน เพิ่ม --max-pages หรือ --max-depth`,
      `page or depth limit reached (max ${options.maxPages} pages, depth ${options.maxDepth}): some evidence may not have been seen`,
    );
  if (crawl.robots.disallowed > 0)
    warn(
      `robots.txt ห้ามเข้า ${crawl.robots.disallowed} URL (เว็บไซต์ของตนเองใช้ --ignore-robots ได้)`,
      `robots.txt disallowed ${crawl.robots.disallowed} URL(s)`,
    );
  if (crawl.robots.unavailable)
    warn(
      'robots.txt ตอบกลับด้วยข้อผิดพลาดของเซิร์ฟเวอร์ จึงถือว่าห้ามเข้าทั้งเว็บไซต์',
      'robots.txt answered with a server error: the site was treated as disallowed',
    );
  if (crawl.timeLimitReached)
    warn(
      `หยุดเก็บหน้าเว็บเมื่อครบเวลาที่กำหนด (--max-duration) ผลตัดสินจากหน้าที่เก็บได้ อาจยังไม่พบหลักฐานบางส่วน`,
      'the crawl stopped at the time limit (--max-duration): items were decided from the pages fetched so far, some evidence may not have been seen',
    );
  if (crawl.aborted) warn('ยกเลิกก่อนเก็บหน้าเว็บครบ', 'the audit was cancelled before the crawl finished');
  if (crawl.errors.length > 0)
    warn(
      `${crawl.errors.length} หน้าเปิดหรืออ่านไม่ได้ (ดู crawl.problems)`,
      `${crawl.errors.length} page(s) could not be fetched or read (see crawl.problems)`,
    );
  runWarnings.push(...(input.warnings ?? []));

  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'oit-audit' as const, version: TOOL_VERSION },
    ruleset: { id: pack.id, year: pack.year, items: pack.items.length },
    site: { url: crawl.startUrl, finalUrl: crawl.siteUrl },
    assessmentYear: input.fiscalYear,
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
