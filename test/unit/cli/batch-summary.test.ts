import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  renderBatchIndex,
  renderSummaryCsv,
  rowFromError,
  rowFromReport,
} from '../../../src/cli/reporters/batch-summary';
import { parseCsv } from '../../../src/core/report/csv';
import { fixtureReport, pack } from '../core/report/report-fixture';

const evil = { id: 'a1', name: '<img src=x onerror=alert(1)> "กรม" & \'กอง\'', url: 'javascript:alert(1)' };

describe('batch summary', () => {
  const report = fixtureReport({
    O5: { outcome: 'fail' },
    O20: { outcome: 'review' },
    O24: { outcome: 'error' },
  });
  const rows = [
    rowFromReport(
      { id: 'moph', name: 'สำนักงาน, ปลัด', url: 'https://www.moph.go.th/' },
      report,
      1234.4,
      'moph.json',
    ),
    rowFromError(evil, 'site unreachable: <b>ECONNREFUSED</b>', 50),
  ];

  it('summarises a report: OIT, sub-indicators, counts, pages, duration', () => {
    expect(rows[0]).toMatchObject({
      status: 'done',
      oit: 100,
      missing: 1,
      review: 1,
      couldNotCheck: 1,
      passed: 45,
      pages: report.crawl.pagesFetched,
      durationMs: 1234,
      report: 'moph.json',
      error: null,
    });
    expect(Object.keys(rows[0]!.subIndicators)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
  });

  it('writes summary.csv with one row per agency and the seven sub-indicators', () => {
    const csv = parseCsv(renderSummaryCsv(rows, pack)).map((r) => r.fields);
    expect(csv[0]).toEqual([
      'agency_id',
      'name',
      'url',
      'year',
      'status',
      'oit',
      'oit_upper_bound',
      'sub_9_1',
      'sub_9_2',
      'sub_9_3',
      'sub_9_4',
      'sub_9_5',
      'sub_10_1',
      'sub_10_2',
      'passed',
      'missing',
      'review',
      'could_not_check',
      'pages',
      'duration_ms',
      'report',
      'error',
    ]);
    expect(csv).toHaveLength(3);
    expect(csv[1]?.slice(0, 2)).toEqual(['moph', 'สำนักงาน, ปลัด']);
    expect(csv[2]?.[4]).toBe('error');
    expect(csv[2]?.[21]).toBe('site unreachable: <b>ECONNREFUSED</b>');
  });

  it('index.html escapes every agency string, links reports, and allows only its own script', () => {
    const html = renderBatchIndex(rows, pack, { generatedAt: '2025-04-15T03:00:00Z', lang: 'th' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<a href="moph.json">JSON</a>');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
