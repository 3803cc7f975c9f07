import { escapeHtml, escapeMarkdown } from '../report/escape';
import type { Lang } from '../report/labels';
import { formatScore } from '../score/round';
import type { ComparedItem, Comparison, ItemChange } from './compare-reports';

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

const CHANGE: Record<ItemChange, [string, string, string]> = {
  gained: ['ผ่านเพิ่ม', 'gained', '▲'],
  lost: ['ไม่ผ่านแล้ว', 'lost', '▼'],
  'still-missing': ['ยังไม่ผ่าน', 'still missing', '✗'],
  kept: ['ผ่านต่อเนื่อง', 'kept', '✓'],
  'new-item': ['ข้อใหม่', 'new item', '+'],
  'dropped-item': ['ข้อที่ไม่มีแล้ว', 'dropped item', '−'],
};

const label = (c: ItemChange, lang: Lang) => (lang === 'en' ? CHANGE[c][1] : CHANGE[c][0]);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${formatScore(n)}`;
const ids = (list: ComparedItem['older']) =>
  list.map((i) => `${i.id}${i.outcome === 'pass' ? '' : `(${i.outcome})`}`).join(' + ') || '—';
const nameOf = (c: ComparedItem) => (c.newer[0] ?? c.older[0])?.name ?? '';

function summaryLines(c: Comparison, lang: Lang): string[] {
  const lines = [
    t(
      lang,
      `เทียบ ${c.older.rules} (ปีประเมิน ${c.older.assessmentYear}) กับ ${c.newer.rules} (ปีประเมิน ${c.newer.assessmentYear})`,
      `${c.older.rules} (assessed ${c.older.assessmentYear}) against ${c.newer.rules} (assessed ${c.newer.assessmentYear})`,
    ),
    `OIT ${formatScore(c.oit.older)} → ${formatScore(c.oit.newer)} (${signed(c.oit.change)})`,
  ];
  if (c.ita)
    lines.push(`ITA ${formatScore(c.ita.older)} → ${formatScore(c.ita.newer)} (${signed(c.ita.change)})`);
  if (c.acrossPacks)
    lines.push(
      t(
        lang,
        'ชุดเกณฑ์ต่างกัน: จับคู่ข้อด้วย mapsTo (ข้อที่รวมกันหรือแยกกันแสดงในแถวเดียว) คะแนนเทียบกันได้โดยประมาณเท่านั้น',
        'different packs: items lined up through mapsTo (merged or split items share a row); scores compare only roughly',
      ),
    );
  lines.push(
    (Object.keys(CHANGE) as ItemChange[]).map((k) => `${label(k, lang)} ${c.counts[k]}`).join(' · '),
  );
  return lines;
}

/** Plain text for terminals. */
export function renderCompareText(c: Comparison, lang: Lang = 'th'): string {
  const out = summaryLines(c, lang);
  for (const change of ['gained', 'lost', 'still-missing', 'new-item', 'dropped-item'] as ItemChange[]) {
    const rows = c.items.filter((i) => i.change === change);
    if (rows.length === 0) continue;
    out.push('', `${CHANGE[change][2]} ${label(change, lang)} (${rows.length})`);
    for (const r of rows) out.push(`  ${ids(r.older).padEnd(14)} → ${ids(r.newer).padEnd(14)} ${nameOf(r)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Markdown (issue comments, summaries). */
export function renderCompareMarkdown(c: Comparison, lang: Lang = 'th'): string {
  const out = [
    `# ${t(lang, 'เทียบผลการตรวจ OIT', 'OIT audit comparison')}: ${escapeMarkdown(c.newer.site)}`,
    '',
  ];
  for (const l of summaryLines(c, lang)) out.push(`- ${escapeMarkdown(l)}`);
  out.push(
    '',
    `| ${t(lang, 'เดิม', 'older')} | ${t(lang, 'ใหม่', 'newer')} | ${t(lang, 'รายการ', 'item')} | ${t(lang, 'การเปลี่ยนแปลง', 'change')} |`,
    '|---|---|---|---|',
  );
  for (const r of c.items) {
    out.push(
      `| ${escapeMarkdown(ids(r.older))} | ${escapeMarkdown(ids(r.newer))} | ${escapeMarkdown(nameOf(r))} | ${CHANGE[r.change][2]} ${label(r.change, lang)} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A standalone HTML page; every text from the reports is escaped. */
export function renderCompareHtml(c: Comparison, lang: Lang = 'th'): string {
  const rows = c.items
    .map(
      (r) =>
        `<tr class="change-${r.change}"><td>${escapeHtml(ids(r.older))}</td><td>${escapeHtml(ids(r.newer))}</td><td>${escapeHtml(nameOf(r))}</td><td>${CHANGE[r.change][2]} ${escapeHtml(label(r.change, lang))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t(lang, 'เทียบผลการตรวจ OIT', 'OIT audit comparison'))}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.2rem .4rem}.change-gained{background:#e6f4ea}.change-lost{background:#fdecea}.change-still-missing{background:#fff8e1}</style>
</head><body>
<h1>${escapeHtml(t(lang, 'เทียบผลการตรวจ OIT', 'OIT audit comparison'))}: ${escapeHtml(c.newer.site)}</h1>
<ul>${summaryLines(c, lang)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join('')}</ul>
<table><thead><tr><th>${escapeHtml(t(lang, 'เดิม', 'older'))}</th><th>${escapeHtml(t(lang, 'ใหม่', 'newer'))}</th><th>${escapeHtml(t(lang, 'รายการ', 'item'))}</th><th>${escapeHtml(t(lang, 'การเปลี่ยนแปลง', 'change'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
