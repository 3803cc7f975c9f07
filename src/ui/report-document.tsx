import type { ReactNode } from 'react';
import type { AuditReport } from '../core/report/schema';
import type { RulePack } from '../core/rules/load-pack';
import { formatScore, mean } from '../core/score/round';
import { ExternalLink } from './EvidenceList';
import { type Lang, t } from './i18n';
import { ItemList } from './ItemList';
import { labelsFromPack, localText } from './labels';
import { RadarChart } from './RadarChart';
import { type ScoreBar, ScoreBars } from './ScoreBars';
import { ReportMeta } from './ReportMeta';
import { ScoreSummary } from './ScoreSummary';

const TEXT = {
  charts: { th: 'ภาพรวมคะแนน', en: 'Scores at a glance' },
  radarTitle: { th: 'กราฟใยแมงมุม: คะแนน 10 ตัวชี้วัด', en: 'Radar chart: the ten indicators' },
  radarCaption: {
    th: 'ตัวชี้วัดที่ 1–8 จากคะแนน IIT/EIT ที่กรอก ตัวชี้วัดที่ 9–10 จากผลการตรวจ OIT; เส้นประคือเกณฑ์ 85 และ 92 คะแนน',
    en: 'Indicators 1–8 from the survey scores entered, 9–10 from this OIT audit; dashed rings at 85 and 92',
  },
  itaLine: { th: 'คะแนน ITA ที่คาดการณ์ {n} ระดับ {r}', en: 'Projected ITA {n}, rating {r}' },
  toolTitle: { th: 'คะแนนรายแบบวัด', en: 'Scores by tool' },
  toolNote: {
    th: 'คะแนน IIT/EIT กรอกเป็นคะแนนรวมรายแบบวัด จึงยังแสดงกราฟใยแมงมุมรายตัวชี้วัดไม่ได้: กรอกคะแนนรายตัวชี้วัดหรือรายข้อเพื่อดูกราฟ',
    en: 'IIT/EIT were entered as tool totals, so there is no per-indicator radar chart: enter indicator or question scores to get it',
  },
  partialTitle: { th: 'คะแนนรายตัวชี้วัดที่กรอก', en: 'Indicator scores entered' },
  partialNote: {
    th: 'กรอกคะแนนไม่ครบทุกตัวชี้วัด จึงแสดงเป็นแท่งเฉพาะที่มี',
    en: 'Not every indicator was entered, so only those given are shown as bars',
  },
  noSurvey: {
    th: 'ไม่มีคะแนน IIT/EIT: แสดงเฉพาะผลการตรวจ OIT (เพิ่ม --survey หรือ --iit/--eit เพื่อคาดการณ์คะแนน ITA)',
    en: 'No IIT/EIT scores: OIT results only (add --survey or --iit/--eit to project the ITA)',
  },
  oitTitle: { th: 'คะแนน OIT รายตัวชี้วัดย่อย', en: 'OIT by sub-indicator' },
  items: { th: 'ผลรายข้อ', en: 'Items' },
  footer: {
    th: 'สร้างโดย oit-audit {v} · ชุดเกณฑ์ {r} · หน้านี้ไม่มีสคริปต์และไม่โหลดสิ่งใดจากเครือข่าย',
    en: 'Made by oit-audit {v} · rule pack {r} · this page has no scripts and loads nothing from the network',
  },
  itemsOf: { th: '{p}/{t} ข้อ', en: '{p}/{t} items' },
} as const;

function say(lang: Lang, key: keyof typeof TEXT, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
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
        {report.runWarnings.length > 0 ? (
          <section className="oit-warnings">
            <h3>
              {t(lang, 'warnings')} ({report.runWarnings.length})
            </h3>
            <ul>
              {report.runWarnings.map((w) => (
                <li key={w}>{w}</li>
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
