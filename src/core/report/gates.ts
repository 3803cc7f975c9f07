import { round2 } from '../score/round';
import type { Outcome } from '../types';
import type { Lang } from './labels';
import type { AuditReport } from './schema';

/**
 * Per-item level, ESLint/Lighthouse CI style: `error` = the item must pass (like `required`);
 * `warn` = reported and annotated as a warning, never fails the gate; `off` = left out of gates,
 * baselines and annotations (still in every report). Items without a level count toward
 * `maxMissing` and baseline regressions.
 */
export type ItemLevel = 'error' | 'warn' | 'off';

export interface GateOptions {
  /** Fail when the projected ITA (or the OIT without a survey), rounded to 2 decimals, is below this. */
  failUnder?: number | undefined;
  /** Items that must pass. */
  required?: readonly string[] | undefined;
  /** Fail when more counted items than this are missing (outcome fail or error). */
  maxMissing?: number | undefined;
  levels?: Readonly<Record<string, ItemLevel>> | undefined;
  /**
   * A previous report: the item gates then become "nothing that passed there stops passing"
   * (`failUnder` still applies).
   */
  baseline?: AuditReport | null | undefined;
}

export type GateFailure =
  | { kind: 'score'; what: 'ITA' | 'OIT'; value: number; threshold: number }
  | { kind: 'required'; items: string[] }
  | { kind: 'missing'; items: string[]; max: number }
  | { kind: 'regression'; items: { id: string; was: Outcome | null; now: Outcome }[] };

export interface GateResult {
  passed: boolean;
  failures: GateFailure[];
  /** Items that made the gate fail (annotated as errors). */
  failingItems: ReadonlySet<string>;
  /** With a baseline: counted items that did not pass there either (known, not failing). */
  known: string[];
  /** Whether any gate was set at all. */
  gated: boolean;
}

/** Missing for the `maxMissing` gate: not passed and not waiting for a person. */
export function isMissing(outcome: Outcome): boolean {
  return outcome === 'fail' || outcome === 'error';
}

/** Evaluates the CI gates (DESIGN.md §7) on a report. Pure: no I/O, no messages. */
export function evaluateGates(report: AuditReport, options: GateOptions): GateResult {
  const levels = options.levels ?? {};
  const level = (id: string): ItemLevel | undefined => levels[id];
  const counted = (id: string) => level(id) !== 'warn' && level(id) !== 'off';
  const failures: GateFailure[] = [];
  const failingItems = new Set<string>();
  const known: string[] = [];

  if (options.failUnder !== undefined) {
    const what = report.ita ? 'ITA' : 'OIT';
    const value = round2(report.ita ? report.ita.score : report.oit.score);
    if (value < options.failUnder)
      failures.push({ kind: 'score', what, value, threshold: options.failUnder });
  }

  const required = new Set(options.required ?? []);
  for (const [id, l] of Object.entries(levels)) if (l === 'error') required.add(id);

  if (options.baseline) {
    const before = new Map(options.baseline.items.map((i) => [i.id, i.outcome]));
    const regressed: { id: string; was: Outcome | null; now: Outcome }[] = [];
    for (const item of report.items) {
      if (!counted(item.id) || item.outcome === 'pass') continue;
      const was = before.get(item.id);
      if (was === 'pass') regressed.push({ id: item.id, was, now: item.outcome });
      else if (was !== undefined) known.push(item.id);
      else if (required.has(item.id) || isMissing(item.outcome)) {
        // An item the baseline does not have is new: it must meet the ordinary gates.
        regressed.push({ id: item.id, was: null, now: item.outcome });
      }
    }
    if (regressed.length > 0) {
      failures.push({ kind: 'regression', items: regressed });
      for (const r of regressed) failingItems.add(r.id);
    }
  } else {
    const notPassed = report.items.filter((i) => required.has(i.id) && i.outcome !== 'pass').map((i) => i.id);
    if (notPassed.length > 0) {
      failures.push({ kind: 'required', items: notPassed });
      for (const id of notPassed) failingItems.add(id);
    }
    if (options.maxMissing !== undefined) {
      const missing = report.items.filter((i) => counted(i.id) && isMissing(i.outcome)).map((i) => i.id);
      if (missing.length > options.maxMissing) {
        failures.push({ kind: 'missing', items: missing, max: options.maxMissing });
        for (const id of missing) failingItems.add(id);
      }
    }
  }

  const gated =
    options.failUnder !== undefined ||
    required.size > 0 ||
    options.maxMissing !== undefined ||
    Boolean(options.baseline);
  return { passed: failures.length === 0, failures, failingItems, known, gated };
}

const t = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** One line per failed gate, for stderr and the step summary. */
export function describeGateFailure(failure: GateFailure, lang: Lang): string {
  switch (failure.kind) {
    case 'score':
      return t(
        lang,
        `${failure.what} ${failure.value.toFixed(2)} ต่ำกว่า ${failure.threshold}`,
        `${failure.what} ${failure.value.toFixed(2)} is below ${failure.threshold}`,
      );
    case 'required':
      return t(
        lang,
        `ข้อที่ต้องผ่านแต่ไม่ผ่าน ${failure.items.join(', ')}`,
        `required item(s) not passed: ${failure.items.join(', ')}`,
      );
    case 'missing':
      return t(
        lang,
        `ขาด ${failure.items.length} ข้อ (ยอมได้ไม่เกิน ${failure.max}): ${failure.items.join(', ')}`,
        `${failure.items.length} item(s) missing, at most ${failure.max} allowed: ${failure.items.join(', ')}`,
      );
    case 'regression':
      return t(
        lang,
        `ข้อที่เคยผ่านใน baseline แต่ตอนนี้ไม่ผ่าน: ${failure.items.map((r) => `${r.id} (${r.now})`).join(', ')}`,
        `item(s) that passed in the baseline and no longer pass: ${failure.items.map((r) => `${r.id} (${r.now})`).join(', ')}`,
      );
  }
}
