import { describe, expect, it } from 'vitest';
import { checkFreshness, fiscalYearOfMonth } from '../../../../src/core/verify/freshness';

describe('fiscal year of a month', () => {
  it('October opens the next fiscal year', () => {
    expect(fiscalYearOfMonth(2567, 10)).toBe(2568);
    expect(fiscalYearOfMonth(2568, 9)).toBe(2568);
    expect(fiscalYearOfMonth(2568, undefined)).toBe(2568);
  });
});

describe('checkFreshness for assessed FY2568', () => {
  it('current-fy: the plan of 2568 passes, 2566 is stale, no year is unknown', () => {
    expect(checkFreshness('current-fy', 2568, [{ be: 2568 }], []).status).toBe('ok');
    expect(checkFreshness('current-fy', 2568, [{ be: 2566 }], [])).toMatchObject({
      status: 'stale',
      found: [2566],
    });
    expect(checkFreshness('current-fy', 2568, [], []).status).toBe('unknown');
  });
  it('current-fy: news of 15 Nov 2567 belongs to FY2568', () => {
    expect(checkFreshness('current-fy', 2568, [{ be: 2567, month: 11 }], []).status).toBe('ok');
  });
  it('current-fy: a 2566–2570 strategic plan covers 2568', () => {
    expect(checkFreshness('current-fy', 2568, [], [{ fromBe: 2566, toBe: 2570 }]).status).toBe('ok');
    expect(checkFreshness('current-fy', 2568, [], [{ fromBe: 2561, toBe: 2565 }]).status).toBe('stale');
  });
  it('first-half: ต.ค. 67 – มี.ค. 68 passes, ต.ค. 66 – มี.ค. 67 is stale', () => {
    expect(
      checkFreshness('first-half', 2568, [], [{ fromBe: 2567, fromMonth: 10, toBe: 2568, toMonth: 3 }])
        .status,
    ).toBe('ok');
    expect(
      checkFreshness(
        'first-half',
        2568,
        [
          { be: 2566, month: 10 },
          { be: 2567, month: 3 },
        ],
        [{ fromBe: 2566, fromMonth: 10, toBe: 2567, toMonth: 3 }],
      ),
    ).toMatchObject({ status: 'stale', expected: 2568 });
  });
  it('previous-fy: the annual report of 2567 passes, 2565 and 2568 do not', () => {
    expect(checkFreshness('previous-fy', 2568, [{ be: 2567 }], [])).toMatchObject({
      status: 'ok',
      expected: 2567,
    });
    expect(checkFreshness('previous-fy', 2568, [{ be: 2565 }], []).status).toBe('stale');
    expect(checkFreshness('previous-fy', 2568, [{ be: 2568 }], []).status).toBe('stale');
  });
  it('ignores years far from the assessed one (a founding date, a law of 2540)', () => {
    expect(checkFreshness('current-fy', 2568, [{ be: 2540 }], []).status).toBe('unknown');
  });
  it('none never needs a year', () => {
    expect(checkFreshness('none', 2568, [], []).status).toBe('ok');
  });
});
