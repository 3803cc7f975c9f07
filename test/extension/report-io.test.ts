import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AuditReport, auditReportSchema } from '../../src/core/report/schema';
import {
  applySurvey,
  manualEvidenceOf,
  parseReportJson,
  reportFileName,
  reportToHtml,
  reportToJson,
  surveyInputOf,
} from '../../src/extension/report-io';

const goldenText = readFileSync(join(import.meta.dirname, '../golden/agency-complete.report.json'), 'utf8');
const golden = JSON.parse(goldenText) as AuditReport;

/** The golden report with a few items failing and one with manual evidence. */
function withGaps(): AuditReport {
  const r = structuredClone(golden);
  for (const item of r.items) {
    if (item.id === 'O5') {
      item.outcome = 'fail';
      item.evidence = [{ url: 'http://agency.test/contact/', via: 'manual', text: 'manual' }];
    }
    if (item.id === 'O20') item.outcome = 'review';
    if (item.id === 'O41') item.outcome = 'fail';
  }
  return applySurvey(r, null);
}

describe('import and export of reports', () => {
  it('imports a report written by the CLI', () => {
    const result = parseReportJson(goldenText);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report.environment).toBe('cli');
  });

  it('exports JSON that validates against the report schema and imports back unchanged', () => {
    const report = { ...withGaps(), environment: 'extension' as const };
    const text = reportToJson(report);
    expect(auditReportSchema.safeParse(JSON.parse(text)).success).toBe(true);
    const back = parseReportJson(text);
    expect(back.ok && back.report).toEqual(report);
  });

  it('refuses non-JSON and JSON that is not a report, saying where in Thai and English', () => {
    const notJson = parseReportJson('<html>');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toContain('ไม่ใช่ JSON');
    const broken = parseReportJson(JSON.stringify({ ...golden, items: [{ id: 'O1' }] }));
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error).toContain('ไม่ใช่รายงาน oit-audit');
      expect(broken.error).toContain('items.0');
      expect(broken.errorEn).toContain('items.0');
    }
    const otherVersion = parseReportJson(JSON.stringify({ ...golden, schemaVersion: 2 }));
    expect(otherVersion.ok).toBe(false);
  });

  it('names files after the host and the date', () => {
    expect(reportFileName(golden, 'json')).toMatch(/^oit-audit-agency\.test-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('carries manual evidence inside the report', () => {
    expect(manualEvidenceOf(withGaps())).toEqual({ O5: ['http://agency.test/contact/'] });
  });

  it('renders the HTML export with the site text escaped', async () => {
    const r = withGaps();
    r.items[0]!.evidence = [
      { url: 'http://agency.test/x', via: 'link', text: '<img src=x onerror=alert(1)>' },
    ];
    const html = await reportToHtml(r, 'th');
    expect(html).toContain('ผลการตรวจ OIT');
    expect(html).not.toContain('<img src=x');
  });
});

describe('re-scoring with survey input (no re-crawl)', () => {
  it('projects the ITA and its rating from tool scores, with the upper bound for review items', () => {
    const base = withGaps();
    expect(base.ita).toBeNull();
    const scored = applySurvey(base, { iit: 90, eit: 80 });
    expect(scored.survey).toMatchObject({ level: 'tool', iit: 90, eit: 80 });
    expect(scored.ita).not.toBeNull();
    const expected = 0.3 * 90 + 0.3 * 80 + 0.4 * scored.oit.score;
    expect(scored.ita!.score).toBeCloseTo(expected, 6);
    expect(scored.ita!.upperBound.score).toBeGreaterThan(scored.ita!.score);
    expect(scored.oit.score).toBe(base.oit.score);
    expect(scored.priorities.map((p) => p.id)).toEqual(base.priorities.map((p) => p.id));
    expect(auditReportSchema.safeParse(scored).success).toBe(true);
  });

  it('accepts indicator and question levels and gives the input back at its level', () => {
    const indicators = { '1': 90, '2': 90, '3': 90, '4': 90, '5': 90, '6': 70, '7': 80, '8': 90 };
    const byIndicator = applySurvey(withGaps(), { indicators });
    expect(byIndicator.ita?.iit).toBe(90);
    expect(byIndicator.ita?.eit).toBeCloseTo(80, 6);
    expect(surveyInputOf(byIndicator.survey!)).toEqual({ indicators });
    const questions: Record<string, number> = {};
    for (let i = 1; i <= 30; i++) questions[`I${i}`] = 100;
    for (let i = 1; i <= 15; i++) questions[`E${i}`] = 50;
    const byQuestion = applySurvey(withGaps(), { questions });
    expect(byQuestion.ita?.iit).toBe(100);
    expect(byQuestion.ita?.eit).toBe(50);
    expect(surveyInputOf(byQuestion.survey!)).toEqual({ questions });
    expect(applySurvey(byQuestion, null).ita).toBeNull();
  });
});
