import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { BatchProgress, interleaveByHost } from '../../../src/cli/batch-queue';
import { batchExitCode } from '../../../src/cli/commands/batch';
import { itemStats } from '../../../src/cli/reporters/batch-items';
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
      'moph.html',
    ),
    rowFromError(evil, 'site unreachable: <b>ECONNREFUSED</b>', 50, 'unreachable'),
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
      'ita',
      'rating',
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
      'html',
      'error_kind',
      'error',
    ]);
    expect(csv).toHaveLength(3);
    expect(csv[1]?.slice(0, 2)).toEqual(['moph', 'สำนักงาน, ปลัด']);
    expect(csv[2]?.[4]).toBe('error');
    expect(csv[2]?.[25]).toBe('site unreachable: <b>ECONNREFUSED</b>');
    expect(csv[2]?.[24]).toBe('unreachable');
  });

  it('index.html escapes every agency string, links reports, and allows only its own script', () => {
    const html = renderBatchIndex(rows, pack, { generatedAt: '2025-04-15T03:00:00Z', lang: 'th' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<a href="moph.json">JSON</a>');
    expect(html).toContain('<a href="moph.html">รายงาน</a>');
    // A short Thai reason, the full message in the tooltip (escaped).
    expect(html).toContain(
      '<span class="err" title="site unreachable: &#60;b&#62;ECONNREFUSED&#60;/b&#62;">เข้าเว็บไซต์ไม่ได้</span>',
    );
    // Sub-indicator names in the headers, a Buddhist-era date in Bangkok time.
    expect(html).toContain('9.1<small>ข้อมูลพื้นฐาน</small>');
    expect(html).toContain('สร้างเมื่อ 15 เมษายน 2568 10:00 น.');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe('batch: ITA columns, item × agency view, queue, progress, exit code', () => {
  const withIta = (outcomes: Record<string, { outcome: 'pass' | 'fail' | 'review' | 'error' }>) => {
    const r = fixtureReport(outcomes);
    return {
      ...r,
      ita: {
        iit: 80,
        eit: 90,
        oit: r.oit.score,
        score: 88.5,
        rating: 'A',
        upperBound: { score: 88.5, rating: 'A' },
      },
    };
  };
  const a = rowFromReport(
    { id: 'a', name: 'A', url: 'https://a.go.th/' },
    withIta({ O5: { outcome: 'fail' }, O7: { outcome: 'fail' } }),
    1,
    'a.json',
    'a.html',
  );
  const b = rowFromReport(
    { id: 'b', name: 'B', url: 'https://b.go.th/' },
    fixtureReport({ O7: { outcome: 'fail' }, O9: { outcome: 'review' } }),
    1,
    'b.json',
    'b.html',
  );
  const down = rowFromError(
    { id: 'c', name: 'C', url: 'https://c.go.th/' },
    'site unreachable: x',
    1,
    'unreachable',
  );

  it('a row carries the ITA and rating when the report has a survey, null otherwise', () => {
    expect([a.ita, a.rating]).toEqual([88.5, 'A']);
    expect([b.ita, b.rating]).toEqual([null, null]);
    const html = renderBatchIndex([a, b, down], pack, { generatedAt: '2025-04-15T03:00:00Z', lang: 'en' });
    expect(html).toContain('<td class="n" data-v="88.5">88.50</td><td>A</td>');
  });

  it('ranks the items failing most across agencies and names the agencies behind them', () => {
    const stats = itemStats([a, b, down], pack);
    expect(stats[0]).toMatchObject({ id: 'O7', counts: { fail: 2, pass: 0 } });
    expect(stats[0]?.notPassed.map((x) => x.id)).toEqual(['a', 'b']);
    expect(stats[1]).toMatchObject({ id: 'O5', counts: { fail: 1, pass: 1 } });
    expect(stats[2]).toMatchObject({ id: 'O9', counts: { review: 1, pass: 1 } });
    // Every item is there once; the unreachable agency counts nowhere.
    expect(stats).toHaveLength(pack.items.length);
    expect(stats.at(-1)?.counts.pass).toBe(2);
    const html = renderBatchIndex([a, b, down], pack, { generatedAt: '2025-04-15T03:00:00Z', lang: 'th' });
    expect(html).toContain('<a href="a.html">A (ไม่ผ่าน)</a>, <a href="b.html">B (ไม่ผ่าน)</a>');
  });

  it('interleaves hosts round-robin, keeping the CSV order within a host', () => {
    const list = [
      'https://m.go.th/1',
      'https://m.go.th/2',
      'https://m.go.th/3',
      'https://x.go.th/',
      'https://www.m.go.th/4',
      'https://y.go.th/',
    ].map((url, i) => ({ id: String(i), url }));
    expect(interleaveByHost(list).map((x) => x.id)).toEqual(['0', '3', '5', '1', '2', '4']);
  });

  it('progress: done, running, waiting and an estimate at this run’s pace', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
      const p = new BatchProgress(10, 2);
      p.start();
      p.start();
      expect(p.status('en')).toBe('2/10 done · 2 running · 6 waiting · elapsed 0:00');
      vi.advanceTimersByTime(60_000);
      p.finish();
      // One agency a minute, seven not finished → about 7 min.
      expect(p.status('en')).toBe('3/10 done · 1 running · 6 waiting · elapsed 1:00 · about 7:00 left');
      expect(p.status('th')).toBe('เสร็จ 3/10 · กำลังตรวจ 1 · รอ 6 · ผ่านไป 1:00 · เหลือประมาณ 7:00');
    } finally {
      vi.useRealTimers();
    }
  });

  it('exit code comes from the whole batch: unreachable agencies are results unless --fail-on-unreachable', () => {
    expect(batchExitCode([a, b, down], false)).toBe(0);
    expect(batchExitCode([a, b, down], true)).toBe(3);
    expect(batchExitCode([a, b], true)).toBe(0);
    expect(batchExitCode([down], false)).toBe(3);
  });
});
