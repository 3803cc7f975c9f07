import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftMeasures, measuresDocumentSchema } from '../../../../src/core/measures';
import type { AuditReport } from '../../../../src/core/report/schema';
import { getRulePack } from '../../../../src/core/rules/registry';
import expectations from '../../../e2e/expectations/agency-gaps.json';
import fixture from '../../../fixtures/seed-002-survey.json';
import { auditSite } from '../../../helpers/audit-site';
import type { SiteServer } from '../../../helpers/site-server';

const pack = getRulePack('ita-2562')!;
const notPassed = Object.entries(expectations.items as Record<string, { outcome: string }>)
  .filter(([, v]) => v.outcome !== 'pass')
  .map(([id]) => id);

describe('draftMeasures — an audit of agency-gaps', () => {
  let report: AuditReport;
  let server: SiteServer;
  beforeAll(async () => {
    // The survey of seed 002 at question level, so the draft has both kinds of rows.
    ({ report, server } = await auditSite('agency-gaps', {
      survey: { questions: fixture.survey.questions },
    }));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('gives one row per item that is not passed (15), from the rule pack templates', () => {
    expect(notPassed).toHaveLength(15);
    const doc = draftMeasures(report, pack);
    const itemRows = doc.rows.filter((r) => r.kind === 'item');
    expect(itemRows.map((r) => r.target).sort()).toEqual([...notPassed].sort());
    for (const row of itemRows) {
      const template = pack.itemById.get(row.target)?.measure;
      expect(row.measure).toBe(template?.measure);
      expect(row.responsible).toBe(template?.responsible);
      expect(row.quarters).toEqual(template?.quarters);
      expect(row.band).toBe('urgent');
      expect(row.itaGain).toBeCloseTo(report.items.find((i) => i.id === row.target)?.weight ?? -1, 10);
    }
    expect(doc.oitItems).toEqual({ total: 48, notPassed: 15 });
  });

  it('carries the problem found in the issue and puts its fix first', () => {
    const doc = draftMeasures(report, pack);
    const o12 = doc.rows.find((r) => r.target === 'O12');
    expect(o12?.issue).toBe(
      'O12 รายงานผลการดำเนินงานประจำปี (ไม่ผ่าน: ข้อมูลไม่เป็นปีงบประมาณที่กำหนด — พบปีงบประมาณ 2565 ต้องเป็นปี 2567)',
    );
    expect(o12?.steps[0]).toContain('ปีงบประมาณที่เกณฑ์กำหนด');
    expect(o12?.steps.slice(1)).toEqual(pack.itemById.get('O12')?.measure.steps);
    const o20 = doc.rows.find((r) => r.target === 'O20');
    expect(o20?.issue).toContain('ต้องตรวจสอบ');
    expect(doc.notes.join(' ')).toContain('O20');
  });

  it('adds the survey rows and orders everything by ITA gain', () => {
    const doc = draftMeasures(report, pack);
    const survey = doc.rows.filter((r) => r.kind !== 'item');
    expect(new Set(survey.filter((r) => r.band === 'urgent').map((r) => r.target))).toEqual(
      new Set(['I7', 'I14', 'E6', 'E12', 'E14']),
    );
    expect(survey).toHaveLength(5 + 17);
    const gains = doc.rows.map((r) => r.itaGain as number);
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThanOrEqual(gains[i - 1] as number);
    // A 10.x item (1.25 or 1.43 ITA points) outranks any survey question here.
    expect(doc.rows[0]?.kind).toBe('item');
  });

  it('projects OIT 100 and the ITA as before plus every row', () => {
    const doc = draftMeasures(report, pack);
    const { before, projected } = doc.scores;
    expect(before.oit).toBeCloseTo(report.oit.score, 10);
    expect(before.ita).toBeCloseTo(report.ita?.score ?? -1, 10);
    expect(projected.oit).toBe(100);
    const sum = doc.rows.reduce((a, r) => a + (r.itaGain ?? 0), 0);
    expect((projected.ita as number) - (before.ita as number)).toBeCloseTo(sum, 9);
  });

  it('is for the assessed year + 1 by default, with the agency name and date given', () => {
    const doc = draftMeasures(report, pack, {
      agencyName: '  สำนักงานตัวอย่าง ',
      date: new Date('2025-11-20T03:00:00Z'),
    });
    expect(doc.fiscalYear).toBe(2569);
    expect(doc.resultsYear).toBe(2568);
    expect(doc.agencyName).toBe('สำนักงานตัวอย่าง');
    expect(doc.date).toBe('2025-11-20T03:00:00.000Z');
    expect(doc.site).toBe(report.site.finalUrl);
    expect(draftMeasures(report, pack, { fiscalYear: 2570 }).fiscalYear).toBe(2570);
    expect(measuresDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('without a survey: only the OIT rows, no ITA, and a note saying so', () => {
    const doc = draftMeasures({ ...report, survey: null, ita: null }, pack);
    expect(doc.rows).toHaveLength(15);
    expect(doc.scores.before.ita).toBeNull();
    expect(doc.scores.projected.ita).toBeNull();
    expect(doc.notes.join(' ')).toContain('ไม่มีคะแนน IIT/EIT');
  });
});
