import type { RulePack } from '../rules/load-pack';
import type { Outcome } from '../types';

export interface ItemWeight {
  id: string;
  /** What passing this item adds to the OIT score, in OIT points (0–100 scale). */
  oitPoints: number;
  /** What passing this item adds to the ITA score, in ITA points (0–100 scale). */
  itaPoints: number;
}

/**
 * An item's worth: OIT points = 100 / (indicators × sub-indicators in its indicator × items in
 * its sub-indicator); ITA points = OIT points × OIT weight / 100. In FY2562 that is 0.44 ITA
 * points for a 9.1 item and 1.43 for a 10.2 item (DESIGN.md §4).
 */
export function itemWeights(pack: RulePack): Map<string, ItemWeight> {
  const oit = pack.tools.find((t) => t.id === 'OIT');
  const weights = new Map<string, ItemWeight>();
  if (!oit) return weights;
  for (const sub of pack.subIndicators) {
    if (!oit.indicators.includes(sub.indicatorId)) continue;
    const subsInIndicator = pack.subIndicators.filter((s) => s.indicatorId === sub.indicatorId).length;
    const oitPoints = 100 / (oit.indicators.length * subsInIndicator * sub.items.length);
    for (const id of sub.items) {
      // An unknown OIT weight (2568 onwards) gives no ITA points; ranking then uses OIT points.
      weights.set(id, { id, oitPoints, itaPoints: (oitPoints * (oit.weight ?? 0)) / 100 });
    }
  }
  return weights;
}

export interface Priority {
  id: string;
  /** ITA points gained if this item passed. */
  itaGain: number;
  /** OIT points gained if this item passed. */
  oitGain: number;
  outcome: Outcome;
}

/**
 * Ranks the items that are not passed by what passing them would add, largest first; ties
 * keep item order. `review` items are included: the official score does not count them yet.
 */
export function priorities(pack: RulePack, outcomes: Readonly<Record<string, Outcome>>): Priority[] {
  const weights = itemWeights(pack);
  const list: Priority[] = [];
  for (const item of pack.items) {
    const outcome = outcomes[item.id] ?? 'fail';
    if (outcome === 'pass') continue;
    const w = weights.get(item.id);
    if (!w) continue;
    list.push({ id: item.id, itaGain: w.itaPoints, oitGain: w.oitPoints, outcome });
  }
  // A stable sort keeps the numeric item order for equal gains.
  return list.sort((a, b) => b.itaGain - a.itaGain || b.oitGain - a.oitGain);
}
