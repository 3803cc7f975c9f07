import type { RulePack } from '../core/rules/load-pack';
import type { LocalText } from '../core/types';

/**
 * Names the report itself does not carry (indicators, sub-indicators), taken from the rule pack
 * by the caller. Optional everywhere: without them the view shows the ids.
 */
export interface ReportLabels {
  indicators: Record<string, LocalText>;
  subIndicators: Record<string, LocalText>;
}

export function labelsFromPack(pack: RulePack): ReportLabels {
  const indicators: Record<string, LocalText> = {};
  const subIndicators: Record<string, LocalText> = {};
  for (const ind of pack.indicators) {
    indicators[String(ind.id)] = ind.name;
    for (const sub of ind.subIndicators) subIndicators[sub.id] = sub.name;
  }
  return { indicators, subIndicators };
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
