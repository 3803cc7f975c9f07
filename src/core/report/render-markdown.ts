import type { RulePack } from '../rules/load-pack';
import { formatScore } from '../score/round';
import { escapeMarkdown, safeUrl } from './escape';
import {
  assessedYearText,
  manualEvidenceMark,
  type Lang,
  OUTCOME_LABELS,
  outcomeLabel,
  problemDetail,
  problemLabel,
} from './labels';
import { evidencePlace, reasonText } from './reason-text';
import type { AuditReport } from './schema';

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** Markdown report (GitHub step summaries, issue comments): a table per sub-indicator. */
export function renderMarkdown(report: AuditReport, pack: RulePack, lang: Lang = 'th'): string {
  const out: string[] = [];
  out.push(`# ${t(lang, 'ผลการตรวจ OIT', 'OIT audit')}: ${escapeMarkdown(report.site.finalUrl)}`, '');
  out.push(
    t(
      lang,
      `เกณฑ์ \`${report.ruleset.id}\` · ${assessedYearText(report, lang)} · ตรวจ ${report.crawl.pagesFetched} หน้า · oit-audit ${report.tool.version}`,
      `Rules \`${report.ruleset.id}\` · ${assessedYearText(report, lang)} · ${report.crawl.pagesFetched} pages · oit-audit ${report.tool.version}`,
    ),
    '',
  );
  const selection = report.ruleset.selection;
  if (selection) {
    out.push(
      `${t(lang, 'ชุดเกณฑ์', 'Rule pack')}: \`${report.ruleset.id}\` — ${escapeMarkdown(lang === 'en' ? selection.reasonEn : selection.reason)}`,
      '',
    );
  }
  // The mismatch first and loud: the whole result may compare one list with another.
  if (report.ruleset.mismatch) {
    const m = lang === 'en' ? report.ruleset.mismatch.en : report.ruleset.mismatch.th;
    out.push(`> **⚠ ${t(lang, 'ชุดเกณฑ์ไม่ตรงกับเว็บไซต์', 'RULE PACK MISMATCH')}:** ${escapeMarkdown(m)}`, '');
  }
  if (report.runWarnings.length > 0) {
    out.push(`**${t(lang, 'คำเตือน', 'Warnings')}**`, '');
    for (const w of report.runWarnings) out.push(`- ${escapeMarkdown(w)}`);
    out.push('');
  }
  const reviews = report.items.filter((i) => i.outcome === 'review').length;
  out.push(`| ${t(lang, 'คะแนน', 'score')} | |`, '|---|---|');
  out.push(
    `| OIT | **${formatScore(report.oit.score)}**${reviews ? ` (${t(lang, 'สูงสุด', 'up to')} ${formatScore(report.oit.upperBound)})` : ''} |`,
  );
  if (report.ita) {
    out.push(`| IIT | ${formatScore(report.ita.iit)} |`, `| EIT | ${formatScore(report.ita.eit)} |`);
    out.push(
      `| ITA | **${formatScore(report.ita.score)}** ${t(lang, 'ระดับ', 'rating')} **${report.ita.rating}** |`,
    );
  }
  out.push('');
  for (const sub of pack.subIndicators) {
    const items = report.items.filter((i) => i.subIndicator === sub.id);
    const passed = items.filter((i) => i.outcome === 'pass').length;
    out.push(
      `## ${sub.id} ${lang === 'en' ? (sub.name.en ?? sub.name.th) : sub.name.th} (${passed}/${items.length})`,
      '',
    );
    out.push(
      `| ${t(lang, 'ข้อ', 'item')} | ${t(lang, 'ผล', 'outcome')} | ${t(lang, 'หลักฐาน', 'evidence')} | ${t(lang, 'เหตุผล', 'reason')} |`,
      '|---|---|---|---|',
    );
    for (const item of items) {
      const name = escapeMarkdown(lang === 'en' ? (item.nameEn ?? item.name) : item.name);
      const ev = item.evidence[0];
      const evidence = ev
        ? `[${escapeMarkdown(ev.text || ev.url).slice(0, 80) || 'link'}](${safeUrl(ev.url)})${ev.via === 'manual' ? ` _(${manualEvidenceMark(lang)})_` : ''}`
        : '';
      const why = item.outcome === 'pass' ? reasonText(item, lang) : null;
      const place = evidencePlace(ev, lang);
      const reason = [
        ...(why ? [escapeMarkdown(why)] : []),
        ...(place ? [escapeMarkdown(place)] : []),
        ...item.problems.map(
          (p) => `${problemLabel(p.code, lang)}: ${escapeMarkdown(problemDetail(p, lang))}`,
        ),
      ].join('<br>');
      out.push(
        `| ${item.id} ${name} | ${OUTCOME_LABELS[item.outcome].symbol} ${outcomeLabel(item.outcome, lang)} | ${evidence} | ${reason} |`,
      );
    }
    out.push('');
  }
  if (report.priorities.length > 0) {
    out.push(`## ${t(lang, 'ควรแก้ก่อน', 'Fix first')}`, '');
    for (const p of report.priorities.slice(0, 10)) {
      const item = report.items.find((i) => i.id === p.id);
      out.push(
        `1. **${p.id}** ${escapeMarkdown((lang === 'en' ? item?.nameEn : undefined) ?? item?.name ?? '')}: +${p.itaGain.toFixed(2)} ${t(lang, 'คะแนน ITA', 'ITA points')}`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
