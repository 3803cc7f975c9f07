import type { RulePack } from '../rules/load-pack';
import type { Outcome } from '../types';
import { mean } from './round';

export interface SubIndicatorScore {
  id: string;
  /** 0–100: the mean of its items (pass = 100, anything else = 0). */
  score: number;
  passed: number;
  total: number;
}

export interface IndicatorScore {
  id: number;
  /** 0–100: the mean of its sub-indicators, not of all items (NACC arithmetic, D3). */
  score: number;
  subIndicators: SubIndicatorScore[];
}

export interface OitScore {
  /** 0–100: the mean of the OIT indicators (9 and 10). */
  score: number;
  indicators: IndicatorScore[];
}

/**
 * Scores the OIT from item outcomes exactly as the NACC does: item pass = 100, anything else
 * = 0; sub-indicator = mean of items; indicator = mean of sub-indicators; OIT = mean of
 * indicators. With `reviewAsPass`, `review` items count as passed (the upper bound).
 * Items missing from `outcomes` count as not passed.
 */
export function scoreOit(
  pack: RulePack,
  outcomes: Readonly<Record<string, Outcome>>,
  options: { reviewAsPass?: boolean } = {},
): OitScore {
  const passes = (id: string) => {
    const o = outcomes[id];
    return o === 'pass' || (options.reviewAsPass === true && o === 'review');
  };
  const oitTool = pack.tools.find((t) => t.id === 'OIT');
  const indicatorIds = oitTool?.indicators ?? [];
  const indicators: IndicatorScore[] = indicatorIds.map((indicatorId) => {
    const subIndicators = pack.subIndicators
      .filter((s) => s.indicatorId === indicatorId)
      .map((s) => {
        const passed = s.items.filter(passes).length;
        return { id: s.id, score: (passed / s.items.length) * 100, passed, total: s.items.length };
      });
    return { id: indicatorId, score: mean(subIndicators.map((s) => s.score)), subIndicators };
  });
  return { score: mean(indicators.map((i) => i.score)), indicators };
}
