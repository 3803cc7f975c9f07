import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '../core/report/escape';
import type { AuditReport } from '../core/report/schema';
import type { RulePack } from '../core/rules/load-pack';
import type { Lang } from './i18n';
import { AuditReportDocument } from './report-document';
import { REPORT_CSS } from './styles';

/** Styles of the static page on top of the side panel's REPORT_CSS (charts, print). */
const STATIC_CSS = `
body{font-size:15px}
.oit-static{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.oit-static h1{font-size:1.35rem;margin:.3rem 0;overflow-wrap:anywhere}
.oit-charts{margin:1rem 0}
.oit-chart{margin:.6rem 0 1rem}
.oit-chart svg{max-width:100%;height:auto;display:block}
.oit-chart-caption{font-weight:600;margin:.2rem 0}
.oit-radar-ring{fill:none;stroke:#dadce0;stroke-width:1}
.oit-radar-threshold{fill:none;stroke-width:1.2;stroke-dasharray:5 4}
.oit-radar-threshold-85{stroke:#b3261e}.oit-radar-threshold-92{stroke:#c58a00}
.oit-radar-axis{stroke:#bdc1c6;stroke-width:1}
.oit-radar-area{fill:rgba(11,87,208,.18);stroke:#0b57d0;stroke-width:2}
.oit-radar-point{fill:#0b57d0}
.oit-radar-label{font-size:12.5px;fill:#1f1f1f}
.oit-radar-value{font-weight:700;fill:#0b57d0}
.oit-radar-scale{font-size:10px;fill:#80868b}
.oit-bars-label,.oit-bars-value{font-size:13px;fill:#1f1f1f}
.oit-bars-scale{font-size:10px;fill:#80868b}
.oit-bars-tick{stroke:#e8eaed}.oit-bars-tick-85{stroke:#f2b8b5;stroke-dasharray:3 3}.oit-bars-tick-92{stroke:#fdd663;stroke-dasharray:3 3}
.oit-bars-track{fill:#f1f3f4}
.oit-bars-good{fill:#137333}.oit-bars-fair{fill:#c58a00}.oit-bars-poor{fill:#b3261e}
.oit-toggle{width:1.1rem;height:1.1rem;vertical-align:middle;margin:0 .3rem 0 0}
.oit-toggle-label{display:inline-block;cursor:pointer}
#oit-failures-only:checked~.oit-items .oit-item-pass,#oit-failures-only:checked~.oit-items .oit-item-na,#oit-failures-only:checked~.oit-items .oit-group-passed{display:none}
@media print{.oit-toggle,.oit-toggle-label{display:none}}
.oit-footer{margin-top:1.5rem;border-top:1px solid var(--line);padding-top:.4rem}
@media print{body{font-size:12px}.oit-static{max-width:none;padding:0}.oit-item{break-inside:avoid}a{color:inherit}}
`;

/**
 * The audit report as one self-contained HTML page: React's renderToStaticMarkup of
 * {@link AuditReportDocument} (the side panel's components), inline CSS and SVG, no scripts,
 * and a Content-Security-Policy that forbids loading anything. Every string from the audited
 * site is a React text node (escaped); the only raw strings are our own CSS and the escaped title.
 */
export function renderHtmlReport(report: AuditReport, pack: RulePack, lang: Lang = 'th'): string {
  const body = renderToStaticMarkup(<AuditReportDocument report={report} pack={pack} lang={lang} />);
  const title = `${lang === 'en' ? 'OIT audit' : 'ผลการตรวจ OIT'}: ${report.site.finalUrl || report.site.url}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${STATIC_CSS}</style>
</head><body>
${body}
</body></html>
`;
}
