import type { RulePack } from '../rules/load-pack';
import { formatScore } from '../score/round';
import { describeGateFailure, type GateResult, type ItemLevel } from './gates';
import { type Lang, outcomeLabel, problemDetail, problemLabel } from './labels';
import { renderMarkdown } from './render-markdown';
import type { AuditReport } from './schema';

/** GitHub shows only a few annotations per step; we never print more than this. */
export const MAX_ANNOTATIONS = 10;
/** The step summary is capped at 1 MiB per step; stay under it. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 1024;

/** Escapes the message of a workflow command (GitHub: `%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (`%`, CR, LF, and also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/**
 * At most ten `::error`/`::warning` workflow commands, one per line. Gate failures first (the
 * score gate, then the items that failed a gate), then the other items not passed, each group
 * ranked by ITA gain; `off` items and `na` outcomes are left out. An item is an `error` only if
 * it made the gate fail, so a green build never shows red annotations.
 */
export function renderAnnotations(
  report: AuditReport,
  gate: GateResult,
  levels: Readonly<Record<string, ItemLevel>>,
  lang: Lang = 'th',
): string {
  const lines: string[] = [];
  if (report.ruleset.mismatch) {
    lines.push(
      `::warning title=${escapeProperty(t(lang, 'oit-audit: ชุดเกณฑ์ไม่ตรงกับเว็บไซต์', 'oit-audit: rule pack mismatch'))}::${escapeData(lang === 'en' ? report.ruleset.mismatch.en : report.ruleset.mismatch.th)}`,
    );
  }
  for (const f of gate.failures) {
    if (f.kind === 'score') {
      lines.push(
        `::error title=${escapeProperty(t(lang, 'oit-audit: คะแนนต่ำกว่าเกณฑ์', 'oit-audit: score gate'))}::${escapeData(describeGateFailure(f, lang))}`,
      );
    }
  }
  const byId = new Map(report.items.map((i) => [i.id, i]));
  const ranked = report.priorities.filter((p) => levels[p.id] !== 'off' && p.outcome !== 'na');
  const ordered = [
    ...ranked.filter((p) => gate.failingItems.has(p.id)),
    ...ranked.filter((p) => !gate.failingItems.has(p.id)),
  ];
  for (const p of ordered) {
    if (lines.length >= MAX_ANNOTATIONS) break;
    const item = byId.get(p.id);
    if (!item) continue;
    const kind = gate.failingItems.has(p.id) ? 'error' : 'warning';
    const name = lang === 'en' ? (item.nameEn ?? item.name) : item.name;
    const title = `${item.id} ${name} (+${p.itaGain.toFixed(2)} ITA)`;
    const problem = item.problems[0];
    const reason = problem
      ? `${problemLabel(problem.code, lang)}: ${problemDetail(problem, lang)}${problem.url ? ` ${problem.url}` : ''}`
      : '';
    const message = `${item.id} ${outcomeLabel(item.outcome, lang)}${reason ? ` — ${reason}` : ''}`;
    lines.push(`::${kind} title=${escapeProperty(title)}::${escapeData(message)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Cuts UTF-8 text to at most `maxBytes` bytes without splitting a character. */
function clipUtf8(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back up to the start of a UTF-8 sequence.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/**
 * The job summary: the gate verdict, then the full Markdown report (every item in its
 * sub-indicator's table). Kept under GitHub's 1 MiB step-summary cap.
 */
export function renderGithubSummary(
  report: AuditReport,
  pack: RulePack,
  gate: GateResult,
  lang: Lang = 'th',
): string {
  const head: string[] = [];
  const score = report.ita
    ? `ITA ${formatScore(report.ita.score)} (${report.ita.rating}) · OIT ${formatScore(report.oit.score)}`
    : `OIT ${formatScore(report.oit.score)}`;
  if (!gate.gated) head.push(`### oit-audit: ${score}`);
  else if (gate.passed) head.push(`### ✅ oit-audit: ${t(lang, 'ผ่านเกณฑ์', 'gate passed')} · ${score}`);
  else {
    head.push(`### ❌ oit-audit: ${t(lang, 'ไม่ผ่านเกณฑ์', 'gate failed')} · ${score}`, '');
    for (const f of gate.failures) head.push(`- ${describeGateFailure(f, lang)}`);
  }
  if (gate.known.length > 0) {
    head.push(
      '',
      t(
        lang,
        `ไม่ผ่านตั้งแต่ baseline (ไม่นับเป็นความล้มเหลว): ${gate.known.join(', ')}`,
        `Not passing since the baseline (not failing the gate): ${gate.known.join(', ')}`,
      ),
    );
  }
  const text = `${head.join('\n')}\n\n${renderMarkdown(report, pack, lang)}\n`;
  const note = `\n\n_${t(lang, 'ตัดทอนเพื่อให้ไม่เกิน 1 MiB', 'truncated to stay under 1 MiB')}_\n`;
  const clipped = clipUtf8(text, MAX_SUMMARY_BYTES);
  return clipped === text ? text : `${clipUtf8(text, MAX_SUMMARY_BYTES - 200)}${note}`;
}
