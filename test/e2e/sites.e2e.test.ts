import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../src/core/report/schema';
import type { AuditReport } from '../../src/core/report/schema';
import type { SiteServer } from '../helpers/site-server';
import { auditSite } from '../helpers/audit-site';

interface Expectations {
  items: Record<string, { outcome: string; problems?: string[] }>;
}

function expectations(name: string): Expectations {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'expectations', `${name}.json`), 'utf8'));
}

for (const site of ['agency-complete', 'agency-gaps']) {
  describe(`${site}: every item's expected outcome`, () => {
    let report: AuditReport;
    let server: SiteServer;
    const expected = expectations(site);
    beforeAll(async () => {
      ({ report, server } = await auditSite(site));
    }, 60_000);
    afterAll(() => server?.close());

    it('is a valid report with 48 items, evidence for passes and a reason for every non-pass', () => {
      expect(auditReportSchema.safeParse(report).success).toBe(true);
      expect(report.items).toHaveLength(48);
      for (const item of report.items) {
        if (item.outcome === 'pass') expect(item.evidence.length, item.id).toBeGreaterThan(0);
        else expect(item.problems.length, item.id).toBeGreaterThan(0);
      }
    });

    it('never contacted a host other than 127.0.0.1 and stayed within concurrency', () => {
      expect(server.peakInFlight).toBeLessThanOrEqual(4);
      expect(report.crawl.peakInFlight ?? 0).toBeLessThanOrEqual(4);
    });

    for (const [id, want] of Object.entries(expected.items)) {
      it(`${id} → ${want.outcome}${want.problems ? ` (${want.problems.join(', ')})` : ''}`, () => {
        const item = report.items.find((i) => i.id === id)!;
        const detail = JSON.stringify({ evidence: item.evidence, problems: item.problems });
        expect(item.outcome, detail).toBe(want.outcome);
        for (const code of want.problems ?? []) {
          expect(
            item.problems.map((p) => p.code),
            detail,
          ).toContain(code);
        }
      });
    }
  });
}
