import type { ItemComparison, Metrics } from './compare';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line per site and a total, as the note and the README show it. */
export function metricsTable(rows: readonly { site: string; m: Metrics }[]): string {
  const head =
    '| site | items | agreement | pass precision | pass recall | evidence agreement | false passes |';
  const sep = '| --- | --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    ({ site, m }) =>
      `| ${site} | ${m.items} | ${pct(m.agreement)} | ${pct(m.passPrecision)} (${m.counts.truePass}/${m.counts.reportedPass}) | ${pct(m.passRecall)} (${m.counts.truePass}/${m.counts.labelledPass}) | ${pct(m.evidenceAgreement)} (${m.counts.evidenceOk}/${m.counts.bothPass}) | ${m.falsePasses.join(' ') || '–'} |`,
  );
  return [head, sep, ...lines].join('\n');
}

/** The items where report and labels disagree, with the label's reason and what the report said. */
export function disagreements(site: string, rows: readonly ItemComparison[]): string[] {
  return rows
    .filter((r) => !r.agree || r.evidenceAgrees === false)
    .map(
      (r) =>
        `${site} ${r.id}: label ${r.expected}, report ${r.actual}${r.evidenceAgrees === false ? ` (evidence ${r.actualEvidence})` : ''} — label: ${r.reason} — report: ${r.detail.slice(0, 300)}`,
    );
}
