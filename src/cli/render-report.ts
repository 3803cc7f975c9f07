import { renderCsv } from '../core/report/render-csv';
import { renderJunit } from '../core/report/render-junit';
import { renderMarkdown } from '../core/report/render-markdown';
import { renderText } from '../core/report/render-text';
import type { AuditReport } from '../core/report/schema';
import type { RulePack } from '../core/rules/load-pack';
import type { Lang } from './io';
import type { AuditReportFormat } from './report-formats';

/** Renders a report in one of the audit formats. React is loaded only for html. */
export async function renderReport(
  report: AuditReport,
  pack: RulePack,
  format: AuditReportFormat,
  lang: Lang,
): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return renderMarkdown(report, pack, lang);
    case 'html':
      return (await import('../ui/render-html-report')).renderHtmlReport(report, pack, lang);
    case 'junit':
      return renderJunit(report, pack, lang);
    case 'csv':
      return renderCsv(report, lang);
    default:
      return renderText(report, pack, lang);
  }
}
