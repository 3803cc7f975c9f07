import type { RulePack } from '../rules/load-pack';
import { formatScore } from '../score/round';
import { escapeHtml, safeUrl } from './escape';
import { type Lang, outcomeLabel, problemDetail, problemLabel } from './labels';
import type { AuditReport } from './schema';

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/**
 * A plain, self-contained HTML report (no scripts, no network). Every string from the audited
 * site goes through escapeHtml. The richer React report replaces it with the extension issue.
 */
export function renderHtml(report: AuditReport, pack: RulePack, lang: Lang = 'th'): string {
  const rows = pack.subIndicators
    .map((sub) => {
      const items = report.items.filter((i) => i.subIndicator === sub.id);
      const body = items
        .map((item) => {
          const ev = item.evidence[0];
          const link = ev
            ? `<a href="${escapeHtml(safeUrl(ev.url))}" rel="noreferrer">${escapeHtml(ev.text || ev.url)}</a>`
            : '';
          const reasons = item.problems
            .map(
              (p) =>
                `<li>${escapeHtml(problemLabel(p.code, lang))}: ${escapeHtml(problemDetail(p, lang))}</li>`,
            )
            .join('');
          return `<tr class="${item.outcome}"><td>${item.id}</td><td>${escapeHtml(lang === 'en' ? (item.nameEn ?? item.name) : item.name)}</td><td>${escapeHtml(outcomeLabel(item.outcome, lang))}</td><td>${link}</td><td><ul>${reasons}</ul></td></tr>`;
        })
        .join('\n');
      return `<h2>${sub.id} ${escapeHtml(lang === 'en' ? (sub.name.en ?? sub.name.th) : sub.name.th)}</h2>\n<table><thead><tr><th>${t(lang, 'ข้อ', 'item')}</th><th>${t(lang, 'รายการ', 'name')}</th><th>${t(lang, 'ผล', 'outcome')}</th><th>${t(lang, 'หลักฐาน', 'evidence')}</th><th>${t(lang, 'เหตุผล', 'reason')}</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
  const ita = report.ita
    ? `<p>IIT ${formatScore(report.ita.iit)} · EIT ${formatScore(report.ita.eit)} · ITA <strong>${formatScore(report.ita.score)}</strong> ${t(lang, 'ระดับ', 'rating')} <strong>${escapeHtml(report.ita.rating)}</strong></p>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>OIT ${escapeHtml(report.site.finalUrl)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:"TH Sarabun New","Sarabun","Loma",sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top}tr.pass td:nth-child(3){color:#137333}tr.fail td:nth-child(3){color:#b3261e}tr.review td:nth-child(3){color:#8a5a00}ul{margin:0;padding-left:1rem}</style>
</head><body>
<h1>${t(lang, 'ผลการตรวจ OIT', 'OIT audit')}: ${escapeHtml(report.site.finalUrl)}</h1>
<p>${t(lang, 'ปีงบประมาณที่ประเมิน', 'Assessed FY')} ${report.assessmentYear} · OIT <strong>${formatScore(report.oit.score)}</strong> (${t(lang, 'สูงสุด', 'up to')} ${formatScore(report.oit.upperBound)})</p>
${ita}
${rows}
</body></html>
`;
}
