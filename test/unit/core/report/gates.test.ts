import { describe, expect, it } from 'vitest';
import { describeGateFailure, evaluateGates } from '../../../../src/core/report/gates';
import { fixtureReport } from './report-fixture';

describe('evaluateGates', () => {
  const report = fixtureReport(
    {
      O5: { outcome: 'fail' },
      O12: { outcome: 'error' },
      O20: { outcome: 'review' },
      O30: { outcome: 'fail' },
    },
    { oit: { ...fixtureReport().oit, score: 84.994 } },
  );

  it('passes with no gate and says it was not gated', () => {
    expect(evaluateGates(report, {})).toMatchObject({ passed: true, gated: false, failures: [] });
  });

  it('compares the score rounded to 2 decimals, ITA when there is a survey', () => {
    expect(evaluateGates(report, { failUnder: 84.99 }).passed).toBe(true);
    const r = evaluateGates(report, { failUnder: 85 });
    expect(r.failures).toEqual([{ kind: 'score', what: 'OIT', value: 84.99, threshold: 85 }]);
    expect(describeGateFailure(r.failures[0]!, 'en')).toBe('OIT 84.99 is below 85');
    const withIta = {
      ...report,
      ita: { iit: 90, eit: 90, oit: 85, score: 88.2, rating: 'A', upperBound: { score: 88.2, rating: 'A' } },
    };
    expect(evaluateGates(withIta, { failUnder: 85 }).passed).toBe(true);
  });

  it('fails on required items and on items at level "error", not on warn/off', () => {
    const r = evaluateGates(report, { required: ['O5', 'O1'], levels: { O30: 'error', O12: 'warn' } });
    expect(r.failures).toEqual([{ kind: 'required', items: ['O5', 'O30'] }]);
    expect([...r.failingItems]).toEqual(['O5', 'O30']);
  });

  it('counts fail and error (not review, not warn/off items) toward maxMissing', () => {
    expect(evaluateGates(report, { maxMissing: 3 }).passed).toBe(true);
    const r = evaluateGates(report, { maxMissing: 2 });
    expect(r.failures).toEqual([{ kind: 'missing', items: ['O5', 'O12', 'O30'], max: 2 }]);
    expect(evaluateGates(report, { maxMissing: 2, levels: { O30: 'off' } }).passed).toBe(true);
    expect(evaluateGates(report, { maxMissing: 2, levels: { O12: 'warn' } }).passed).toBe(true);
  });

  it('with a baseline fails only on items that passed there and no longer pass', () => {
    const baseline = fixtureReport({ O5: { outcome: 'fail' }, O12: { outcome: 'fail' } });
    const r = evaluateGates(report, { baseline, required: ['O5'], maxMissing: 0, levels: { O20: 'warn' } });
    expect(r.failures).toEqual([{ kind: 'regression', items: [{ id: 'O30', was: 'pass', now: 'fail' }] }]);
    expect(r.known).toEqual(['O5', 'O12']);
    expect(describeGateFailure(r.failures[0]!, 'en')).toBe(
      'item(s) that passed in the baseline and no longer pass: O30 (fail)',
    );
    // Nothing new broke: green, even though O5 is still missing.
    const same = evaluateGates(baseline, { baseline, required: ['O5'] });
    expect(same.passed).toBe(true);
    // The score gate still applies.
    expect(evaluateGates(report, { baseline: report, failUnder: 90 }).passed).toBe(false);
  });
});
