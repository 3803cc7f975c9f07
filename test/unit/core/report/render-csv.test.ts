import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/core/report/csv';
import { ITEM_CSV_COLUMNS, renderCsv } from '../../../../src/core/report/render-csv';
import { fixtureReport } from './report-fixture';

describe('renderCsv', () => {
  it('writes a BOM, a header and one row per item that parse back', () => {
    const report = fixtureReport({
      O5: { outcome: 'fail', problems: [{ code: 'missing-element', detail: 'ขาด: แผนที่, "พิกัด"\nบรรทัดสอง' }] },
      O9: { outcome: 'fail', problems: [{ code: 'not-found', detail: '=cmd|calc' }] },
    });
    const text = renderCsv(report, 'th');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text).map((r) => r.fields);
    expect(rows[0]).toEqual([...ITEM_CSV_COLUMNS]);
    expect(rows).toHaveLength(49);
    const o5 = rows.find((r) => r[0] === 'O5')!;
    expect(o5[3]).toBe('fail');
    expect(o5[9]).toBe('missing-element');
    expect(o5[10]).toBe('องค์ประกอบไม่ครบ: ขาด: แผนที่, "พิกัด"\nบรรทัดสอง');
    expect(Number(o5[6])).toBeCloseTo(0.4444, 4);
    expect(rows.find((r) => r[0] === 'O1')![7]).toBe('http://agency.test/about/structure.html');
  });
});
