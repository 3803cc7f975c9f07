import { warningText } from '../core/messages';
import { useState } from 'react';
import { OUTCOME_LABELS } from '../core/report/labels';
import type { AuditReport } from '../core/report/schema';
import { type Lang, t } from './i18n';
import { type ItemFilter, ItemList, type ItemListProps, matchesFilter } from './ItemList';
import { ExternalLink } from './EvidenceList';
import type { ReportLabels } from './labels';
import { PackNotice } from './PackNotice';
import { ReportMeta } from './ReportMeta';
import { ScoreSummary } from './ScoreSummary';

export interface ReportViewProps extends Omit<ItemListProps, 'filter'> {
  report: AuditReport;
  lang: Lang;
  labels?: ReportLabels;
}

const FILTERS: ItemFilter[] = ['all', 'notPassed', 'pass', 'fail', 'review', 'na', 'error'];

/**
 * The whole report from an `AuditReport` alone (plus optional names from the rule pack): the
 * header, the scores, and the checklist with an outcome filter. No browser APIs, so the CLI can
 * render it with renderToStaticMarkup.
 */
export function ReportView(props: ReportViewProps) {
  const { report, lang } = props;
  const [filter, setFilter] = useState<ItemFilter>('all');
  return (
    <article className="oit-report" lang={lang} data-testid="report">
      <header>
        <h2>
          {t(lang, 'reportFor')} <ExternalLink url={report.site.finalUrl || report.site.url} />
        </h2>
        <ReportMeta report={report} lang={lang} />
        <PackNotice report={report} lang={lang} />
        {report.runWarnings.length > 0 ? (
          <details className="oit-warnings">
            <summary>
              {t(lang, 'warnings')} ({report.runWarnings.length})
            </summary>
            <ul>
              {report.runWarnings.map((w) => (
                <li key={w}>{warningText(w, lang)}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </header>
      <ScoreSummary report={report} lang={lang} {...(props.labels ? { labels: props.labels } : {})} />
      <h3>{t(lang, 'results')}</h3>
      <div className="oit-filters">
        {FILTERS.map((f) => {
          const n = report.items.filter((i) => matchesFilter(i.outcome, f)).length;
          if (f !== 'all' && n === 0) return null;
          return (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              className={filter === f ? 'oit-chip oit-chip-on' : 'oit-chip'}
              onClick={() => setFilter(f)}
              data-testid={`filter-${f}`}
            >
              {f === 'all'
                ? t(lang, 'all')
                : f === 'notPassed'
                  ? t(lang, 'notPassed')
                  : OUTCOME_LABELS[f][lang]}{' '}
              ({n})
            </button>
          );
        })}
      </div>
      <ItemList {...props} filter={filter} />
    </article>
  );
}
