import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/errors';
import { parseBeYear, parseCount, parseScore, parseScoreList } from '../../../src/cli/parse-values';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return `${(e as CliError).message} | ${(e as CliError).hint ?? ''}`;
  }
  throw new Error('expected a usage error');
}

describe('CLI value parsing', () => {
  it('reads scores with Thai digits and rejects values outside 0–100', () => {
    expect(parseScore('๘๓.๘๑', '--iit', 'en')).toBe(83.81);
    expect(message(() => parseScore('101', '--iit', 'en'))).toMatch(/outside 0–100/);
    expect(message(() => parseScore('abc', '--iit', 'en'))).toMatch(/not a score/);
  });
  it('wants exactly the number of indicator values asked for', () => {
    expect(parseScoreList('1,2,3', '--indicators', 3, 'en')).toEqual([1, 2, 3]);
    expect(message(() => parseScoreList('1,2', '--indicators', 3, 'en'))).toMatch(/expected 3 values, got 2/);
  });
  it('tells a word from a number that is too small', () => {
    expect(message(() => parseCount('abc', '--max-pages', 'en'))).toMatch(/"abc" is not a whole number/);
    expect(message(() => parseCount('0', '--max-pages', 'en'))).toMatch(/0 is below 1/);
    expect(parseCount('๕๐๐', '--max-pages', 'en')).toBe(500);
  });
  it('takes Buddhist-era years and shows the BE year when given a CE one', () => {
    expect(parseBeYear('2568', '--year', 'en')).toBe(2568);
    expect(parseBeYear('๒๕๖๘', '--year', 'en')).toBe(2568);
    expect(message(() => parseBeYear('2025', '--year', 'en'))).toMatch(/CE 2025 = BE 2568/);
    expect(message(() => parseBeYear('3000', '--year', 'en'))).toMatch(/not a Buddhist-era year/);
    expect(message(() => parseBeYear('next', '--year', 'th'))).toMatch(/ไม่ใช่ปี พ\.ศ\./);
  });
});
