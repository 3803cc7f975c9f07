import { createHash } from 'node:crypto';
import { msg } from '../../core/messages';
import { csvDocument } from '../../core/report/csv';
import { escapeHtml, safeUrl } from '../../core/report/escape';
import type { AuditReport } from '../../core/report/schema';
import type { RulePack } from '../../core/rules/load-pack';
import { round2 } from '../../core/score/round';
import { formatThaiDate } from '../../core/thai/fiscal-year';
import type { Outcome } from '../../core/types';
import { TOOL_VERSION } from '../../core/version';
import type { Lang } from '../io';
import { itemStats, renderItemView } from './batch-items';

/** Why an agency has no result: its site could not be reached, its options were bad, or the audit broke. */
export type BatchErrorKind = 'unreachable' | 'invalid' | 'failed' | 'not-audited';

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
  /** The projected ITA and its rating when the CSV gave the survey scores (absent in old state files). */
  ita?: number | null;
  rating?: string | null;
  /** Sub-indicator scores by id ("9.1" → 77.78). */
  subIndicators: Record<string, number>;
  passed: number;
  /** Outcome `fail`. */
  missing: number;
  review: number;
  /** Outcome `error` (the check itself failed). */
  couldNotCheck: number;
  /** Each item's outcome, for the item × agency view (absent in old state files). */
  outcomes?: Record<string, Outcome>;
  pages: number;
  durationMs: number;
  /** The report file name in the batch folder, or null. */
  report: string | null;
  /** The HTML report beside it, or null. */
  html?: string | null;
  error: string | null;
  errorKind?: BatchErrorKind | null;
}

/** The summary row of an agency whose audit finished. */
export function rowFromReport(
  agency: { id: string; name: string; url: string },
  report: AuditReport,
  durationMs: number,
  file: string,
  html: string | null = null,
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
    ita: report.ita ? round2(report.ita.score) : null,
    rating: report.ita ? report.ita.rating : null,
    subIndicators,
    passed: count('pass'),
    missing: count('fail'),
    review: count('review'),
    couldNotCheck: count('error'),
    outcomes: Object.fromEntries(report.items.map((i) => [i.id, i.outcome])),
    pages: report.crawl.pagesFetched,
    durationMs: Math.round(durationMs),
    report: file,
    html,
    error: null,
    errorKind: null,
  };
}

/** The summary row of an agency whose audit could not run. */
export function rowFromError(
  agency: { id: string; name: string; url: string; year?: number | undefined },
  error: string,
  durationMs: number,
  errorKind: BatchErrorKind = 'failed',
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
    ita: null,
    rating: null,
    subIndicators: {},
    passed: 0,
    missing: 0,
    review: 0,
    couldNotCheck: 0,
    pages: 0,
    durationMs: Math.round(durationMs),
    report: null,
    html: null,
    error,
    errorKind,
  };
}

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** A short label of why an agency has no result (the full message stays in the tooltip and the CSV). */
export function errorLabel(kind: BatchErrorKind | null | undefined, lang: Lang): string {
  const key = {
    unreachable: 'batch_unreachable',
    invalid: 'batch_invalid',
    'not-audited': 'batch_notAudited',
  } as const;
  return msg(lang, (kind && kind !== 'failed' ? key[kind] : undefined) ?? 'batch_failed');
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
    'ita',
    'rating',
    ...subs.map((s) => `sub_${s.replace('.', '_')}`),
    'passed',
    'missing',
    'review',
    'could_not_check',
    'pages',
    'duration_ms',
    'report',
    'html',
    'error_kind',
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
    r.ita ?? null,
    r.rating ?? null,
    ...subs.map((s) => r.subIndicators[s] ?? null),
    r.status === 'done' ? r.passed : null,
    r.status === 'done' ? r.missing : null,
    r.status === 'done' ? r.review : null,
    r.status === 'done' ? r.couldNotCheck : null,
    r.pages,
    r.durationMs,
    r.report,
    r.html ?? null,
    r.errorKind ?? (r.status === 'error' ? 'failed' : null),
    r.error,
  ]);
  return csvDocument([header, ...body]);
}

/**
 * Sorts the agency table by a clicked column (numbers numerically, text in Thai order) and
 * filters its rows.
 */
const SCRIPT = `(()=>{const t=document.getElementById('agencies'),b=t.tBodies[0],hs=t.tHead.rows[0].cells;let col=-1,dir=1;for(let i=0;i<hs.length;i++){hs[i].tabIndex=0;const go=()=>{dir=col===i?-dir:(hs[i].dataset.num?-1:1);col=i;for(const h of hs)h.removeAttribute('aria-sort');hs[i].setAttribute('aria-sort',dir>0?'ascending':'descending');const rs=[...b.rows];rs.sort((x,y)=>{const a=x.cells[i].dataset.v??x.cells[i].textContent,c=y.cells[i].dataset.v??y.cells[i].textContent;if(hs[i].dataset.num){const p=a===''?-Infinity:+a,q=c===''?-Infinity:+c;return (p-q)*dir}return a.localeCompare(c,'th')*dir});for(const r of rs)b.appendChild(r)};hs[i].addEventListener('click',go);hs[i].addEventListener('keydown',e=>{if(e.key==='Enter')go()})}const f=document.getElementById('filter');f.addEventListener('input',()=>{const q=f.value.toLowerCase();for(const r of b.rows)r.hidden=q!==''&&!r.textContent.toLowerCase().includes(q)})})();`;

const STYLE = `body{font-family:"TH Sarabun New","Sarabun","Loma","Garuda",sans-serif;margin:1rem 1.25rem;color:#1d1d1f;max-width:100%}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .4rem}
.meta{color:#555;margin:.2rem 0}.stats{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:.6rem 0;padding:0;list-style:none}.stats strong{font-size:1.15rem}
table{border-collapse:collapse;font-size:.85rem;width:100%;table-layout:fixed}
td,th{border:1px solid #d0d0d0;padding:.2rem .3rem;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3;cursor:pointer;position:sticky;top:0;font-weight:600;line-height:1.2}
th small{display:block;font-weight:400;color:#444}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}td small{color:#666}
tr.error td{background:#fdecea}tr.blocked td{background:#fff4e0}.err{color:#a4000f}
input{margin:.3rem 0;padding:.25rem;width:18rem;max-width:100%}
col.name{width:17%}col.sub{width:5.2%}col.num{width:4.4%}col.rep{width:6.5%}col.err{width:9%}
.items col.id{width:4%}.items col.iname{width:32%}.items col.sub{width:5%}.items col.num{width:5.5%}
details summary{cursor:pointer}`;

/** The mean of the non-null values, or null. */
function meanOf(values: readonly (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number');
  return v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

function localDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === 'en') return d.toISOString().slice(0, 16).replace('T', ' ');
  // Bangkok has no daylight saving: UTC+7 all year.
  const time = new Date(d.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
  return `${formatThaiDate(d)} ${time} น.`;
}

/**
 * `index.html`: a self-contained, sortable dashboard of the batch (no network; the only script is
 * the inline sorter, allowed by its hash in the CSP), laid out to read at 1280 px without
 * scrolling sideways. Every agency-supplied string is escaped; each row links to the agency's
 * HTML report (and JSON). Below it, the item × agency view: the items that fail most.
 */
export function renderBatchIndex(
  rows: readonly BatchRow[],
  pack: RulePack,
  meta: { generatedAt: string; lang: Lang },
): string {
  const { lang } = meta;
  const subs = pack.subIndicators;
  const num = (v: number | null | undefined) =>
    v === null || v === undefined
      ? '<td class="n" data-v=""></td>'
      : `<td class="n" data-v="${v}">${v.toFixed(2)}</td>`;
  const int = (v: number | null) =>
    v === null ? '<td class="n" data-v=""></td>' : `<td class="n" data-v="${v}">${v}</td>`;
  const body = rows
    .map((r) => {
      const ok = r.status === 'done';
      const links = [
        r.html
          ? `<a href="${escapeHtml(encodeURIComponent(r.html))}">${t(lang, 'รายงาน', 'report')}</a>`
          : '',
        r.report ? `<a href="${escapeHtml(encodeURIComponent(r.report))}">JSON</a>` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const error = ok
        ? ''
        : `<span class="err" title="${escapeHtml(r.error ?? '')}">${escapeHtml(errorLabel(r.errorKind, lang))}</span>`;
      return `<tr class="${r.status}" id="a-${escapeHtml(r.id)}"><td data-v="${escapeHtml(r.name)}"><a href="${escapeHtml(safeUrl(r.url))}" rel="noreferrer noopener">${escapeHtml(r.name)}</a><br><small>${escapeHtml(r.id)}</small></td>${int(r.year)}${num(r.oit)}${num(r.ita)}<td>${escapeHtml(r.rating ?? '')}</td>${subs.map((s) => num(r.subIndicators[s.id] ?? null)).join('')}${int(ok ? r.missing : null)}${int(ok ? r.review : null)}${int(ok ? r.couldNotCheck : null)}${int(r.pages)}<td>${links}</td><td>${error}</td></tr>`;
    })
    .join('\n');
  const done = rows.filter((r) => r.status === 'done');
  const unreachable = rows.filter((r) => r.status === 'error' && r.errorKind === 'unreachable').length;
  const meanOit = meanOf(done.map((r) => r.oit));
  const meanIta = meanOf(done.map((r) => r.ita));
  const years = [...new Set(done.map((r) => r.year).filter((y) => y !== null))].join(', ');
  const th = (label: string, numeric = false, title?: string) =>
    `<th scope="col"${numeric ? ' data-num="1"' : ''}${title ? ` title="${escapeHtml(title)}"` : ''}>${label}</th>`;
  const subName = (s: (typeof subs)[number]) => (lang === 'en' ? (s.name.en ?? s.name.th) : s.name.th);
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  const title = t(lang, 'ผลการตรวจ OIT รายหน่วยงาน', 'OIT audit by agency');
  const stat = (value: string, label: string) => `<li><strong>${value}</strong> ${label}</li>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'">
<title>${title}</title>
<style>${STYLE}</style>
</head><body>
<h1>${title}</h1>
<p class="meta">${t(lang, 'ชุดเกณฑ์', 'Rule pack')} ${escapeHtml(pack.id)}${years ? ` · ${t(lang, 'ปีงบประมาณที่ประเมิน', 'assessed FY (BE)')} ${escapeHtml(years)}` : ''} · ${t(lang, 'สร้างเมื่อ', 'generated')} ${escapeHtml(localDate(meta.generatedAt, lang))} · oit-audit ${escapeHtml(TOOL_VERSION)}</p>
<ul class="stats">${stat(String(rows.length), t(lang, 'หน่วยงาน', 'agencies'))}${stat(String(done.length), t(lang, 'ตรวจสำเร็จ', 'audited'))}${stat(String(unreachable), t(lang, 'เข้าเว็บไซต์ไม่ได้', 'unreachable'))}${stat(String(rows.length - done.length - unreachable), t(lang, 'ผิดพลาดอื่น', 'other errors'))}${meanOit === null ? '' : stat(meanOit.toFixed(2), t(lang, 'OIT เฉลี่ย', 'mean OIT'))}${meanIta === null ? '' : stat(meanIta.toFixed(2), t(lang, 'ITA เฉลี่ย', 'mean ITA'))}</ul>
<p><label>${t(lang, 'ค้นหา', 'Filter')} <input id="filter" type="search"></label> ${t(lang, '(คลิกหัวคอลัมน์เพื่อเรียง)', '(click a column heading to sort)')} · <a href="#items">${t(lang, 'ข้อที่ไม่ผ่านมากที่สุด', 'items failing most')}</a></p>
<table id="agencies"><colgroup><col class="name"><col class="num"><col class="num"><col class="num"><col class="num">${subs.map(() => '<col class="sub">').join('')}<col class="num"><col class="num"><col class="num"><col class="num"><col class="rep"><col class="err"></colgroup>
<thead><tr>${th(t(lang, 'หน่วยงาน', 'agency'))}${th(t(lang, 'ปี', 'year'), true)}${th('OIT', true)}${th('ITA', true)}${th(t(lang, 'ระดับ', 'rating'))}${subs.map((s) => th(`${escapeHtml(s.id)}<small>${escapeHtml(subName(s))}</small>`, true, subName(s))).join('')}${th(t(lang, 'ไม่ผ่าน', 'missing'), true)}${th(t(lang, 'ต้องตรวจสอบ', 'review'), true)}${th(t(lang, 'ตรวจไม่ได้', 'could not check'), true)}${th(t(lang, 'หน้า', 'pages'), true)}${th(t(lang, 'รายงาน', 'report'))}${th(t(lang, 'ข้อผิดพลาด', 'error'))}</tr></thead>
<tbody>
${body}
</tbody></table>
${renderItemView(itemStats(rows, pack), pack, lang)}
<script>${SCRIPT}</script>
</body></html>
`;
}
