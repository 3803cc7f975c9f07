import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSection, surveyRecord } from '../../../src/core/report/build-report';
import { type AuditReport, auditReportSchema } from '../../../src/core/report/schema';
import { getRulePack } from '../../../src/core/rules/registry';
import type { SurveyInput } from '../../../src/core/score/survey';
import type { Outcome } from '../../../src/core/types';
import { renderHtmlReport } from '../../../src/ui/render-html-report';

const pack = getRulePack('ita-2562')!;
const golden = auditReportSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../golden/agency-complete.report.json'), 'utf8')),
);

/** The golden report with other survey input and one item failed with hostile evidence text. */
function variant(survey: SurveyInput | null): AuditReport {
  const items = golden.items.map((i) =>
    i.id === 'O5'
      ? {
          ...i,
          outcome: 'fail' as const,
          evidence: [
            { url: 'javascript:alert(1)', via: 'link' as const, text: '<img src=x onerror=alert(1)>' },
          ],
          problems: [{ code: 'missing-element', detail: '</td><script>alert(2)</script>' }],
        }
      : i,
  );
  const outcomes: Record<string, Outcome> = Object.fromEntries(items.map((i) => [i.id, i.outcome]));
  const record = surveyRecord(pack, survey);
  return auditReportSchema.parse({
    ...golden,
    items,
    ...scoreSection(pack, outcomes, record),
    survey: record,
  });
}

const axes = (html: string) => (html.match(/<line class="oit-radar-axis" data-axis="/g) ?? []).length;

describe('renderHtmlReport', () => {
  it('is one self-contained page: no scripts, no external resources, a CSP that forbids loading', () => {
    const html = renderHtmlReport(variant(null), pack);
    expect(html).toMatch(/^<!doctype html>\n<html lang="th">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link |<img |<iframe|\ssrc="|@import|url\(/i);
  });

  it('escapes site text and gives no link to a non-http URL', () => {
    const html = renderHtmlReport(variant(null), pack);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
  });

  it('without a survey: OIT bars per sub-indicator, no radar, and says why', () => {
    const html = renderHtmlReport(variant(null), pack);
    expect(html).toContain('data-testid="oit-bars"');
    expect((html.match(/data-bar="/g) ?? []).length).toBe(7);
    expect(axes(html)).toBe(0);
    expect(html).toContain('ไม่มีคะแนน IIT/EIT');
  });

  it('with IIT/EIT totals only: honest tool bars, no radar', () => {
    const html = renderHtmlReport(variant({ iit: 83.81, eit: 89.33 }), pack);
    expect(html).toContain('data-testid="tool-bars"');
    expect(axes(html)).toBe(0);
    expect(html).toContain('กรอกเป็นคะแนนรวมรายแบบวัด');
  });

  it('with the eight survey indicators: the radar chart of all ten', () => {
    const html = renderHtmlReport(
      variant({
        indicators: { 1: 90.08, 2: 84.02, 3: 80.81, 4: 80.75, 5: 83.41, 6: 94.79, 7: 88.92, 8: 84.27 },
      }),
      pack,
    );
    expect(html).toContain('data-testid="radar-chart"');
    expect(html).toContain('กราฟใยแมงมุม');
    expect(axes(html)).toBe(10);
    expect(html).toContain('8. การปรับปรุงระบบการทำงาน');
    expect(html).toContain('>84.27</tspan>');
  });

  it('with some indicators only: bars of those given', () => {
    const html = renderHtmlReport(
      variant({ indicators: { 1: 90.08, 2: 84.02, 3: 80.81, 4: 80.75, 5: 83.41 }, eit: 89.33 }),
      pack,
    );
    expect(html).toContain('data-testid="indicator-bars"');
    expect(axes(html)).toBe(0);
  });

  it('opens every item so each evidence link shows, and speaks English on request', () => {
    const html = renderHtmlReport(variant(null), pack, 'en');
    expect((html.match(/<details[^>]* open=""/g) ?? []).length).toBe(48);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('OIT by sub-indicator');
  });
});

describe('static HTML report: failures only', () => {
  it('has a scriptless switch that hides passed items and fully passed groups', async () => {
    const { renderHtmlReport } = await import('../../../src/ui/render-html-report');
    const { fixtureReport, pack } = await import('../core/report/report-fixture');
    const html = renderHtmlReport(fixtureReport({ O5: { outcome: 'fail' } }), pack, 'th');
    expect(html).toContain('<input type="checkbox" id="oit-failures-only" class="oit-toggle"/>');
    expect(html).toContain('แสดงเฉพาะข้อที่ยังไม่ผ่าน');
    expect(html).toMatch(/#oit-failures-only:checked~\.oit-items \.oit-item-pass[^{]*\{display:none\}/);
    // 9.1 has the failing O5; 9.2 passed entirely, so it hides with the switch on.
    expect(html).toMatch(/<section class="oit-group" data-testid="sub-9\.1">/);
    expect(html).toMatch(/<section class="oit-group oit-group-passed" data-testid="sub-9\.2">/);
    expect(html).not.toMatch(/<script/);
  });
});
