import { describe, expect, it } from 'vitest';
import type { RulePack } from '../../../../src/core/rules/load-pack';
import { getRulePack } from '../../../../src/core/rules/registry';
import { itemWeights, round2, scoreIta, scoreOit, toolsFromIndicators } from '../../../../src/core/score';
import type { Outcome } from '../../../../src/core/types';

const pack = getRulePack('ita-2562')!;
const packOf = (id: string): RulePack => getRulePack(id)!;

// The seven published totals of the seed documents (domain/oit-criteria.md §3.3).
const fromIndicators: { doc: string; pack: string; indicators: number[]; total: number; rating: string }[] = [
  {
    doc: 'D1 2562',
    pack: 'ita-2562',
    indicators: [89.0, 80.67, 80.2, 74.38, 73.01, 91.46, 82.32, 82.75, 100, 100],
    total: 89.49,
    rating: 'A',
  },
  {
    doc: 'D2 2563',
    pack: 'ita-2563',
    indicators: [95.08, 91.44, 92.07, 93.94, 94.5, 89.95, 83.98, 83.37, 100, 100],
    total: 93.75,
    rating: 'A',
  },
  {
    doc: 'D2 2564',
    pack: 'ita-2564',
    indicators: [94.57, 90.83, 91.31, 92.13, 96.31, 92.08, 91.07, 87.88, 100, 100],
    total: 95.01,
    rating: 'AA',
  },
  {
    doc: 'D3 2563',
    pack: 'ita-2563',
    indicators: [90.08, 84.02, 80.81, 80.75, 83.41, 94.79, 88.92, 84.27, 97.78, 100],
    total: 91.5,
    rating: 'A',
  },
  {
    doc: 'D0 2566',
    pack: 'ita-2566',
    indicators: [96.56, 95.88, 93.82, 95.88, 93.13, 89.23, 85.63, 82.65, 82.5, 93.75],
    total: 89.52,
    // Only "ผ่าน": the total is ≥ 85 but EIT part 2 (indicator 8, 82.65) is under 85.
    rating: 'ผ่าน',
  },
];

const fromTools: {
  doc: string;
  pack: string;
  iit: number;
  eit: number;
  oit: number;
  total: number;
  rating: string;
}[] = [
  { doc: 'D4 2563', pack: 'ita-2563', iit: 80.79, eit: 84.47, oit: 97.5, total: 88.58, rating: 'A' },
  { doc: 'D4 2564', pack: 'ita-2564', iit: 83.41, eit: 92.21, oit: 100, total: 92.69, rating: 'A' },
];

describe("ITA totals of the seed documents, each under its own year's pack", () => {
  for (const c of fromIndicators) {
    it(`${c.doc} (${c.pack}): ten indicators → ${c.total} ${c.rating}`, () => {
      const p = packOf(c.pack);
      const byIndicator = Object.fromEntries(c.indicators.map((v, i) => [i + 1, v]));
      const result = scoreIta(p, toolsFromIndicators(p, c.indicators), byIndicator)!;
      expect(round2(result.score)).toBe(c.total);
      expect(Math.abs(result.score - c.total)).toBeLessThan(0.005);
      expect(result.rating).toBe(c.rating);
      expect(result.partsApproximate).toBeUndefined();
    });
  }
  for (const c of fromTools) {
    it(`${c.doc} (${c.pack}): tool scores → ${c.total} ${c.rating}`, () => {
      const result = scoreIta(packOf(c.pack), { iit: c.iit, eit: c.eit, oit: c.oit })!;
      expect(round2(result.score)).toBe(c.total);
      expect(result.rating).toBe(c.rating);
    });
  }

  it('D0 under ita-2566 with tool scores only: EIT parts unknown, the level is flagged approximate', () => {
    const p = packOf('ita-2566');
    const tools = toolsFromIndicators(p, fromIndicators[4]!.indicators);
    const result = scoreIta(p, tools)!;
    expect(round2(result.score)).toBe(89.52);
    // Whole EIT 85.84 ≥ 85 stands in for both parts, so the level is one step too high.
    expect(result.rating).toBe('ผ่านดี');
    expect(result.partsApproximate).toBe(true);
  });

  it('the same D0 indicators under letter bands would say A: the 2566 level scheme is what makes it "ผ่าน"', () => {
    const byIndicator = Object.fromEntries(fromIndicators[4]!.indicators.map((v, i) => [i + 1, v]));
    expect(
      scoreIta(pack, toolsFromIndicators(pack, fromIndicators[4]!.indicators), byIndicator)!.rating,
    ).toBe('A');
  });

  it("packs whose year's weights are unknown compute no ITA total (2568, 2569, MOIT)", () => {
    for (const id of ['ita-2568', 'ita-2569', 'moph-moit-2569']) {
      expect(scoreIta(packOf(id), { iit: 90, eit: 90, oit: 90 })).toBeNull();
    }
  });

  it('D3: IIT and EIT as the document prints them (83.81, 89.33)', () => {
    const tools = toolsFromIndicators(packOf('ita-2563'), fromIndicators[3]!.indicators);
    expect(round2(tools.iit)).toBe(83.81);
    expect(round2(tools.eit)).toBe(89.33);
    expect(round2(tools.oit)).toBe(98.89);
  });
});

describe('OIT arithmetic from item outcomes under the year packs', () => {
  const allPass = (p: RulePack) => Object.fromEntries(p.items.map((i) => [i.id, 'pass' as Outcome]));

  it('D3 under ita-2563: 9.1 at 8/9 → indicator 9 = 97.78, OIT = 98.89', () => {
    const p = packOf('ita-2563');
    const oit = scoreOit(p, { ...allPass(p), O3: 'fail' });
    expect(round2(oit.indicators.find((i) => i.id === 9)!.score)).toBe(97.78);
    expect(round2(oit.score)).toBe(98.89);
  });

  it('D4 2563 under ita-2563: OIT 97.50 is one 9.4 item short (9.4 at 3/4)', () => {
    const p = packOf('ita-2563');
    expect(round2(scoreOit(p, { ...allPass(p), O26: 'fail' }).score)).toBe(97.5);
  });

  it('2563 and 2564: O42 and O43 are worth 5 ITA points each', () => {
    for (const id of ['ita-2563', 'ita-2564']) {
      const w = itemWeights(packOf(id));
      expect(round2(w.get('O42')!.itaPoints)).toBe(5);
      expect(round2(w.get('O43')!.itaPoints)).toBe(5);
    }
  });

  it("D0 under ita-2566: its four OIT shortfalls give 82.50 and 93.75, OIT 88.13, ITA 89.52 'ผ่าน'", () => {
    const p = packOf('ita-2566');
    // The merged 6-month report (O12), HR policy and its implementation (O23, O24),
    // participation (O30), the No Gift Policy report (O33).
    const oit = scoreOit(p, {
      ...allPass(p),
      O12: 'fail',
      O23: 'fail',
      O24: 'fail',
      O30: 'fail',
      O33: 'fail',
    });
    expect(round2(oit.indicators.find((i) => i.id === 9)!.score)).toBe(82.5);
    expect(round2(oit.indicators.find((i) => i.id === 10)!.score)).toBe(93.75);
    const ind = fromIndicators[4]!.indicators;
    const byIndicator = {
      ...Object.fromEntries(ind.map((v, i) => [i + 1, v])),
      9: oit.indicators[0]!.score,
      10: oit.indicators[1]!.score,
    };
    const tools = toolsFromIndicators(p, ind);
    const ita = scoreIta(p, { ...tools, oit: oit.score }, byIndicator)!;
    expect(round2(ita.score)).toBe(89.52);
    expect(ita.rating).toBe('ผ่าน');
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
