import type { RulePack } from '../core/rules/load-pack';
import type { LocalText } from '../core/types';

/**
 * Names the report itself does not carry (indicators, sub-indicators), taken from the rule pack
 * by the caller. Optional everywhere: without them the view shows the ids.
 */
export interface ReportLabels {
  indicators: Record<string, LocalText>;
  subIndicators: Record<string, LocalText>;
  /** What the evaluator expects of each item and how to fix it (from the pack; optional). */
  items?: Record<string, ItemGuide>;
}

/** The "why" and "how to fix" of an item, as Lighthouse and axe show them. */
export interface ItemGuide {
  /** What the evidence must show (the pack's description). */
  description: LocalText;
  /** The elements the page or document must contain. */
  elements: LocalText[];
  /** Which year the evidence must be of. */
  freshness: 'none' | 'current-fy' | 'first-half' | 'previous-fy';
  /** The measure of the pack's template (Thai) and its steps. */
  measure: string;
  steps: string[];
}

export function labelsFromPack(pack: RulePack): ReportLabels {
  const indicators: Record<string, LocalText> = {};
  const subIndicators: Record<string, LocalText> = {};
  for (const ind of pack.indicators) {
    indicators[String(ind.id)] = ind.name;
    for (const sub of ind.subIndicators) subIndicators[sub.id] = sub.name;
  }
  const items: Record<string, ItemGuide> = {};
  for (const item of pack.items) {
    items[item.id] = {
      description: item.description,
      elements: item.requiredElements.map((e) => e.label),
      freshness: item.freshness,
      measure: item.measure.measure,
      steps: item.measure.steps,
    };
  }
  return { indicators, subIndicators, items };
}

export function localText(text: LocalText | undefined, lang: 'th' | 'en'): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text.th) : text.th;
}

/** An href for a URL from an audited site: http(s) only, anything else gets no link. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** Stable React keys for a list that may repeat values: "a", "a#2", "a#3"… */
export function uniqueKeys(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v) => {
    const n = (seen.get(v) ?? 0) + 1;
    seen.set(v, n);
    return n === 1 ? v : `${v}#${n}`;
  });
}
