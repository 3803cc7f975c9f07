import { warningText } from '../core/messages';
import type { ReactNode } from 'react';
import { type MessageKey, msg } from '../core/messages';
import type { AuditReport } from '../core/report/schema';
import type { RulePack } from '../core/rules/load-pack';
import { formatScore, mean } from '../core/score/round';
import { ExternalLink } from './EvidenceList';
import { type Lang, t } from './i18n';
import { ItemList } from './ItemList';
import { labelsFromPack, localText } from './labels';
import { PackNotice } from './PackNotice';
import { RadarChart } from './RadarChart';
import { type ScoreBar, ScoreBars } from './ScoreBars';
import { ReportMeta } from './ReportMeta';
import { ScoreSummary } from './ScoreSummary';

type DocKey = Extract<MessageKey, `doc_${string}`> extends `doc_${infer K}` ? K : never;

function say(lang: Lang, key: DocKey, vars: Record<string, string | number> = {}): string {
  return msg(lang, `doc_${key}` as MessageKey, vars);
}

/**
 * IIT/EIT indicator scores of the report's survey: as entered at indicator level, or the mean
 * of the questions entered for each indicator. Only indicators of the IIT and EIT tools.
 */
export function surveyIndicatorScores(report: AuditReport, pack: RulePack): Map<number, number> {
  const out = new Map<number, number>();
  const survey = report.survey;
  if (!survey) return out;
  const surveyIds = new Set(pack.tools.filter((t) => t.id !== 'OIT').flatMap((t) => t.indicators));
  for (const [k, v] of Object.entries(survey.indicators ?? {}))
    if (surveyIds.has(Number(k))) out.set(Number(k), v);
  for (const ind of pack.indicators) {
    if (!surveyIds.has(ind.id) || out.has(ind.id)) continue;
    const given = ind.questions.map((q) => survey.questions?.[q]).filter((v): v is number => v !== undefined);
    if (given.length > 0) out.set(ind.id, mean(given));
  }
  return out;
}

function Charts({ report, pack, lang }: { report: AuditReport; pack: RulePack; lang: Lang }) {
  const labels = labelsFromPack(pack);
  const name = (id: number) => localText(labels.indicators[String(id)], lang);
  const surveyScores = surveyIndicatorScores(report, pack);
  const surveyIds = pack.tools.filter((t) => t.id !== 'OIT').flatMap((t) => t.indicators);
  const complete = surveyIds.length > 0 && surveyIds.every((id) => surveyScores.has(id));
  const ita = report.ita ? (
    <p className="oit-chart-caption" data-testid="chart-ita">
      {say(lang, 'itaLine', { n: formatScore(report.ita.score), r: report.ita.rating })}
    </p>
  ) : null;
  let surveyChart: ReactNode;
  if (!report.survey) {
    surveyChart = <p className="oit-muted">{say(lang, 'noSurvey')}</p>;
  } else if (complete) {
    const axes = [
      ...surveyIds.map((id) => ({ id: String(id), label: name(id), value: surveyScores.get(id) as number })),
      ...report.oit.indicators.map((ind) => ({ id: String(ind.id), label: name(ind.id), value: ind.score })),
    ];
    surveyChart = (
      <figure className="oit-chart">
        <figcaption>
          <strong>{say(lang, 'radarTitle')}</strong>
        </figcaption>
        <RadarChart axes={axes} title={say(lang, 'radarTitle')} />
        {ita}
        <p className="oit-muted">{say(lang, 'radarCaption')}</p>
      </figure>
    );
  } else if (surveyScores.size > 0) {
    const bars: ScoreBar[] = [...surveyScores.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, v]) => ({ key: `ind-${id}`, label: `${id}. ${name(id)}`, value: v }));
    surveyChart = (
      <figure className="oit-chart">
        <figcaption>
          <strong>{say(lang, 'partialTitle')}</strong>
        </figcaption>
        <ScoreBars bars={bars} title={say(lang, 'partialTitle')} testId="indicator-bars" />
        {ita}
        <p className="oit-muted">{say(lang, 'partialNote')}</p>
      </figure>
    );
  } else {
    const bars: ScoreBar[] = [
      { key: 'iit', label: 'IIT', value: report.survey.iit },
      { key: 'eit', label: 'EIT', value: report.survey.eit },
      { key: 'oit', label: 'OIT', value: report.oit.score },
      ...(report.ita ? [{ key: 'ita', label: `ITA (${report.ita.rating})`, value: report.ita.score }] : []),
    ];
    surveyChart = (
      <figure className="oit-chart">
        <figcaption>
          <strong>{say(lang, 'toolTitle')}</strong>
        </figcaption>
        <ScoreBars bars={bars} title={say(lang, 'toolTitle')} testId="tool-bars" />
        {ita}
        <p className="oit-muted">{say(lang, 'toolNote')}</p>
      </figure>
    );
  }
  const oitBars: ScoreBar[] = report.oit.indicators.flatMap((ind) =>
    ind.subIndicators.map((s) => ({
      key: s.id,
      label: `${s.id} ${localText(labels.subIndicators[s.id], lang)}`,
      value: s.score,
      note: say(lang, 'itemsOf', { p: s.passed, t: s.total }),
    })),
  );
  return (
    <section className="oit-charts" aria-label={say(lang, 'charts')}>
      <h3>{say(lang, 'charts')}</h3>
      {surveyChart}
      <figure className="oit-chart">
        <figcaption>
          <strong>{say(lang, 'oitTitle')}</strong>
        </figcaption>
        <ScoreBars bars={oitBars} title={say(lang, 'oitTitle')} testId="oit-bars" />
      </figure>
    </section>
  );
}

/**
 * The static audit report (for `oit-audit audit --format html`): the header, the shared
 * ScoreSummary, the charts (radar of the ten indicators when the survey has indicator or
 * question scores, bars otherwise, OIT bars per sub-indicator), and the shared ItemList with
 * every item open so each evidence link is visible and clickable. No hooks, no handlers: it is
 * meant for renderToStaticMarkup. Site text is only ever a React text node.
 */
export function AuditReportDocument({
  report,
  pack,
  lang,
}: {
  report: AuditReport;
  pack: RulePack;
  lang: Lang;
}) {
  const labels = labelsFromPack(pack);
  return (
    <article className="oit-report oit-static" lang={lang} data-testid="report">
      <header>
        <h1>
          {t(lang, 'reportFor')} <ExternalLink url={report.site.finalUrl || report.site.url} />
        </h1>
        <ReportMeta report={report} lang={lang} />
        <PackNotice report={report} lang={lang} />
        {report.runWarnings.length > 0 ? (
          <section className="oit-warnings">
            <h3>
              {t(lang, 'warnings')} ({report.runWarnings.length})
            </h3>
            <ul>
              {report.runWarnings.map((w) => (
                <li key={w}>{warningText(w, lang)}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </header>
      <ScoreSummary report={report} lang={lang} labels={labels} noItaHint="noItaStatic" />
      <Charts report={report} pack={pack} lang={lang} />
      <h3>{say(lang, 'items')}</h3>
      {/* A scriptless "failures only" switch: the checkbox's :checked state hides passed items (CSS). */}
      <input type="checkbox" id="oit-failures-only" className="oit-toggle" />
      <label htmlFor="oit-failures-only" className="oit-chip oit-toggle-label" data-testid="failures-only">
        {t(lang, 'failuresOnly')}
      </label>
      <ItemList report={report} lang={lang} labels={labels} openItems={report.items.map((i) => i.id)} />
      <footer className="oit-muted oit-footer">
        {say(lang, 'footer', { v: report.tool.version, r: report.ruleset.id })}
      </footer>
    </article>
  );
}
