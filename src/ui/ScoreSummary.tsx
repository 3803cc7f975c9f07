import type { AuditReport } from '../core/report/schema';
import { formatScore } from '../core/score/round';
import type { Outcome } from '../core/types';
import { type Lang, t } from './i18n';
import { localText, type ReportLabels } from './labels';
import { OutcomeBadge } from './OutcomeBadge';

const OUTCOMES: Outcome[] = ['pass', 'fail', 'review', 'na', 'error'];

/**
 * OIT per indicator and sub-indicator, the upper bound when items need review, the ITA
 * projection when survey scores are in, and the fixes worth most ITA points.
 */
export function ScoreSummary({
  report,
  lang,
  labels,
  topFixes = 5,
  noItaHint = 'noIta',
}: {
  report: AuditReport;
  lang: Lang;
  labels?: ReportLabels;
  topFixes?: number;
  /** What to say when there is no ITA: the panel points to its survey form, a static page to the CLI flags. */
  noItaHint?: 'noIta' | 'noItaStatic';
}) {
  const counts = new Map<Outcome, number>();
  for (const item of report.items) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const names = new Map(report.items.map((i) => [i.id, lang === 'en' ? (i.nameEn ?? i.name) : i.name]));
  const fixes = report.priorities.slice(0, topFixes);
  const hasUpper = report.oit.upperBound > report.oit.score;
  return (
    <section className="oit-summary" data-testid="score-summary">
      <div className="oit-scores">
        <div className="oit-score-box">
          <div className="oit-score-label">{t(lang, 'oitScore')}</div>
          <div className="oit-score-value" data-testid="oit-score">
            {formatScore(report.oit.score)}
          </div>
          {hasUpper ? (
            <div className="oit-muted" data-testid="oit-upper">
              {t(lang, 'upperBound', { n: formatScore(report.oit.upperBound) })}
            </div>
          ) : null}
        </div>
        <div className="oit-score-box">
          <div className="oit-score-label">{t(lang, 'itaProjection')}</div>
          {report.ita ? (
            <>
              <div className="oit-score-value">
                <span data-testid="ita-score">{formatScore(report.ita.score)}</span>{' '}
                <span className="oit-rating" data-testid="ita-rating">
                  {report.ita.rating}
                </span>
              </div>
              <div className="oit-muted">
                IIT {formatScore(report.ita.iit)} · EIT {formatScore(report.ita.eit)} · OIT{' '}
                {formatScore(report.ita.oit)}
              </div>
              {report.ita.upperBound.score > report.ita.score ? (
                <div className="oit-muted">
                  {t(lang, 'itaUpper', {
                    n: formatScore(report.ita.upperBound.score),
                    r: report.ita.upperBound.rating,
                  })}
                </div>
              ) : null}
            </>
          ) : (
            <div className="oit-muted">{t(lang, noItaHint)}</div>
          )}
        </div>
      </div>
      <ul className="oit-counts">
        {OUTCOMES.filter((o) => counts.get(o)).map((o) => (
          <li key={o} data-testid={`count-${o}`}>
            <OutcomeBadge outcome={o} lang={lang} /> {counts.get(o)}
          </li>
        ))}
      </ul>
      <table className="oit-indicators">
        <tbody>
          {report.oit.indicators.map((ind) => (
            <IndicatorRows key={ind.id} indicator={ind} lang={lang} {...(labels ? { labels } : {})} />
          ))}
        </tbody>
      </table>
      {fixes.length > 0 ? (
        <div className="oit-fixes">
          <h3>{t(lang, 'topFixes')}</h3>
          <ol>
            {fixes.map((p) => (
              <li key={p.id} data-testid={`fix-${p.id}`}>
                <strong>{p.id}</strong> {names.get(p.id)} <OutcomeBadge outcome={p.outcome} lang={lang} />{' '}
                <span className="oit-gain">{t(lang, 'itaGain', { n: p.itaGain.toFixed(2) })}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

function IndicatorRows({
  indicator,
  lang,
  labels,
}: {
  indicator: AuditReport['oit']['indicators'][number];
  lang: Lang;
  labels?: ReportLabels;
}) {
  return (
    <>
      <tr className="oit-indicator-row">
        <th scope="row">
          {t(lang, 'indicator')} {indicator.id} {localText(labels?.indicators[String(indicator.id)], lang)}
        </th>
        <td>{formatScore(indicator.score)}</td>
      </tr>
      {indicator.subIndicators.map((s) => (
        <tr key={s.id} className="oit-sub-row" data-testid={`sub-score-${s.id}`}>
          <td>
            {s.id} {localText(labels?.subIndicators[s.id], lang)}{' '}
            <span className="oit-muted">{t(lang, 'passedOf', { p: s.passed, t: s.total })}</span>
          </td>
          <td>{formatScore(s.score)}</td>
        </tr>
      ))}
    </>
  );
}
