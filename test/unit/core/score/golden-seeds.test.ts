import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../../src/core/rules/registry';
import { round2, scoreIta, scoreOit, toolsFromIndicators } from '../../../../src/core/score';
import type { Outcome } from '../../../../src/core/types';

const pack = getRulePack('ita-2562')!;

// The seven published totals of the seed documents (domain/oit-criteria.md §3.3).
const fromIndicators: { doc: string; indicators: number[]; total: number; rating: string }[] = [
  {
    doc: 'D1 2562',
    indicators: [89.0, 80.67, 80.2, 74.38, 73.01, 91.46, 82.32, 82.75, 100, 100],
    total: 89.49,
    rating: 'A',
  },
  {
    doc: 'D2 2563',
    indicators: [95.08, 91.44, 92.07, 93.94, 94.5, 89.95, 83.98, 83.37, 100, 100],
    total: 93.75,
    rating: 'A',
  },
  {
    doc: 'D2 2564',
    indicators: [94.57, 90.83, 91.31, 92.13, 96.31, 92.08, 91.07, 87.88, 100, 100],
    total: 95.01,
    rating: 'AA',
  },
  {
    doc: 'D3 2563',
    indicators: [90.08, 84.02, 80.81, 80.75, 83.41, 94.79, 88.92, 84.27, 97.78, 100],
    total: 91.5,
    rating: 'A',
  },
  {
    doc: 'D0 2566',
    indicators: [96.56, 95.88, 93.82, 95.88, 93.13, 89.23, 85.63, 82.65, 82.5, 93.75],
    total: 89.52,
    rating: 'A',
  },
];

const fromTools: { doc: string; iit: number; eit: number; oit: number; total: number; rating: string }[] = [
  { doc: 'D4 2563', iit: 80.79, eit: 84.47, oit: 97.5, total: 88.58, rating: 'A' },
  { doc: 'D4 2564', iit: 83.41, eit: 92.21, oit: 100, total: 92.69, rating: 'A' },
];

describe('ITA totals of the seed documents', () => {
  for (const c of fromIndicators) {
    it(`${c.doc}: ten indicators → ${c.total} ${c.rating}`, () => {
      const result = scoreIta(pack, toolsFromIndicators(pack, c.indicators));
      expect(round2(result.score)).toBe(c.total);
      expect(Math.abs(result.score - c.total)).toBeLessThan(0.005);
      expect(result.rating).toBe(c.rating);
    });
  }
  for (const c of fromTools) {
    it(`${c.doc}: tool scores → ${c.total} ${c.rating}`, () => {
      const result = scoreIta(pack, { iit: c.iit, eit: c.eit, oit: c.oit });
      expect(round2(result.score)).toBe(c.total);
      expect(result.rating).toBe(c.rating);
    });
  }

  it('D3: IIT and EIT as the document prints them (83.81, 89.33)', () => {
    const tools = toolsFromIndicators(pack, fromIndicators[3]!.indicators);
    expect(round2(tools.iit)).toBe(83.81);
    expect(round2(tools.eit)).toBe(89.33);
    expect(round2(tools.oit)).toBe(98.89);
  });
});

describe('OIT arithmetic from item outcomes', () => {
  it('D3: 9.1 at 8/9, everything else passed → indicator 9 = 97.78, OIT = 98.89', () => {
    const outcomes: Record<string, Outcome> = {};
    for (const item of pack.items) outcomes[item.id] = 'pass';
    outcomes.O3 = 'fail';
    const oit = scoreOit(pack, outcomes);
    const ind9 = oit.indicators.find((i) => i.id === 9)!;
    expect(ind9.subIndicators.find((s) => s.id === '9.1')).toMatchObject({ passed: 8, total: 9 });
    expect(round2(ind9.subIndicators[0]!.score)).toBe(88.89);
    expect(round2(ind9.score)).toBe(97.78);
    expect(round2(oit.score)).toBe(98.89);
    // The item mean would be 32/33 = 96.97: the indicator is the mean of sub-indicators.
    expect(round2(ind9.score)).not.toBe(96.97);
  });

  it('review counts as not passed officially and as passed for the upper bound', () => {
    const outcomes: Record<string, Outcome> = {};
    for (const item of pack.items) outcomes[item.id] = 'pass';
    outcomes.O42 = 'review';
    expect(round2(scoreOit(pack, outcomes).score)).toBe(96.43); // 10.2 at 6/7 → indicator 10 = 92.86 → OIT 96.43
    expect(scoreOit(pack, outcomes, { reviewAsPass: true }).score).toBe(100);
  });
});
