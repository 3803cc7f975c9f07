import type { RulePack } from '../rules/load-pack';
import { round2 } from './round';

export interface ItaScore {
  iit: number;
  eit: number;
  oit: number;
  /** Weighted total, unrounded: 0.3 IIT + 0.3 EIT + 0.4 OIT for FY2562 (weights from the pack). */
  score: number;
  rating: string;
}

/**
 * The rating band of a score: the band with the highest minimum not above the score rounded
 * to 2 decimals, as the NACC documents compare (94.99 → A, 95.00 → AA).
 */
export function ratingOf(pack: RulePack, score: number): string {
  const value = round2(score);
  const bands = [...pack.bands].sort((a, b) => b.min - a.min);
  for (const band of bands) if (value >= band.min) return band.rating;
  return bands[bands.length - 1]?.rating ?? '';
}

/** Combines the three tool scores with the pack's weights. */
export function scoreIta(pack: RulePack, tools: { iit: number; eit: number; oit: number }): ItaScore {
  const weight = (id: string) => (pack.tools.find((t) => t.id === id)?.weight ?? 0) / 100;
  const score = weight('IIT') * tools.iit + weight('EIT') * tools.eit + weight('OIT') * tools.oit;
  return { ...tools, score, rating: ratingOf(pack, score) };
}

/** Tool scores from the ten indicator scores (IIT = mean of 1–5, EIT = 6–8, OIT = 9–10). */
export function toolsFromIndicators(pack: RulePack, indicators: readonly number[]) {
  const byTool = (id: string) => {
    const tool = pack.tools.find((t) => t.id === id);
    const values = (tool?.indicators ?? []).map((i) => indicators[i - 1] ?? 0);
    return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  };
  return { iit: byTool('IIT'), eit: byTool('EIT'), oit: byTool('OIT') };
}
