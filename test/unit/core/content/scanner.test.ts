import { describe, expect, it } from 'vitest';
import { ContentScanner } from '../../../../src/core/content/scanner';
import { MARKERS, packWithContent, SIGNALS } from './content-pack';

const scanner = new ContentScanner(packWithContent(SIGNALS, MARKERS));

describe('ContentScanner', () => {
  it('is disabled for a pack without content signals (older packs keep the old behaviour)', () => {
    expect(new ContentScanner(packWithContent({})).enabled).toBe(false);
    expect(scanner.enabled).toBe(true);
  });

  it('matches phrases across spacing and case, per zone, with a snippet around the phrase', () => {
    const d = scanner.scan({
      head: 'แผน ปฏิบัติ ราชการ ประจำปี 2568',
      body: 'กรมตัวอย่าง จัดทำแผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 เพื่อใช้เป็นกรอบการทำงาน',
    });
    const keys = d.hits.map((h) => `${h.zone} ${h.key}`);
    expect(keys).toContain('head O10:plan');
    expect(keys).toContain('body O10:plan');
    expect(keys).not.toContain('body O12:annual-report');
    const body = d.hits.find((h) => h.zone === 'body' && h.key === 'O10:plan');
    expect(body?.phrase).toBe('แผนดำเนินงาน');
    expect(body?.snippet).toContain('จัดทำแผนดำเนินงาน ประจำปีงบประมาณ');
  });

  it('counts one marker where two overlap ("รายงานผลการดำเนินงาน" is not two results phrases)', () => {
    expect(scanner.scan({ head: '', body: 'รายงานผลการดำเนินงานของหน่วยงาน' }).reportMarkers).toBe(1);
  });

  it('counts distinct report markers of the body only', () => {
    const d = scanner.scan({
      head: 'รายงานผล',
      body: 'ผลการดำเนินงาน ร้อยละ 80 ผลการดำเนินงาน',
    });
    expect(d.reportMarkers).toBe(2);
  });

  it('never takes a phrase that cuts a Thai syllable in two (no word boundaries, but whole syllables)', () => {
    // "รายงานผล" is a report marker; "รายงานผลิตภัณฑ์" (a product report) does not contain it,
    // nor does "แผนดำเนินงานี" end where "แผนดำเนินงาน" ends; "ผู้บริหาร" is really there.
    const d = scanner.scan({ head: '', body: 'รายงานผลิตภัณฑ์ชุมชน ผู้บริหารจัดการ แผนดำเนินงานี' });
    expect(d.hits.map((h) => h.key)).toEqual(['O2:executives']);
    const real = scanner.scan({ head: '', body: 'รายงานผล การดำเนินงาน' });
    expect(real.hits.map((h) => h.key)).toEqual(['@report']);
  });
});
