import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/report/render-text';
import type { AuditReport } from '../../src/core/report/schema';
import { getRulePack } from '../../src/core/rules/registry';
import { auditSite } from '../helpers/audit-site';
import type { SiteServer } from '../helpers/site-server';

interface HostileExpectations {
  crawl: {
    neverRequested: string[];
    requested: string[];
    requestCount: Record<string, number>;
    maxRequests: Record<string, number>;
    errors: Record<string, string>;
    truncated: string[];
  };
  items: Record<string, { outcome: string; problems?: string[] }>;
}

const expected: HostileExpectations = JSON.parse(
  readFileSync(join(import.meta.dirname, 'expectations', 'agency-hostile.json'), 'utf8'),
);

describe('agency-hostile: traps are bounded and reported, the audit finishes', () => {
  let report: AuditReport;
  let server: SiteServer;
  let rssBefore: number;
  let rssAfter: number;
  const pathsRequested = () => server.requests.map((r) => r.path.split('?')[0] as string);
  const count = (path: string) =>
    server.requests.filter((r) => r.path === path || r.path.split('?')[0] === path).length;

  beforeAll(async () => {
    rssBefore = process.memoryUsage().rss;
    ({ report, server } = await auditSite('agency-hostile'));
    rssAfter = process.memoryUsage().rss;
  }, 90_000);
  afterAll(() => server?.close());

  it('produces a full report with 48 items', () => {
    expect(report.items).toHaveLength(48);
    expect(report.crawl.pagesFetched).toBeGreaterThan(5);
  });

  it('never requests robots-disallowed, out-of-depth or base-resolved phantom URLs', () => {
    const paths = pathsRequested();
    for (const path of expected.crawl.neverRequested) expect(paths, path).not.toContain(path);
  });

  it('requests the pages it should, and each trap a bounded number of times', () => {
    const paths = pathsRequested();
    for (const path of expected.crawl.requested) expect(paths, path).toContain(path);
    for (const [path, n] of Object.entries(expected.crawl.requestCount)) expect(count(path), path).toBe(n);
    for (const [path, max] of Object.entries(expected.crawl.maxRequests)) {
      expect(count(path), path).toBeLessThanOrEqual(max);
    }
  });

  it('reports each trap as a crawl problem', () => {
    const problems = report.crawl.problems ?? [];
    for (const [path, code] of Object.entries(expected.crawl.errors)) {
      const found = problems.find((p) => new URL(p.url).pathname === path);
      expect(found, `${path} in ${JSON.stringify(problems)}`).toBeDefined();
      const got = found!.code === 'http-status' ? `http-${found!.status}` : found!.code;
      expect(got, path).toBe(code);
    }
    for (const path of expected.crawl.truncated) {
      expect(
        problems.some((p) => new URL(p.url).pathname === path && p.code === 'body-too-large'),
        path,
      ).toBe(true);
    }
  });

  it('warns in Thai first and lists the broken pages in the text report', () => {
    expect(report.runWarnings.some((w) => w.startsWith('robots.txt ห้ามเข้า 1 URL'))).toBe(true);
    expect(report.runWarnings.some((w) => /หน้าเปิดหรืออ่านไม่ได้ .* could not be fetched/.test(w))).toBe(true);
    const text = renderText(report, getRulePack()!, 'th');
    expect(text).toContain('หน้าที่มีปัญหาระหว่างตรวจ');
    expect(text).toMatch(/\/loop-a {2}redirect-loop/);
  });

  it('keeps memory bounded with a 50 MB response on the site', () => {
    // The body cap is 5 MB: the process must not have grown by anything near 50 MB per page.
    expect(rssAfter - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  for (const [id, want] of Object.entries(expected.items)) {
    it(`${id} → ${want.outcome}`, () => {
      const item = report.items.find((i) => i.id === id)!;
      expect(item.outcome, JSON.stringify(item)).toBe(want.outcome);
      for (const code of want.problems ?? []) expect(item.problems.map((p) => p.code)).toContain(code);
    });
  }
});
