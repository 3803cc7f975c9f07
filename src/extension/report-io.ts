import { scoreSection, surveyRecord } from '../core/report/build-report';
import type { Lang } from '../core/report/labels';
import { type AuditReport, auditReportSchema, type SurveyRecord } from '../core/report/schema';
import { getRulePack } from '../core/rules/registry';
import type { SurveyInput } from '../core/score/survey';
import type { Outcome } from '../core/types';
import type { ManualEvidence } from './storage';

export type ImportResult = { ok: true; report: AuditReport } | { ok: false; error: string; errorEn: string };

/**
 * Reads a report file (the CLI's `--format json` or an export of the panel) and validates it
 * against the report schema; the error says in Thai and English what is wrong and where.
 */
export function parseReportJson(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `ไฟล์นี้ไม่ใช่ JSON: ${(e as Error).message}`,
      errorEn: `This file is not JSON: ${(e as Error).message}`,
    };
  }
  const parsed = auditReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    return {
      ok: false,
      error: `ไฟล์นี้ไม่ใช่รายงาน oit-audit ที่ถูกต้อง (ช่อง ${where}: ${issue?.message ?? 'invalid'})`,
      errorEn: `This file is not a valid oit-audit report (field ${where}: ${issue?.message ?? 'invalid'})`,
    };
  }
  return { ok: true, report: parsed.data };
}

/** The report as the CLI writes it (`--format json`). */
export function reportToJson(report: AuditReport): string {
  return `${JSON.stringify(auditReportSchema.parse(report), null, 2)}\n`;
}

/** `oit-audit-<host>-<yyyy-mm-dd>.<ext>` for downloads. */
export function reportFileName(report: AuditReport, ext: 'json' | 'html' | 'docx' | 'md'): string {
  let host = 'site';
  try {
    host = new URL(report.site.finalUrl || report.site.url).host.replace(/[^a-z0-9.-]+/gi, '-');
  } catch {
    // keep the placeholder
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(report.startedAt)?.[0] ?? 'report';
  return `oit-audit-${host}-${date}.${ext}`;
}

/** The evidence people chose by hand, as it travels inside a report (`via: "manual"`). */
export function manualEvidenceOf(report: AuditReport): ManualEvidence {
  const out: ManualEvidence = {};
  for (const item of report.items) {
    const urls = item.evidence.filter((e) => e.via === 'manual').map((e) => e.url);
    if (urls.length > 0) out[item.id] = [...new Set(urls)];
  }
  return out;
}

/** The survey input a report was scored with, at the level it was entered. */
export function surveyInputOf(record: SurveyRecord): SurveyInput {
  const year = record.year !== undefined ? { year: record.year } : {};
  if (record.level === 'question' && record.questions) return { ...year, questions: record.questions };
  if (record.level === 'indicator' && record.indicators) return { ...year, indicators: record.indicators };
  return { ...year, iit: record.iit, eit: record.eit };
}

/**
 * The report re-scored with other survey input (or none), without re-crawling: OIT, the ITA
 * projection and the priorities come from the items' outcomes through the core's scoreSection.
 * Throws when the report's rule pack is not bundled or the survey cannot be resolved.
 */
export function applySurvey(report: AuditReport, survey: SurveyInput | null): AuditReport {
  const pack = getRulePack(report.ruleset.id);
  if (!pack) throw new Error(`rule pack "${report.ruleset.id}" is not bundled with this version`);
  const outcomes: Record<string, Outcome> = {};
  for (const item of report.items) outcomes[item.id] = item.outcome;
  const record = surveyRecord(pack, survey);
  return auditReportSchema.parse({ ...report, ...scoreSection(pack, outcomes, record), survey: record });
}

/**
 * The same self-contained HTML report as `oit-audit audit --format html` (no scripts; every
 * site string escaped by React). Loaded on demand: react-dom/server is only needed to export.
 */
export async function reportToHtml(report: AuditReport, lang: Lang): Promise<string> {
  const pack = getRulePack(report.ruleset.id);
  if (!pack) throw new Error(`rule pack "${report.ruleset.id}" is not bundled with this version`);
  const { renderHtmlReport } = await import('../ui/render-html-report');
  return renderHtmlReport(report, pack, lang);
}

/**
 * The measures draft of a report, as the CLI's `oit-audit measures` writes it: a Word file (the
 * docx library runs in the browser) or Markdown. Loaded on demand: the panel rarely needs it.
 */
export async function measuresOf(report: AuditReport, format: 'docx' | 'md'): Promise<Uint8Array | string> {
  const pack = getRulePack(report.ruleset.id);
  if (!pack) throw new Error(`rule pack "${report.ruleset.id}" is not bundled with this version`);
  const { draftMeasures, renderMeasuresDocx, renderMeasuresMarkdown } = await import('../core/measures');
  const doc = draftMeasures(report, pack, { date: new Date() });
  return format === 'docx' ? renderMeasuresDocx(doc) : renderMeasuresMarkdown(doc);
}
