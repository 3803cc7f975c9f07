import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditReport, auditReportSchema, type ProblemRecord } from '../../../../src/core/report/schema';
import { getRulePack } from '../../../../src/core/rules/registry';
import { priorities } from '../../../../src/core/score/weights';
import type { Outcome } from '../../../../src/core/types';

export const pack = getRulePack('ita-2562')!;

const golden = auditReportSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../golden/agency-complete.report.json'), 'utf8')),
);

/**
 * The golden report of agency-complete (48 items, all pass) with some items changed.
 * Priorities are recomputed from the outcomes, as buildReport does.
 */
export function fixtureReport(
  changes: Record<string, { outcome: Outcome; problems?: ProblemRecord[] }> = {},
  patch: Partial<AuditReport> = {},
): AuditReport {
  const items = golden.items.map((item) => {
    const change = changes[item.id];
    if (!change) return item;
    return {
      ...item,
      outcome: change.outcome,
      evidence: change.outcome === 'fail' ? [] : item.evidence,
      problems: change.problems ?? [
        { code: 'not-found', detail: `ไม่พบ ${item.name}`, detailEn: `no ${item.id}` },
      ],
    };
  });
  const outcomes = Object.fromEntries(items.map((i) => [i.id, i.outcome]));
  return {
    ...golden,
    items,
    priorities: priorities(pack, outcomes).map((p) => ({ id: p.id, itaGain: p.itaGain, outcome: p.outcome })),
    ...patch,
  };
}
