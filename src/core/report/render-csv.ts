import { csvDocument } from './csv';
import { type Lang, outcomeLabel, problemDetail, problemLabel } from './labels';
import type { AuditReport } from './schema';

/** Column names of the item CSV (stable, English, snake_case: scripts key on them). */
export const ITEM_CSV_COLUMNS = [
  'item',
  'sub_indicator',
  'name',
  'outcome',
  'outcome_label',
  'weight',
  'ita_gain',
  'evidence_url',
  'evidence_via',
  'problem_codes',
  'reason',
  // Added by issue 10 at the end, so scripts keyed on the columns above keep working.
  'rules',
  'confidence',
  'rules_warning',
] as const;

/** One row per item, in item order, with a UTF-8 BOM so Excel reads the Thai. */
export function renderCsv(report: AuditReport, lang: Lang = 'th'): string {
  const gain = new Map(report.priorities.map((p) => [p.id, p.itaGain]));
  // A site/pack numbering mismatch is repeated on every row: any filter keeps the warning.
  const mismatch = report.ruleset.mismatch
    ? `!! ${lang === 'en' ? report.ruleset.mismatch.en : report.ruleset.mismatch.th}`
    : '';
  const rows = report.items.map((item) => {
    const ev = item.evidence[0];
    return [
      item.id,
      item.subIndicator,
      lang === 'en' ? (item.nameEn ?? item.name) : item.name,
      item.outcome,
      outcomeLabel(item.outcome, lang),
      Number(item.weight.toFixed(4)),
      Number((gain.get(item.id) ?? 0).toFixed(4)),
      ev?.url ?? '',
      ev?.via ?? '',
      item.problems.map((p) => p.code).join(' '),
      item.problems.map((p) => `${problemLabel(p.code, lang)}: ${problemDetail(p, lang)}`).join('; '),
      report.ruleset.id,
      item.confidence ?? '',
      mismatch,
    ];
  });
  return csvDocument([[...ITEM_CSV_COLUMNS], ...rows]);
}
