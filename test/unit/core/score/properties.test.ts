import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../../src/core/rules/registry';
import { itemWeights, priorities, resolveSurvey, scoreIta, scoreOit } from '../../../../src/core/score';
import type { Outcome } from '../../../../src/core/types';

const pack = getRulePack()!;
const ids = pack.items.map((i) => i.id);
const outcomeArb = fc.constantFrom<Outcome>('pass', 'fail', 'review', 'na', 'error');
const outcomesArb = fc
  .array(outcomeArb, { minLength: ids.length, maxLength: ids.length })
  .map((list) => Object.fromEntries(ids.map((id, i) => [id, list[i]!])) as Record<string, Outcome>);
const scoreArb = fc.double({ min: 0, max: 100, noNaN: true });

describe('scoring properties', () => {
  it('every score stays within 0–100', () => {
    fc.assert(
      fc.property(outcomesArb, scoreArb, scoreArb, (outcomes, iit, eit) => {
        const oit = scoreOit(pack, outcomes);
        const all = [
          oit.score,
          ...oit.indicators.flatMap((i) => [i.score, ...i.subIndicators.map((s) => s.score)]),
        ];
        for (const v of all) expect(v >= 0 && v <= 100).toBe(true);
        const ita = scoreIta(pack, { iit, eit, oit: oit.score })!;
        expect(ita.score).toBeGreaterThanOrEqual(0);
        expect(ita.score).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('passing one more item never lowers any score', () => {
    fc.assert(
      fc.property(outcomesArb, fc.integer({ min: 0, max: ids.length - 1 }), (outcomes, index) => {
        const before = scoreOit(pack, outcomes);
        const after = scoreOit(pack, { ...outcomes, [ids[index]!]: 'pass' });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        after.indicators.forEach((ind, i) => {
          expect(ind.score).toBeGreaterThanOrEqual(before.indicators[i]!.score);
          ind.subIndicators.forEach((s, j) => {
            expect(s.score).toBeGreaterThanOrEqual(before.indicators[i]!.subIndicators[j]!.score);
          });
        });
      }),
    );
  });

  it('the priority gains of all missing items add up to 100 − OIT', () => {
    fc.assert(
      fc.property(outcomesArb, (outcomes) => {
        const oit = scoreOit(pack, outcomes).score;
        const gains = priorities(pack, outcomes).reduce((sum, p) => sum + p.oitGain, 0);
        expect(gains).toBeCloseTo(100 - oit, 9);
      }),
    );
  });

  it('priorities are ranked by ITA gain, largest first', () => {
    fc.assert(
      fc.property(outcomesArb, (outcomes) => {
        const list = priorities(pack, outcomes);
        for (let i = 1; i < list.length; i++)
          expect(list[i - 1]!.itaGain).toBeGreaterThanOrEqual(list[i]!.itaGain);
        expect(list.every((p) => outcomes[p.id] !== 'pass')).toBe(true);
      }),
    );
  });
});

describe('item weights (DESIGN.md §4)', () => {
  const w = itemWeights(pack);
  it('range from 0.44 (9.1) to 1.43 (10.2) ITA points', () => {
    expect(w.get('O1')!.itaPoints).toBeCloseTo(0.4444, 4);
    expect(w.get('O10')!.itaPoints).toBeCloseTo(0.5, 4);
    expect(w.get('O18')!.itaPoints).toBeCloseTo(0.5714, 4);
    expect(w.get('O25')!.itaPoints).toBeCloseTo(1.0, 4);
    expect(w.get('O29')!.itaPoints).toBeCloseTo(0.8, 4);
    expect(w.get('O34')!.itaPoints).toBeCloseTo(1.25, 4);
    expect(w.get('O48')!.itaPoints).toBeCloseTo(1.4286, 4);
  });
  it('all items together are worth the OIT weight (40 ITA points)', () => {
    const total = [...w.values()].reduce((s, x) => s + x.itaPoints, 0);
    expect(total).toBeCloseTo(40, 9);
  });
});

describe('survey input levels', () => {
  it('questions average into indicators, indicators into tools', () => {
    const questions: Record<string, number> = {};
    for (let i = 1; i <= 30; i++) questions[`I${i}`] = i <= 6 ? 90 : 80;
    for (let e = 1; e <= 15; e++) questions[`E${e}`] = e <= 5 ? 100 : 70;
    const s = resolveSurvey(pack, { questions });
    expect(s.level).toBe('question');
    expect(s.indicators[1]).toBe(90);
    expect(s.iit).toBeCloseTo((90 + 80 * 4) / 5, 9);
    expect(s.eit).toBeCloseTo((100 + 70 + 70) / 3, 9);
  });
  it('a missing indicator is an error naming it', () => {
    expect(() =>
      resolveSurvey(pack, { indicators: { '1': 90, '2': 90, '3': 90, '4': 90, '6': 1, '7': 1, '8': 1 } }),
    ).toThrow(/indicator 5 missing/);
  });
  it('a direct tool score wins over indicators', () => {
    const s = resolveSurvey(pack, { iit: 77, indicators: { '6': 90, '7': 80, '8': 70 } });
    expect(s.iit).toBe(77);
    expect(s.eit).toBeCloseTo(80, 9);
  });
});
