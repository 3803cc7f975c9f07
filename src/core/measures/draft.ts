import { outcomeLabel, problemLabel } from '../report/labels';
import type { AuditReport, MeasureRow } from '../report/schema';
import type { RulePack } from '../rules/load-pack';
import type { MeasureTemplate } from '../rules/schema';
import { ratingOf, scoreIta } from '../score/ita';
import { scoreOit } from '../score/oit';
import { formatScore, mean, round2 } from '../score/round';
import { resolveSurvey, type SurveyInput } from '../score/survey';
import type { Outcome } from '../types';
import { TOOL_VERSION } from '../version';
import {
  MEASURES_VERSION,
  type MeasuresDocument,
  measuresDocumentSchema,
  type ScoreSet,
  type Strength,
} from './document';
import { GENERIC_TEMPLATE, MEASURES_TITLE, problemStep } from './texts';

/** Options shared by both drafts. */
export interface DraftOptions {
  /** The agency's name for the title (the report carries only URLs). */
  agencyName?: string;
  /**
   * The fiscal year (BE) the measures are for. Default: the year of the results + 1, because
   * measures are drafted after the results are out and apply to the next year (seed 002:
   * FY2564 results → FY2565 measures).
   */
  fiscalYear?: number;
  /** The drafting date printed on the document; omitted → a blank date line for the signer. */
  date?: Date;
  /**
   * Scores of a question's sub-items, e.g. `{ I11: { "โปร่งใส ตรวจสอบได้": 92.55, "เอื้อประโยชน์…": 91.68 } }`.
   * A question whose own score is a strength still gets a row for each sub-item at or below the
   * improve threshold, as seed 002 does for I11. The sub-items are taken as the question's mean.
   */
  subScores?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Options of {@link draftMeasuresFromSurvey}. */
export interface SurveyDraftOptions extends DraftOptions {
  /** The OIT score of the same assessment, to show ITA before and after. */
  oit?: number;
  /** The fiscal year (BE) of the results; default `survey.year`. */
  resultsYear?: number;
}

type SurveyScores = Pick<SurveyInput, 'iit' | 'eit' | 'indicators' | 'questions'>;

interface SurveyAnalysis {
  level: 'tool' | 'indicator' | 'question';
  rows: MeasureRow[];
  strengths: Strength[];
  iit: number;
  eit: number;
  /** Indicator scores 1–8 as entered or derived from questions. */
  indicators: Record<string, number>;
  /** ITA points the rows add, per tool. */
  gainByTool: Record<'IIT' | 'EIT', number>;
}

const templateFields = (template: MeasureTemplate) => ({
  measure: template.measure,
  steps: [...template.steps],
  responsible: template.responsible,
  quarters: [...template.quarters],
  monitoring: template.monitoring,
  reporting: template.reporting,
});

function bandOf(pack: RulePack, score: number): 'urgent' | 'improve' | 'strength' {
  const value = round2(score);
  if (value < pack.measureBands.urgentBelow) return 'urgent';
  if (value <= pack.measureBands.improveBelow) return 'improve';
  return 'strength';
}

function scoreText(pack: RulePack, score: number): string {
  return `${formatScore(score)} คะแนน ระดับ ${ratingOf(pack, score)}`;
}

function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The survey tool (IIT or EIT) an indicator belongs to, with its weight (fraction) and size. */
function toolOf(pack: RulePack, indicatorId: number) {
  const tool = pack.tools.find((t) => t.indicators.includes(indicatorId));
  if (!tool || (tool.id !== 'IIT' && tool.id !== 'EIT')) return undefined;
  return { id: tool.id as 'IIT' | 'EIT', weight: (tool.weight ?? 0) / 100, size: tool.indicators.length };
}

/**
 * Rows and strengths from survey scores. ITA gain of a row = what raising that score to the
 * improve threshold (92) adds to the ITA, with the pack's weights:
 * question: w_T × (92 − s) / (n_k × m_T); indicator: w_T × (92 − s) / m_T; sub-item:
 * w_T × (92 − s) / (c × n_k × m_T), where w_T is the tool weight (0.3), m_T the indicators of
 * the tool (5 for IIT, 3 for EIT), n_k the questions entered for the indicator, c the sub-items.
 */
function analyseSurvey(pack: RulePack, input: SurveyScores, options: DraftOptions): SurveyAnalysis {
  const resolved = resolveSurvey(pack, input);
  const target = pack.measureBands.improveBelow;
  const rows: MeasureRow[] = [];
  const strengths: Strength[] = [];
  const gainByTool = { IIT: 0, EIT: 0 };
  const indicators: Record<string, number> = {};
  for (const [k, v] of Object.entries(resolved.indicators)) if (toolOf(pack, Number(k))) indicators[k] = v;
  const questionData = pack.surveyQuestions ?? {};

  for (const ind of pack.indicators) {
    const tool = toolOf(pack, ind.id);
    if (!tool) continue;
    const indicatorTemplate = ind.measure ?? GENERIC_TEMPLATE;
    const given =
      resolved.level === 'question' ? ind.questions.filter((q) => input.questions?.[q] !== undefined) : [];
    if (given.length > 0) {
      for (const code of given) {
        const score = input.questions?.[code] as number;
        const data = questionData[code];
        const name = data?.text.th ?? code;
        const template = data?.measure ?? indicatorTemplate;
        const band = bandOf(pack, score);
        if (band === 'strength') {
          strengths.push({ target: code, kind: 'question', name, score, indicator: ind.id });
          const subs = Object.entries(options.subScores?.[code] ?? {});
          for (const [label, sub] of subs) {
            const subBand = bandOf(pack, sub);
            if (subBand === 'strength') continue;
            const gain = (tool.weight * (target - sub)) / (subs.length * given.length * tool.size);
            gainByTool[tool.id] += gain;
            rows.push({
              target: code,
              kind: 'sub-question',
              band: subBand,
              name: `${name}: ${clip(label, 120)}`,
              score: sub,
              indicator: ind.id,
              issue: `${code} ${name} ในประเด็นย่อย "${clip(label, 120)}" (${scoreText(pack, sub)}; ทั้งข้อ ${formatScore(score)} คะแนน)`,
              finding: template.issue,
              ...templateFields(template),
              itaGain: gain,
            });
          }
          continue;
        }
        const gain = (tool.weight * (target - score)) / (given.length * tool.size);
        gainByTool[tool.id] += gain;
        rows.push({
          target: code,
          kind: 'question',
          band,
          name,
          score,
          indicator: ind.id,
          issue: `${code} ${name} (${scoreText(pack, score)})`,
          finding: template.issue,
          ...templateFields(template),
          itaGain: gain,
        });
      }
      continue;
    }
    const score = resolved.level === 'tool' ? undefined : resolved.indicators[ind.id];
    if (score === undefined) continue;
    const band = bandOf(pack, score);
    const name = ind.name.th;
    if (band === 'strength') {
      strengths.push({ target: `IND${ind.id}`, kind: 'indicator', name, score, indicator: ind.id });
      continue;
    }
    const gain = (tool.weight * (target - score)) / tool.size;
    gainByTool[tool.id] += gain;
    rows.push({
      target: `IND${ind.id}`,
      kind: 'indicator',
      band,
      name,
      score,
      indicator: ind.id,
      issue: `ตัวชี้วัดที่ ${ind.id} ${name} (${scoreText(pack, score)})`,
      finding: indicatorTemplate.issue,
      ...templateFields(indicatorTemplate),
      itaGain: gain,
    });
  }
  return {
    level: resolved.level,
    rows,
    strengths,
    iit: resolved.iit,
    eit: resolved.eit,
    indicators,
    gainByTool,
  };
}

/** One row for an OIT item that is not passed, from its template and the problems found. */
function itemRow(pack: RulePack, item: AuditReport['items'][number]): MeasureRow {
  const rule = pack.itemById.get(item.id);
  const template = rule?.measure ?? GENERIC_TEMPLATE;
  const reasons = [...new Set(item.problems.map((p) => `${problemLabel(p.code, 'th')} — ${clip(p.detail)}`))];
  const fixes = [
    ...new Set(item.problems.map((p) => problemStep(p.code, clip(p.detail))).filter((s): s is string => !!s)),
  ];
  const base = templateFields(template);
  return {
    target: item.id,
    kind: 'item',
    band: 'urgent',
    name: item.name,
    outcome: item.outcome,
    indicator: Number(item.subIndicator.split('.')[0]),
    issue: `${item.id} ${item.name} (${outcomeLabel(item.outcome, 'th')}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''})`,
    finding: template.issue,
    ...base,
    steps: [...fixes, ...base.steps.filter((s) => !fixes.includes(s))],
    itaGain: item.weight,
  };
}

function gainNote(pack: RulePack): string {
  const w = (id: string) => (pack.tools.find((t) => t.id === id)?.weight ?? 0) / 100;
  const t = pack.measureBands.improveBelow;
  return (
    `คะแนน ITA ที่จะได้เพิ่มของแต่ละแถว: ข้อ OIT = น้ำหนักของข้อ (${w('OIT')} × 100 ÷ (จำนวนตัวชี้วัด OIT × จำนวนตัวชี้วัดย่อย × จำนวนข้อในตัวชี้วัดย่อย)); ` +
    `ข้อคำถาม IIT/EIT = ${w('IIT')} × (${t} − คะแนน) ÷ (จำนวนข้อในตัวชี้วัด × จำนวนตัวชี้วัดในแบบวัด); ` +
    `ตัวชี้วัด IIT/EIT = ${w('IIT')} × (${t} − คะแนน) ÷ จำนวนตัวชี้วัดในแบบวัด. ` +
    `คะแนนที่คาดว่าจะได้ = คะแนนปัจจุบัน + ผลรวมของทุกแถว (ทุกข้อ OIT ผ่าน และทุกข้อหรือตัวชี้วัดที่ไม่เกิน ${t} ขึ้นเป็น ${t})`
  );
}

/** The pack's tool weights and indicator names, copied so renderers need only the document. */
function packFacts(pack: RulePack) {
  const w = (id: string) => pack.tools.find((t) => t.id === id)?.weight ?? 0;
  return {
    weights: { iit: w('IIT'), eit: w('EIT'), oit: w('OIT') },
    indicatorNames: Object.fromEntries(pack.indicators.map((i) => [String(i.id), i.name.th])),
  };
}

/** Largest gain first; equal gains keep item, then indicator and question order. */
function byGain(rows: MeasureRow[]): MeasureRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (b.row.itaGain ?? 0) - (a.row.itaGain ?? 0) || a.i - b.i)
    .map((x) => x.row);
}

function scoreSet(
  pack: RulePack,
  tools: { iit: number | null; eit: number | null; oit: number | null },
  indicators: Record<string, number>,
): ScoreSet {
  const clamp = (v: number | null) => (v === null ? null : Math.min(100, Math.max(0, v)));
  const iit = clamp(tools.iit);
  const eit = clamp(tools.eit);
  const oit = clamp(tools.oit);
  const ita = iit !== null && eit !== null && oit !== null ? scoreIta(pack, { iit, eit, oit }) : null;
  return {
    iit,
    eit,
    oit,
    ita: ita ? ita.score : null,
    rating: ita ? ita.rating : null,
    indicators,
  };
}

/**
 * A tool's score after a gain of `gain` ITA points, through the tool's weight. A pack without
 * published weights (ita-2568 on) cannot say: the score stays as given.
 */
function lifted(pack: RulePack, score: number, gain: number, toolId: string): number {
  const weight = pack.tools.find((t) => t.id === toolId)?.weight ?? 0;
  const v = score + gain / (weight / 100);
  return Number.isFinite(v) ? v : score;
}

function projectedIndicators(pack: RulePack, analysis: SurveyAnalysis): Record<string, number> {
  const out: Record<string, number> = { ...analysis.indicators };
  for (const row of analysis.rows) {
    if (row.indicator === undefined || row.itaGain === undefined) continue;
    const tool = toolOf(pack, row.indicator);
    if (!tool) continue;
    // A pack without published weights (ita-2568 on) cannot turn ITA points into scores.
    if (!(typeof tool.weight === 'number' && tool.weight > 0)) continue;
    const key = String(row.indicator);
    out[key] = (out[key] ?? 0) + (row.itaGain * tool.size) / tool.weight;
  }
  return out;
}

function surveyNotes(analysis: SurveyAnalysis | null, pack: RulePack): string[] {
  if (!analysis) {
    return ['ไม่มีคะแนน IIT/EIT: ร่างนี้มีเฉพาะมาตรการด้านการเปิดเผยข้อมูลสาธารณะ (OIT) และยังคำนวณคะแนน ITA ไม่ได้'];
  }
  if (analysis.level !== 'tool') return [];
  const low = (['IIT', 'EIT'] as const)
    .map((id) => ({ id, v: id === 'IIT' ? analysis.iit : analysis.eit }))
    .filter((x) => round2(x.v) <= pack.measureBands.improveBelow)
    .map((x) => `${x.id} ${formatScore(x.v)}`);
  return [
    `คะแนน IIT ${formatScore(analysis.iit)} และ EIT ${formatScore(analysis.eit)} กรอกเป็นคะแนนรวมรายแบบวัด จึงยังระบุประเด็นรายตัวชี้วัดหรือรายข้อไม่ได้${
      low.length > 0 ? ` (${low.join(', ')} ไม่เกิน ${pack.measureBands.improveBelow} คะแนน)` : ''
    }: กรอกคะแนนรายตัวชี้วัดหรือรายข้อเพื่อให้ร่างมาตรการด้าน IIT/EIT`,
  ];
}

/**
 * Drafts the measures from an audit report (DESIGN.md §6): one row per OIT item not passed
 * (its template, the problem found and its weight in ITA points) and, when the report carries
 * survey scores by indicator or question, one row per indicator or question at or below 92
 * (below 85 urgent, 85–92 improve; above 92 listed as a strength). Rows are ordered by ITA gain.
 */
export function draftMeasures(
  report: AuditReport,
  pack: RulePack,
  options: DraftOptions = {},
): MeasuresDocument {
  const itemRows = report.items.filter((i) => i.outcome !== 'pass').map((i) => itemRow(pack, i));
  const survey = report.survey;
  const analysis = survey
    ? analyseSurvey(
        pack,
        {
          ...(survey.level === 'tool' ? { iit: survey.iit, eit: survey.eit } : {}),
          ...(survey.indicators ? { indicators: survey.indicators } : {}),
          ...(survey.questions ? { questions: survey.questions } : {}),
        },
        options,
      )
    : null;
  if (analysis && survey) {
    // The report's own IIT/EIT win (they are what the ITA was computed from).
    analysis.iit = survey.iit;
    analysis.eit = survey.eit;
  }
  const allPass: Record<string, Outcome> = {};
  for (const item of report.items) allPass[item.id] = 'pass';
  const projectedOit = report.items.length > 0 ? scoreOit(pack, allPass).score : report.oit.score;
  const iitGain = analysis?.gainByTool.IIT ?? 0;
  const eitGain = analysis?.gainByTool.EIT ?? 0;
  const before = scoreSet(
    pack,
    { iit: analysis?.iit ?? null, eit: analysis?.eit ?? null, oit: report.oit.score },
    analysis?.indicators ?? {},
  );
  const projected = scoreSet(
    pack,
    {
      iit: analysis ? lifted(pack, analysis.iit, iitGain, 'IIT') : null,
      eit: analysis ? lifted(pack, analysis.eit, eitGain, 'EIT') : null,
      oit: projectedOit,
    },
    analysis ? projectedIndicators(pack, analysis) : {},
  );
  const review = report.items.filter((i) => i.outcome === 'review').map((i) => i.id);
  const notes = [
    ...surveyNotes(analysis, pack),
    ...(review.length > 0
      ? [
          `ข้อ ${review.join(', ')} ต้องตรวจสอบด้วยตนเอง: หลักฐานมีอยู่แต่ตรวจอัตโนมัติไม่ได้ หากผู้ตรวจเห็นว่าผ่านแล้ว ให้ตัดแถวนั้นออก`,
        ]
      : []),
  ];
  return measuresDocumentSchema.parse({
    kind: 'oit-audit-measures',
    version: MEASURES_VERSION,
    tool: { name: 'oit-audit', version: TOOL_VERSION },
    title: MEASURES_TITLE,
    fiscalYear: options.fiscalYear ?? report.assessmentYear + 1,
    resultsYear: report.assessmentYear,
    agencyName: options.agencyName?.trim() || null,
    site: report.site.finalUrl || report.site.url,
    ruleset: { id: report.ruleset.id, year: report.ruleset.year },
    date: options.date ? options.date.toISOString() : null,
    bands: { ...pack.measureBands },
    ...packFacts(pack),
    surveyLevel: survey?.level ?? null,
    oitItems: { total: report.items.length, notPassed: itemRows.length },
    scores: { before, projected },
    rows: byGain([...itemRows, ...(analysis?.rows ?? [])]),
    strengths: analysis?.strengths ?? [],
    gainNote: gainNote(pack),
    notes,
  });
}

/**
 * Drafts the IIT/EIT measures from survey scores alone, with no website audit (seed 002: the
 * FY2564 question scores of an agency whose OIT was 100). Pass `oit` to get the ITA before and
 * after. Throws `SurveyError` for survey input that cannot be resolved, and `Error` when no
 * fiscal year can be inferred (give `fiscalYear`, `resultsYear` or `survey.year`).
 */
export function draftMeasuresFromSurvey(
  survey: SurveyInput,
  pack: RulePack,
  options: SurveyDraftOptions = {},
): MeasuresDocument {
  const analysis = analyseSurvey(pack, survey, options);
  const resultsYear = options.resultsYear ?? survey.year ?? null;
  const fiscalYear = options.fiscalYear ?? (resultsYear !== null ? resultsYear + 1 : undefined);
  if (fiscalYear === undefined) {
    throw new Error('fiscal year unknown: give fiscalYear, resultsYear or the survey year');
  }
  const oitIndicators = (pack.tools.find((t) => t.id === 'OIT')?.indicators ?? []).map(
    (id) => survey.indicators?.[String(id)],
  );
  const oit =
    options.oit ??
    (oitIndicators.length > 0 && oitIndicators.every((v) => v !== undefined)
      ? mean(oitIndicators as number[])
      : null);
  const notes = surveyNotes(analysis, pack);
  if (oit === null) notes.push('ไม่มีคะแนน OIT: คำนวณคะแนน ITA ไม่ได้ (ระบุคะแนน OIT เพื่อแสดงคะแนน ITA)');
  return measuresDocumentSchema.parse({
    kind: 'oit-audit-measures',
    version: MEASURES_VERSION,
    tool: { name: 'oit-audit', version: TOOL_VERSION },
    title: MEASURES_TITLE,
    fiscalYear,
    resultsYear,
    agencyName: options.agencyName?.trim() || null,
    site: null,
    ruleset: { id: pack.id, year: pack.year },
    date: options.date ? options.date.toISOString() : null,
    bands: { ...pack.measureBands },
    ...packFacts(pack),
    surveyLevel: analysis.level,
    oitItems: null,
    scores: {
      before: scoreSet(pack, { iit: analysis.iit, eit: analysis.eit, oit }, analysis.indicators),
      projected: scoreSet(
        pack,
        {
          iit: lifted(pack, analysis.iit, analysis.gainByTool.IIT, 'IIT'),
          eit: lifted(pack, analysis.eit, analysis.gainByTool.EIT, 'EIT'),
          oit,
        },
        projectedIndicators(pack, analysis),
      ),
    },
    rows: byGain(analysis.rows),
    strengths: analysis.strengths,
    gainNote: gainNote(pack),
    notes,
  });
}
