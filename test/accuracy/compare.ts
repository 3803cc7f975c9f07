import type { AuditReport } from '../../src/core/report/schema';
import type { SiteLabels } from './labels';

export interface ItemComparison {
  id: string;
  expected: string;
  actual: string;
  agree: boolean;
  /** For items both sides pass: the report's evidence is among the labelled URLs. */
  evidenceAgrees?: boolean;
  actualEvidence?: string;
  reason: string;
  detail: string;
}

export interface Metrics {
  items: number;
  agreement: number;
  passPrecision: number;
  passRecall: number;
  /** Passes the labels do not give, by item id. */
  falsePasses: string[];
  /** Passes the labels give that the report missed. */
  missedPasses: string[];
  evidenceAgreement: number;
  counts: {
    truePass: number;
    reportedPass: number;
    labelledPass: number;
    bothPass: number;
    evidenceOk: number;
  };
}

/** Path and query of a URL, percent-decoded, so Thai slugs compare as written. */
export function sitePath(url: string): string {
  let path: string;
  try {
    const u = new URL(url, 'http://site.invalid');
    path = `${u.pathname}${u.search}`;
  } catch {
    path = url;
  }
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Compares a report with the labels of its site, item by item. */
export function compareWithLabels(report: AuditReport, labels: SiteLabels): ItemComparison[] {
  const rows: ItemComparison[] = [];
  for (const [id, label] of Object.entries(labels.items)) {
    const item = report.items.find((i) => i.id === id);
    const actual = item?.outcome ?? 'missing';
    const row: ItemComparison = {
      id,
      expected: label.outcome,
      actual,
      agree: actual === label.outcome,
      reason: label.reason,
      detail: item
        ? [item.reason?.en ?? '', ...item.problems.map((p) => `${p.code}: ${p.detailEn ?? p.detail}`)]
            .filter(Boolean)
            .join(' | ')
        : 'item not in the report',
    };
    const ev = item?.evidence[0];
    if (ev) row.actualEvidence = sitePath(ev.url);
    if (label.outcome === 'pass' && actual === 'pass' && label.evidence && ev) {
      const accepted = new Set(label.evidence.map(sitePath));
      row.evidenceAgrees =
        accepted.has(sitePath(ev.url)) || (ev.hub !== undefined && accepted.has(sitePath(ev.hub)));
    }
    rows.push(row);
  }
  return rows;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Agreement, precision and recall of `pass`, evidence agreement over some compared items. */
export function metricsOf(rows: readonly ItemComparison[]): Metrics {
  const reportedPass = rows.filter((r) => r.actual === 'pass');
  const labelledPass = rows.filter((r) => r.expected === 'pass');
  const truePass = reportedPass.filter((r) => r.expected === 'pass');
  const withEvidence = truePass.filter((r) => r.evidenceAgrees !== undefined);
  const evidenceOk = withEvidence.filter((r) => r.evidenceAgrees).length;
  return {
    items: rows.length,
    agreement: ratio(rows.filter((r) => r.agree).length, rows.length),
    passPrecision: ratio(truePass.length, reportedPass.length),
    passRecall: ratio(truePass.length, labelledPass.length),
    falsePasses: reportedPass.filter((r) => r.expected !== 'pass').map((r) => r.id),
    missedPasses: labelledPass.filter((r) => r.actual !== 'pass').map((r) => r.id),
    evidenceAgreement: ratio(evidenceOk, withEvidence.length),
    counts: {
      truePass: truePass.length,
      reportedPass: reportedPass.length,
      labelledPass: labelledPass.length,
      bothPass: withEvidence.length,
      evidenceOk,
    },
  };
}

/** The targets of issue 9: on every labelled site. */
export const TARGETS = { passPrecision: 0.97, passRecall: 0.9, agreement: 0.9 } as const;

export function meetsTargets(m: Metrics): boolean {
  return (
    m.passPrecision >= TARGETS.passPrecision &&
    m.passRecall >= TARGETS.passRecall &&
    m.agreement >= TARGETS.agreement
  );
}
