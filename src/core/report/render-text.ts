import { warningText } from '../messages';
import type { RulePack } from '../rules/load-pack';
import { formatScore } from '../score/round';
import {
  assessedYearText,
  manualEvidenceMark,
  type Lang,
  OUTCOME_LABELS,
  outcomeLabel,
  problemDetail,
  problemLabel,
} from './labels';
import { displayUrl, evidencePlace, reasonText } from './reason-text';
import type { AuditReport } from './schema';

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** Plain-text report for terminals: items by sub-indicator, scores, the top five fixes. */
export function renderText(report: AuditReport, pack: RulePack, lang: Lang = 'th'): string {
  const out: string[] = [];
  out.push(
    `oit-audit ${report.tool.version} — ${report.site.finalUrl}`,
    t(
      lang,
      `เกณฑ์ ${report.ruleset.id} · ${assessedYearText(report, lang)} · ${report.crawl.pagesFetched} หน้า · ${report.crawl.documentsSeen} เอกสาร`,
      `rules ${report.ruleset.id} · ${assessedYearText(report, lang)} · ${report.crawl.pagesFetched} pages · ${report.crawl.documentsSeen} documents`,
    ),
  );
  const selection = report.ruleset.selection;
  if (selection)
    out.push(`  ${t(lang, 'ชุดเกณฑ์', 'rule pack')}: ${lang === 'en' ? selection.reasonEn : selection.reason}`);
  // Loud and first: the rest of the report may compare one list with another.
  if (report.ruleset.mismatch) {
    out.push(
      `!! ${t(lang, 'ชุดเกณฑ์ไม่ตรงกับเว็บไซต์', 'RULE PACK MISMATCH')}: ${lang === 'en' ? report.ruleset.mismatch.en : report.ruleset.mismatch.th}`,
    );
  }
  const bySub = new Map<string, AuditReport['items']>();
  for (const item of report.items) {
    const list = bySub.get(item.subIndicator) ?? [];
    list.push(item);
    bySub.set(item.subIndicator, list);
  }
  for (const sub of pack.subIndicators) {
    const items = bySub.get(sub.id) ?? [];
    const passed = items.filter((i) => i.outcome === 'pass').length;
    out.push(
      '',
      `${sub.id} ${lang === 'en' ? (sub.name.en ?? sub.name.th) : sub.name.th}  (${passed}/${items.length})`,
    );
    for (const item of items) {
      const label = OUTCOME_LABELS[item.outcome];
      const name = lang === 'en' ? (item.nameEn ?? item.name) : item.name;
      out.push(`  ${label.symbol} ${item.id.padEnd(4)} ${name} — ${outcomeLabel(item.outcome, lang)}`);
      const evidence = item.evidence[0];
      if (evidence)
        out.push(
          `      ${displayUrl(evidence.url)}${evidence.year ? `  (${t(lang, 'ปี', 'FY')} ${evidence.year})` : ''}${evidence.via === 'manual' ? `  [${manualEvidenceMark(lang)}]` : ''}`,
        );
      const place = evidencePlace(evidence, lang);
      if (place) out.push(`      ↳ ${place}`);
      // The reason of a fail or review is its problem, printed below; a pass shows its phrase.
      const why = item.outcome === 'pass' ? reasonText(item, lang) : null;
      if (why) out.push(`      ${t(lang, 'เหตุผล', 'why')}: ${why}`);
      for (const p of item.problems) {
        out.push(
          `      · ${problemLabel(p.code, lang)}: ${problemDetail(p, lang)}${p.url && p.url !== evidence?.url ? ` <${displayUrl(p.url)}>` : ''}`,
        );
      }
    }
  }
  out.push('', t(lang, 'คะแนน', 'Scores'));
  for (const ind of report.oit.indicators) {
    const parts = ind.subIndicators.map((s) => `${s.id} ${formatScore(s.score)}`).join(' · ');
    out.push(`  ${t(lang, 'ตัวชี้วัดที่', 'indicator')} ${ind.id}: ${formatScore(ind.score)}  (${parts})`);
  }
  const reviews = report.items.filter((i) => i.outcome === 'review').length;
  out.push(
    `  OIT ${formatScore(report.oit.score)}${reviews > 0 ? t(lang, `  (สูงสุด ${formatScore(report.oit.upperBound)} ถ้า ${reviews} ข้อที่ต้องตรวจสอบผ่าน)`, `  (up to ${formatScore(report.oit.upperBound)} if the ${reviews} review item(s) pass)`) : ''}`,
  );
  if (report.ita) {
    out.push(
      `  IIT ${formatScore(report.ita.iit)} · EIT ${formatScore(report.ita.eit)} · ITA ${formatScore(report.ita.score)} ${t(lang, 'ระดับ', 'rating')} ${report.ita.rating}` +
        (reviews > 0
          ? t(
              lang,
              ` (สูงสุด ${formatScore(report.ita.upperBound.score)} ${report.ita.upperBound.rating})`,
              ` (up to ${formatScore(report.ita.upperBound.score)} ${report.ita.upperBound.rating})`,
            )
          : ''),
    );
  } else {
    out.push(
      t(
        lang,
        '  (ใส่ --iit/--eit หรือ --survey เพื่อคาดการณ์คะแนน ITA และระดับ)',
        '  (add --iit/--eit or --survey to project the ITA score and rating)',
      ),
    );
  }
  const top = report.priorities.slice(0, 5);
  if (top.length > 0) {
    out.push('', t(lang, 'ควรแก้ก่อน (คะแนน ITA ที่จะได้เพิ่ม)', 'Fix first (ITA points gained)'));
    for (const p of top) {
      const item = report.items.find((i) => i.id === p.id);
      const name = lang === 'en' ? (item?.nameEn ?? item?.name) : item?.name;
      out.push(`  +${p.itaGain.toFixed(2)}  ${p.id} ${name ?? ''} (${outcomeLabel(p.outcome, lang)})`);
    }
  }
  if (report.runWarnings.length > 0) {
    out.push('', t(lang, 'คำเตือน', 'Warnings'));
    for (const w of report.runWarnings) out.push(`  ! ${warningText(w, lang)}`);
  }
  // Pages that could not be fetched or read: what a web admin fixes first on the site itself.
  const problems = report.crawl.problems ?? [];
  if (problems.length > 0) {
    out.push('', t(lang, 'หน้าที่มีปัญหาระหว่างตรวจ', 'Pages with problems'));
    for (const p of problems.slice(0, 10)) {
      out.push(`  · ${displayUrl(p.url)}  ${p.code}${p.status !== undefined ? ` ${p.status}` : ''}`);
    }
    if (problems.length > 10)
      out.push(
        t(
          lang,
          `  … อีก ${problems.length - 10} หน้า (ดูใน --format json)`,
          `  … ${problems.length - 10} more (see --format json)`,
        ),
      );
  }
  return `${out.join('\n')}\n`;
}
