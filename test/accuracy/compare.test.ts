import { describe, expect, it } from 'vitest';
import { metricsOf, sitePath } from './compare';

const row = (id: string, expected: string, actual: string, evidenceAgrees?: boolean) => ({
  id,
  expected,
  actual,
  agree: expected === actual,
  reason: 'r',
  detail: '',
  ...(evidenceAgrees !== undefined ? { evidenceAgrees } : {}),
});

describe('accuracy metrics', () => {
  it('counts agreement, pass precision and recall, false passes and evidence agreement', () => {
    const m = metricsOf([
      row('O1', 'pass', 'pass', true),
      row('O2', 'pass', 'pass', false),
      row('O3', 'fail', 'pass'),
      row('O4', 'pass', 'review'),
      row('O5', 'review', 'review'),
    ]);
    expect(m.agreement).toBeCloseTo(3 / 5);
    expect(m.passPrecision).toBeCloseTo(2 / 3);
    expect(m.passRecall).toBeCloseTo(2 / 3);
    expect(m.falsePasses).toEqual(['O3']);
    expect(m.missedPasses).toEqual(['O4']);
    expect(m.evidenceAgreement).toBeCloseTo(1 / 2);
  });

  it('compares URLs by decoded path and query', () => {
    expect(sitePath('http://127.0.0.1:4000/%E0%B8%81/?op=1')).toBe('/ก/?op=1');
    expect(sitePath('/ก/?op=1')).toBe('/ก/?op=1');
  });
});
