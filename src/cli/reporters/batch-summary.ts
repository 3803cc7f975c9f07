import { createHash } from 'node:crypto';
import { csvDocument } from '../../core/report/csv';
import { escapeHtml, safeUrl } from '../../core/report/escape';
import type { AuditReport } from '../../core/report/schema';
import type { RulePack } from '../../core/rules/load-pack';
import { round2 } from '../../core/score/round';
import { TOOL_VERSION } from '../../core/version';
import type { Lang } from '../io';

/** One agency of a batch: what `summary.csv` and `index.html` show, and what `state.jsonl` keeps. */
export interface BatchRow {
  id: string;
  name: string;
  url: string;
  year: number | null;
  /** `blocked`: robots.txt forbids the audit (not a score of 0). */
  status: 'done' | 'error' | 'blocked';
  oit: number | null;
  oitUpperBound: number | null;
  /** Sub-indicator scores by id ("9.1" → 77.78). */
  subIndicators: Record<string, number>;
  passed: number;
  /** Outcome `fail`. */
  missing: number;
  review: number;
  /** Outcome `error` (the check itself failed). */
  couldNotCheck: number;
  pages: number;
  durationMs: number;
  /** The report file name in the batch folder, or null. */
  report: string | null;
  error: string | null;
}

/** The summary row of an agency whose audit finished. */
export function rowFromReport(
  agency: { id: string; name: string; url: string },
  report: AuditReport,
  durationMs: number,
  file: string,
): BatchRow {
  const count = (o: string) => report.items.filter((i) => i.outcome === o).length;
  const subIndicators: Record<string, number> = {};
  for (const ind of report.oit.indicators)
    for (const s of ind.subIndicators) subIndicators[s.id] = round2(s.score);
  return {
    id: agency.id,
    name: agency.name,
    url: agency.url,
    year: report.assessmentYear,
    status: 'done',
    oit: round2(report.oit.score),
    oitUpperBound: round2(report.oit.upperBound),
    subIndicators,
    passed: count('pass'),
    missing: count('fail'),
    review: count('review'),
    couldNotCheck: count('error'),
    pages: report.crawl.pagesFetched,
    durationMs: Math.round(durationMs),
    report: file,
    error: null,
  };
}

/** The summary row of an agency whose audit could not run. */
export function rowFromError(
  agency: { id: string; name: string; url: string; year?: number | undefined },
  error: string,
  durationMs: number,
  status: 'error' | 'blocked' = 'error',
): BatchRow {
  return {
    id: agency.id,
    name: agency.name,
    url: agency.url,
    year: agency.year ?? null,
    status,
    oit: null,
    oitUpperBound: null,
    subIndicators: {},
    passed: 0,
    missing: 0,
    review: 0,
    couldNotCheck: 0,
    pages: 0,
    durationMs: Math.round(durationMs),
    report: null,
    error,
  };
}

/** `summary.csv`: one row per agency, in the order given. */
export function renderSummaryCsv(rows: readonly BatchRow[], pack: RulePack): string {
  const subs = pack.subIndicators.map((s) => s.id);
  const header = [
    'agency_id',
    'name',
    'url',
    'year',
    'status',
    'oit',
    'oit_upper_bound',
    ...subs.map((s) => `sub_${s.replace('.', '_')}`),
    'passed',
    'missing',
    'review',
    'could_not_check',
    'pages',
    'duration_ms',
    'report',
    'error',
  ];
  const body = rows.map((r) => [
    r.id,
    r.name,
    r.url,
    r.year,
    r.status,
    r.oit,
    r.oitUpperBound,
    ...subs.map((s) => r.subIndicators[s] ?? null),
    r.status === 'done' ? r.passed : null,
    r.status === 'done' ? r.missing : null,
    r.status === 'done' ? r.review : null,
    r.status === 'done' ? r.couldNotCheck : null,
    r.pages,
    r.durationMs,
    r.report,
    r.error,
  ]);
  return csvDocument([header, ...body]);
}

/** Sorts the table by a clicked column (numbers numerically, text in Thai order) and filters rows. */
const SCRIPT = `(()=>{const t=document.querySelector('table'),b=t.tBodies[0],hs=t.tHead.rows[0].cells;let col=-1,dir=1;for(let i=0;i<hs.length;i++){hs[i].tabIndex=0;const go=()=>{dir=col===i?-dir:(hs[i].dataset.num?-1:1);col=i;for(const h of hs)h.removeAttribute('aria-sort');hs[i].setAttribute('aria-sort',dir>0?'ascending':'descending');const rs=[...b.rows];rs.sort((x,y)=>{const a=x.cells[i].dataset.v??x.cells[i].textContent,c=y.cells[i].dataset.v??y.cells[i].textContent;if(hs[i].dataset.num){const p=a===''?-Infinity:+a,q=c===''?-Infinity:+c;return (p-q)*dir}return a.localeCompare(c,'th')*dir});for(const r of rs)b.appendChild(r)};hs[i].addEventListener('click',go);hs[i].addEventListener('keydown',e=>{if(e.key==='Enter')go()})}const f=document.getElementById('filter');f.addEventListener('input',()=>{const q=f.value.toLowerCase();for(const r of b.rows)r.hidden=q!==''&&!r.textContent.toLowerCase().includes(q)})})();`;

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/**
 * `index.html`: a self-contained, sortable dashboard of the batch (no network; the only script is
 * the inline sorter, allowed by its hash in the CSP). Every agency-supplied string is escaped;
 * each row links to the agency's JSON report.
 */
export function renderBatchIndex(
  rows: readonly BatchRow[],
  pack: RulePack,
  meta: { generatedAt: string; lang: Lang },
): string {
  const { lang } = meta;
  const subs = pack.subIndicators.map((s) => s.id);
  const num = (v: number | null) =>
    v === null ? '<td class="n" data-v=""></td>' : `<td class="n" data-v="${v}">${v.toFixed(2)}</td>`;
  const int = (v: number | null) =>
    v === null ? '<td class="n" data-v=""></td>' : `<td class="n" data-v="${v}">${v}</td>`;
  const body = rows
    .map((r) => {
      const ok = r.status === 'done';
      const report = r.report ? `<a href="${escapeHtml(encodeURIComponent(r.report))}">JSON</a>` : '';
      return `<tr class="${r.status}"><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.name)}</td><td><a href="${escapeHtml(safeUrl(r.url))}" rel="noreferrer noopener">${escapeHtml(r.url)}</a></td>${int(r.year)}${num(r.oit)}${subs.map((s) => num(r.subIndicators[s] ?? null)).join('')}${int(ok ? r.missing : null)}${int(ok ? r.review : null)}${int(ok ? r.couldNotCheck : null)}${int(r.pages)}${int(Math.round(r.durationMs / 100) / 10)}<td>${report}</td><td>${escapeHtml(r.error ?? '')}</td></tr>`;
    })
    .join('\n');
  const done = rows.filter((r) => r.status === 'done');
  const mean = done.length > 0 ? done.reduce((s, r) => s + (r.oit ?? 0), 0) / done.length : null;
  const th = (label: string, numeric = false) =>
    `<th scope="col"${numeric ? ' data-num="1"' : ''}>${label}</th>`;
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'">
<title>${t(lang, 'ผลการตรวจ OIT รายหน่วยงาน', 'OIT audit by agency')}</title>
<style>body{font-family:"TH Sarabun New","Sarabun","Loma",sans-serif;margin:1.5rem}table{border-collapse:collapse;font-size:.95rem}td,th{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top}th{background:#f3f3f3;cursor:pointer;position:sticky;top:0}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}td.n{text-align:right;font-variant-numeric:tabular-nums}tr.error td{background:#fdecea}tr.blocked td{background:#fff4e0}input{margin:.5rem 0;padding:.25rem;width:20rem}</style>
</head><body>
<h1>${t(lang, 'ผลการตรวจ OIT รายหน่วยงาน', 'OIT audit by agency')}</h1>
<p>${t(lang, 'เกณฑ์', 'Rules')} ${escapeHtml(pack.id)} · ${rows.length} ${t(lang, 'หน่วยงาน', 'agencies')} · ${done.length} ${t(lang, 'ตรวจสำเร็จ', 'audited')} · ${rows.length - done.length} ${t(lang, 'ผิดพลาด', 'failed')}${mean === null ? '' : ` · ${t(lang, 'OIT เฉลี่ย', 'mean OIT')} ${mean.toFixed(2)}`} · oit-audit ${escapeHtml(TOOL_VERSION)} · ${escapeHtml(meta.generatedAt)}</p>
<p><label>${t(lang, 'ค้นหา', 'Filter')} <input id="filter" type="search"></label> ${t(lang, '(คลิกหัวคอลัมน์เพื่อเรียง)', '(click a column heading to sort)')}</p>
<table><thead><tr>${th('agency_id')}${th(t(lang, 'ชื่อ', 'name'))}${th('URL')}${th(t(lang, 'ปี', 'year'), true)}${th('OIT', true)}${subs.map((s) => th(escapeHtml(s), true)).join('')}${th(t(lang, 'ไม่ผ่าน', 'missing'), true)}${th(t(lang, 'ต้องตรวจสอบ', 'review'), true)}${th(t(lang, 'ตรวจไม่ได้', 'could not check'), true)}${th(t(lang, 'หน้า', 'pages'), true)}${th(t(lang, 'เวลา (วินาที)', 'time (s)'), true)}${th(t(lang, 'รายงาน', 'report'))}${th(t(lang, 'ข้อผิดพลาด', 'error'))}</tr></thead>
<tbody>
${body}
</tbody></table>
<script>${SCRIPT}</script>
</body></html>
`;
}
