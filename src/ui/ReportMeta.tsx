import { assessedYearText } from '../core/report/labels';
import type { AuditReport } from '../core/report/schema';
import { formatThaiDate } from '../core/thai/fiscal-year';
import { type Lang, type StringKey, t } from './i18n';

function auditedOn(report: AuditReport, lang: Lang): string {
  const d = new Date(report.startedAt);
  if (Number.isNaN(d.getTime())) return report.startedAt;
  return lang === 'th' ? formatThaiDate(d) : d.toISOString().slice(0, 10);
}

/** The line under a report's title: assessed year (and how it was chosen), rule pack, date (BE in Thai), shell, pages read. */
export function ReportMeta({ report, lang }: { report: AuditReport; lang: Lang }) {
  return (
    <p className="oit-muted">
      {assessedYearText(report, lang)} · {t(lang, 'rulePack')} {report.ruleset.id} · {t(lang, 'auditedOn')}{' '}
      {auditedOn(report, lang)} · {t(lang, 'madeBy')} {t(lang, `env_${report.environment}` as StringKey)} ·{' '}
      {t(lang, 'pagesRead', { n: report.crawl.pagesFetched })}
    </p>
  );
}
