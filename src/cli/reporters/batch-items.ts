import { escapeHtml } from '../../core/report/escape';
import type { RulePack } from '../../core/rules/load-pack';
import type { Outcome } from '../../core/types';
import type { Lang } from '../io';
import type { BatchRow } from './batch-summary';

/** One item across the batch: how many agencies got each outcome, and which did not pass. */
export interface ItemAcrossBatch {
  id: string;
  name: string;
  subIndicator: string;
  counts: Record<Outcome, number>;
  /** Agencies whose outcome was not `pass` (nor `na`), in the batch's order. */
  notPassed: { id: string; name: string; outcome: Outcome; html: string | null }[];
}

/**
 * The item × agency view: every item of the pack with its outcomes over the audited agencies,
 * the items that fail most first (fail, then could-not-check, then review; ties in pack order).
 */
export function itemStats(rows: readonly BatchRow[], pack: RulePack): ItemAcrossBatch[] {
  const audited = rows.filter((r) => r.status === 'done' && r.outcomes);
  const stats = pack.items.map((item, order) => {
    const counts: Record<Outcome, number> = { pass: 0, fail: 0, review: 0, na: 0, error: 0 };
    const notPassed: ItemAcrossBatch['notPassed'] = [];
    for (const r of audited) {
      const outcome = r.outcomes?.[item.id];
      if (!outcome) continue;
      counts[outcome]++;
      if (outcome !== 'pass' && outcome !== 'na')
        notPassed.push({ id: r.id, name: r.name, outcome, html: r.html ?? null });
    }
    return {
      order,
      stat: { id: item.id, name: item.name.th, subIndicator: item.subIndicator, counts, notPassed },
    };
  });
  stats.sort(
    (a, b) =>
      b.stat.counts.fail - a.stat.counts.fail ||
      b.stat.counts.error - a.stat.counts.error ||
      b.stat.counts.review - a.stat.counts.review ||
      a.order - b.order,
  );
  return stats.map((s) => s.stat);
}

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** The item × agency section of `index.html` (no script: counts, and the agencies behind them). */
export function renderItemView(stats: readonly ItemAcrossBatch[], pack: RulePack, lang: Lang): string {
  const names = new Map(pack.items.map((i) => [i.id, lang === 'en' ? (i.name.en ?? i.name.th) : i.name.th]));
  const outcomeWord: Record<Outcome, string> = {
    pass: t(lang, 'ผ่าน', 'pass'),
    fail: t(lang, 'ไม่ผ่าน', 'fail'),
    review: t(lang, 'ต้องตรวจสอบ', 'review'),
    na: t(lang, 'ไม่เกี่ยวข้อง', 'n/a'),
    error: t(lang, 'ตรวจไม่ได้', 'could not check'),
  };
  const rows = stats
    .map((s) => {
      const list = s.notPassed
        .map((a) => {
          const label = `${escapeHtml(a.name)} (${outcomeWord[a.outcome]})`;
          return a.html ? `<a href="${escapeHtml(encodeURIComponent(a.html))}">${label}</a>` : label;
        })
        .join(', ');
      const agencies =
        s.notPassed.length === 0
          ? ''
          : `<details><summary>${s.notPassed.length} ${t(lang, 'หน่วยงาน', 'agencies')}</summary>${list}</details>`;
      const n = (v: number) => `<td class="n">${v}</td>`;
      return `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(names.get(s.id) ?? s.name)}</td><td>${escapeHtml(s.subIndicator)}</td>${n(s.counts.fail)}${n(s.counts.error)}${n(s.counts.review)}${n(s.counts.pass)}<td>${agencies}</td></tr>`;
    })
    .join('\n');
  return `<h2 id="items">${t(lang, 'ข้อที่ไม่ผ่านมากที่สุด (ข้อ × หน่วยงาน)', 'Items failing most (item × agency)')}</h2>
<table class="items"><colgroup><col class="id"><col class="iname"><col class="sub"><col class="num"><col class="num"><col class="num"><col class="num"><col></colgroup>
<thead><tr><th scope="col">${t(lang, 'ข้อ', 'item')}</th><th scope="col">${t(lang, 'ชื่อข้อ', 'name')}</th><th scope="col">${t(lang, 'ตัวชี้วัดย่อย', 'sub-indicator')}</th><th scope="col">${outcomeWord.fail}</th><th scope="col">${outcomeWord.error}</th><th scope="col">${outcomeWord.review}</th><th scope="col">${outcomeWord.pass}</th><th scope="col">${t(lang, 'หน่วยงานที่ยังไม่ผ่าน', 'agencies not passing')}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}
