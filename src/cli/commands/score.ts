import type { Command } from 'commander';
import type { RulePack } from '../../core/rules/assemble-pack';
import { scoreIta, toolsFromIndicators } from '../../core/score/ita';
import { formatScore } from '../../core/score/round';
import type { ResolvedSurvey } from '../../core/score/survey';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { parseScore, parseScoreList } from '../parse-values';
import { readJsonFile } from '../read-json-file';
import { resolvePack } from '../resolve-pack';

interface ScoreFlags {
  iit?: string;
  eit?: string;
  oit?: string;
  indicators?: string;
  survey?: string;
  report?: string;
  rules: string;
  json?: boolean;
}

/**
 * Reads a survey file (DESIGN.md §4 levels) and resolves IIT/EIT. Its schema (zod) is loaded
 * only for --survey: `score` with plain numbers starts without it (issue 11 §2).
 */
export async function loadSurvey(
  path: string,
  pack: RulePack,
  io: CliIo,
  lang: Lang,
): Promise<ResolvedSurvey> {
  const { resolveSurvey, SurveyError, surveyInputSchema } = await import('../../core/score/survey');
  const json = readJsonFile(path, io.cwd, lang, say(lang, 'แบบสำรวจ', 'survey'));
  const parsed = surveyInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(
      say(
        lang,
        `ไฟล์แบบสำรวจ ${path}: ช่อง "${issue?.path.join('.') ?? ''}" ${issue?.message}`,
        `survey file ${path}: field "${issue?.path.join('.') ?? ''}": ${issue?.message}`,
      ),
      say(
        lang,
        'รูปแบบ: {"iit": 83.81, "eit": 89.33} หรือ {"indicators": {"1": 90.08, ...}} หรือ {"questions": {"I1": 92.5, ...}}',
        'forms: {"iit": 83.81, "eit": 89.33}, {"indicators": {"1": 90.08, ...}} or {"questions": {"I1": 92.5, ...}}',
      ),
    );
  }
  try {
    return resolveSurvey(pack, parsed.data);
  } catch (e) {
    if (e instanceof SurveyError) throw usageError(`${path}: ${e.message}`);
    throw e;
  }
}

function oitFromReport(path: string, io: CliIo, lang: Lang): number {
  const json = readJsonFile(path, io.cwd, lang, say(lang, 'รายงาน', 'report')) as {
    oit?: { score?: unknown };
  };
  const score = json?.oit?.score;
  if (typeof score !== 'number' || score < 0 || score > 100) {
    throw usageError(
      say(lang, `${path} ไม่มีคะแนน OIT (oit.score)`, `${path} has no OIT score (oit.score)`),
      say(
        lang,
        'ใช้ไฟล์ JSON ที่ได้จาก oit-audit audit --format json',
        'use a JSON report written by oit-audit audit --format json',
      ),
    );
  }
  return score;
}

export function registerScore(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('score')
    .description(
      'คำนวณคะแนน ITA และระดับผลการประเมินจากคะแนนที่กรอก / compute the ITA score and rating from given scores',
    )
    .option('--iit <n>', 'คะแนน IIT / IIT score (0–100)')
    .option('--eit <n>', 'คะแนน EIT / EIT score (0–100)')
    .option('--oit <n>', 'คะแนน OIT / OIT score (0–100)')
    .option('--indicators <list>', 'คะแนนตัวชี้วัด 1–10 คั่นด้วยจุลภาค / the ten indicator scores, comma-separated')
    .option('--survey <file>', 'ไฟล์ JSON คะแนน IIT/EIT / survey JSON (tool, indicator or question level)')
    .option('--report <file>', 'ใช้คะแนน OIT จากรายงาน JSON / take OIT from an audit report JSON')
    .option('--rules <id>', 'ชุดเกณฑ์ / rule pack', 'ita-2562')
    .option('--json', 'แสดงผลเป็น JSON / print JSON')
    .action(async (flags: ScoreFlags) => {
      const l = lang();
      const pack = await resolvePack(flags.rules, l);
      let tools: { iit: number; eit: number; oit: number };
      let indicators: number[] | undefined;
      let source: string;
      if (flags.indicators !== undefined) {
        if (flags.iit || flags.eit || flags.oit || flags.survey) {
          throw usageError(
            say(
              l,
              '--indicators ใช้ร่วมกับ --iit/--eit/--oit/--survey ไม่ได้',
              '--indicators cannot be combined with --iit/--eit/--oit/--survey',
            ),
            say(
              l,
              'เลือกกรอกระดับเครื่องมือหรือระดับตัวชี้วัดอย่างใดอย่างหนึ่ง',
              'give either tool scores or the ten indicator scores',
            ),
          );
        }
        indicators = parseScoreList(flags.indicators, '--indicators', 10, l);
        tools = toolsFromIndicators(pack, indicators);
        source = 'indicators';
      } else {
        let iit = flags.iit !== undefined ? parseScore(flags.iit, '--iit', l) : undefined;
        let eit = flags.eit !== undefined ? parseScore(flags.eit, '--eit', l) : undefined;
        let oit = flags.oit !== undefined ? parseScore(flags.oit, '--oit', l) : undefined;
        if (flags.survey) {
          const survey = await loadSurvey(flags.survey, pack, io, l);
          iit ??= survey.iit;
          eit ??= survey.eit;
        }
        if (flags.report) oit ??= oitFromReport(flags.report, io, l);
        const missing = [
          iit === undefined && '--iit',
          eit === undefined && '--eit',
          oit === undefined && '--oit',
        ].filter(Boolean);
        if (iit === undefined || eit === undefined || oit === undefined) {
          throw usageError(
            say(l, `ขาดคะแนน: ${missing.join(', ')}`, `missing scores: ${missing.join(', ')}`),
            say(
              l,
              'ตัวอย่าง: oit-audit score --iit 83.81 --eit 89.33 --oit 98.89 หรือ --indicators 90.08,84.02,80.81,80.75,83.41,94.79,88.92,84.27,97.78,100',
              'e.g. oit-audit score --iit 83.81 --eit 89.33 --oit 98.89, or --indicators with ten values',
            ),
          );
        }
        tools = { iit, eit, oit };
        source = flags.survey ? 'survey' : 'tools';
      }
      const byIndicator = indicators
        ? Object.fromEntries(indicators.map((v, i) => [i + 1, v] as const))
        : undefined;
      const ita = scoreIta(pack, tools, byIndicator);
      if (!ita) {
        // The pack does not know this year's tool weights (2568 onwards): no total is invented.
        const reason = say(
          l,
          `ชุดเกณฑ์ ${pack.id} ไม่ทราบน้ำหนักของแบบวัดในปีนี้ จึงไม่คำนวณคะแนน ITA รวมและระดับ`,
          `rule pack ${pack.id} does not know this year's tool weights: no ITA total or rating is computed`,
        );
        if (flags.json) {
          io.stdout(
            `${JSON.stringify({ ruleset: pack.id, source, ...tools, score: null, rating: null, reason }, null, 2)}\n`,
          );
        } else {
          io.stdout(
            `${[
              say(l, `ผลการประเมิน ITA (${pack.id})`, `ITA score (${pack.id})`),
              `  IIT  ${formatScore(tools.iit).padStart(6)}`,
              `  EIT  ${formatScore(tools.eit).padStart(6)}`,
              `  OIT  ${formatScore(tools.oit).padStart(6)}`,
              `  ! ${reason}`,
            ].join('\n')}\n`,
          );
        }
        setExit(ExitCode.ok);
        return;
      }
      if (flags.json) {
        io.stdout(
          `${JSON.stringify(
            {
              ruleset: pack.id,
              source,
              ...(indicators ? { indicators } : {}),
              iit: ita.iit,
              eit: ita.eit,
              oit: ita.oit,
              score: ita.score,
              rating: ita.rating,
              display: {
                iit: formatScore(ita.iit),
                eit: formatScore(ita.eit),
                oit: formatScore(ita.oit),
                score: formatScore(ita.score),
              },
            },
            null,
            2,
          )}\n`,
        );
      } else {
        const weight = (id: string) => pack.tools.find((t) => t.id === id)?.weight ?? 0;
        const lines = [say(l, `ผลการประเมิน ITA (${pack.id})`, `ITA score (${pack.id})`)];
        if (indicators) {
          pack.indicators.forEach((ind, i) => {
            lines.push(
              `  ${String(ind.id).padStart(2)}. ${l === 'en' ? (ind.name.en ?? ind.name.th) : ind.name.th}  ${formatScore(indicators[i] ?? 0)}`,
            );
          });
        }
        lines.push(`  IIT  ${formatScore(ita.iit).padStart(6)}  × ${weight('IIT')}%`);
        lines.push(`  EIT  ${formatScore(ita.eit).padStart(6)}  × ${weight('EIT')}%`);
        lines.push(`  OIT  ${formatScore(ita.oit).padStart(6)}  × ${weight('OIT')}%`);
        lines.push(
          `  ITA  ${formatScore(ita.score).padStart(6)}  ${say(l, 'ระดับ', 'rating')} ${ita.rating || say(l, '(ไม่ทราบเกณฑ์ระดับของปีนี้)', '(rating scheme of this year unknown)')}`,
        );
        if (ita.partsApproximate)
          lines.push(
            say(
              l,
              '  ! ระดับใช้คะแนน EIT รวมแทน EIT ส่วนที่ 1 และ 2 (กรอก --indicators เพื่อให้ได้ระดับที่แน่นอน)',
              '  ! the level used the whole EIT for EIT parts 1 and 2 (give --indicators for an exact level)',
            ),
          );
        io.stdout(`${lines.join('\n')}\n`);
      }
      setExit(ExitCode.ok);
    });
}
