import type { RulePack } from '../rules/load-pack';
import { mean, round2 } from './round';

export interface ItaScore {
  iit: number;
  eit: number;
  oit: number;
  /** Weighted total, unrounded: 0.3 IIT + 0.3 EIT + 0.4 OIT for FY2562 (weights from the pack). */
  score: number;
  /** The band or level; "" when the pack does not know the year's rating scheme. */
  rating: string;
  /**
   * The level needed scores of rating parts (EIT part 1 and 2) that were not entered: the
   * whole tool's score stood in for them, so the level may be one step too high.
   */
  partsApproximate?: boolean;
}

/** True when the pack knows every tool weight, so an ITA total can be computed. */
export function itaWeightsKnown(pack: RulePack): boolean {
  const ids = new Set(pack.tools.map((t) => t.id));
  return ids.has('IIT') && ids.has('EIT') && ids.has('OIT') && pack.tools.every((t) => t.weight !== null);
}

/** True when the pack has a rating scheme (letter bands or levels). */
export function ratingKnown(pack: RulePack): boolean {
  return pack.bands.length > 0 || pack.levels.length > 0;
}

/**
 * The rating of a score, compared at 2 decimals as the NACC documents do (94.99 → A,
 * 95.00 → AA). Letter bands: the band with the highest minimum not above the score. Levels:
 * the highest level whose minimum the score reaches and whose `partsMin` every rating part
 * reaches (D0: 89.52 is only "ผ่าน" because EIT part 2 is under 85). "" without a scheme.
 */
export function ratingOf(
  pack: RulePack,
  score: number,
  parts: Readonly<Record<string, number>> = {},
): string {
  const value = round2(score);
  if (pack.bands.length > 0) {
    const bands = [...pack.bands].sort((a, b) => b.min - a.min);
    for (const band of bands) if (value >= band.min) return band.rating;
    return bands[bands.length - 1]?.rating ?? '';
  }
  const levels = [...pack.levels].sort((a, b) => b.min - a.min || (b.partsMin ?? 0) - (a.partsMin ?? 0));
  for (const level of levels) {
    if (value < level.min) continue;
    const partsMin = level.partsMin;
    if (partsMin !== undefined) {
      const ok = pack.ratingParts.every((p) => round2(parts[p.id] ?? 0) >= partsMin);
      if (!ok) continue;
    }
    return level.rating;
  }
  return levels[levels.length - 1]?.rating ?? '';
}

/**
 * Combines the three tool scores with the pack's weights. `indicators` (1-based scores of
 * indicators 1–10) give the rating parts exactly; without them a part takes its tool's score.
 * Returns null when the pack does not know the year's weights: no total is invented.
 */
export function scoreIta(
  pack: RulePack,
  tools: { iit: number; eit: number; oit: number },
  indicators?: Readonly<Record<number, number>>,
): ItaScore | null {
  if (!itaWeightsKnown(pack)) return null;
  const weight = (id: string) => (pack.tools.find((t) => t.id === id)?.weight ?? 0) / 100;
  const score = weight('IIT') * tools.iit + weight('EIT') * tools.eit + weight('OIT') * tools.oit;
  const byTool = { IIT: tools.iit, EIT: tools.eit, OIT: tools.oit };
  const parts: Record<string, number> = {};
  let approximate = false;
  for (const part of pack.ratingParts) {
    const given = part.indicators.map((i) => indicators?.[i]);
    const toolIndicators = pack.tools.find((t) => t.id === part.tool)?.indicators ?? [];
    const wholeTool =
      toolIndicators.length === part.indicators.length &&
      toolIndicators.every((i) => part.indicators.includes(i));
    if (given.every((v): v is number => v !== undefined)) parts[part.id] = mean(given);
    else {
      parts[part.id] = byTool[part.tool];
      if (!wholeTool) approximate = true;
    }
  }
  const rating = ratingOf(pack, score, parts);
  return {
    ...tools,
    score,
    rating,
    ...(approximate && pack.levels.length > 0 ? { partsApproximate: true } : {}),
  };
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
