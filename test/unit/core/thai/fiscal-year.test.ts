import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokMidnight,
  bangkokParts,
  beFromCe,
  ceFromBe,
  firstHalfRange,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  isInRange,
} from '../../../../src/core/thai/fiscal-year';

describe('Buddhist Era', () => {
  it('is CE + 543', () => {
    expect(beFromCe(2026)).toBe(2569);
    expect(ceFromBe(2562)).toBe(2019);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (ce) => {
        expect(ceFromBe(beFromCe(ce))).toBe(ce);
      }),
    );
  });
});

describe('bangkokParts / bangkokMidnight', () => {
  it('reads calendar fields in UTC+7', () => {
    expect(bangkokParts(new Date('2026-09-30T17:00:00Z'))).toEqual({
      year: 2026,
      month: 10,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(bangkokMidnight(2026, 10, 1).toISOString()).toBe('2026-09-30T17:00:00.000Z');
  });

  it('throws on an invalid date', () => {
    expect(() => bangkokParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    // 30 Sep 2026 23:59:59.999 Bangkok is the last instant of FY2569
    ['2026-09-30T16:59:59.999Z', 2569],
    // 1 Oct 2026 00:00 Bangkok opens FY2570 (DESIGN.md §5)
    ['2026-09-30T17:00:00.000Z', 2570],
    // still 30 Sep in UTC, already 1 Oct in Bangkok
    ['2026-09-30T20:00:00.000Z', 2570],
    ['2026-10-01T00:00:00.000Z', 2570],
    // style-anchors.md §6.8 item 6: 1 Oct 2025 opens FY2569
    ['2025-10-01T00:00:00+07:00', 2569],
    ['2025-09-30T23:59:59+07:00', 2568],
    // FY2562 = 1 Oct 2018 – 30 Sep 2019 (oit-criteria.md §0)
    ['2018-10-01T00:00:00+07:00', 2562],
    ['2019-09-30T12:00:00+07:00', 2562],
    // mid-year and New Year's Eve in Bangkok vs UTC
    ['2026-03-31T16:59:59Z', 2569],
    ['2025-12-31T17:00:00Z', 2569],
  ])('%s is in FY%i', (iso, fy) => {
    expect(fiscalYearOf(new Date(iso))).toBe(fy);
  });
});

describe('fiscalYearRange / firstHalfRange', () => {
  it('bounds FY2570 by Bangkok midnights, end exclusive', () => {
    const { start, end } = fiscalYearRange(2570);
    expect(start.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2027-09-30T17:00:00.000Z');
    expect(isInRange(start, { start, end })).toBe(true);
    expect(isInRange(end, { start, end })).toBe(false);
    expect(isInRange(new Date(start.getTime() - 1), { start, end })).toBe(false);
  });

  it('gives FY2562 as 1 Oct 2018 – 30 Sep 2019 Bangkok', () => {
    expect(fiscalYearRange(2562).start.toISOString()).toBe('2018-09-30T17:00:00.000Z');
    expect(fiscalYearRange(2562).end.toISOString()).toBe('2019-09-30T17:00:00.000Z');
  });

  it('gives the first half as 1 Oct – 31 Mar (6-month reports, "ต.ค.64 – มี.ค.65" for FY2565)', () => {
    const half = firstHalfRange(2565);
    expect(half.start.toISOString()).toBe('2021-09-30T17:00:00.000Z');
    expect(half.end.toISOString()).toBe('2022-03-31T17:00:00.000Z');
    expect(isInRange(new Date('2022-03-31T23:59:59+07:00'), half)).toBe(true);
    expect(isInRange(new Date('2022-04-01T00:00:00+07:00'), half)).toBe(false);
    expect(isInRange(new Date('2021-10-01T00:00:00+07:00'), half)).toBe(true);
  });

  it('contains every instant of the fiscal year it names (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2070-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const fy = fiscalYearOf(d);
          expect(isInRange(d, fiscalYearRange(fy))).toBe(true);
          expect(isInRange(d, fiscalYearRange(fy + 1))).toBe(false);
          expect(fiscalYearRange(fy).end.getTime()).toBe(fiscalYearRange(fy + 1).start.getTime());
        },
      ),
    );
  });
});

describe('formatThaiDate', () => {
  const d = new Date('2026-11-22T03:00:00Z');

  it('formats long and short BE dates with Arabic or Thai digits', () => {
    expect(formatThaiDate(d)).toBe('22 พฤศจิกายน 2569');
    expect(formatThaiDate(d, { style: 'short' })).toBe('22 พ.ย. 69');
    expect(formatThaiDate(d, { digits: 'thai' })).toBe('๒๒ พฤศจิกายน ๒๕๖๙');
    expect(formatThaiDate(d, { digits: 'thai', style: 'short' })).toBe('๒๒ พ.ย. ๖๙');
  });

  it('uses the Bangkok calendar day, not the UTC one', () => {
    expect(formatThaiDate(new Date('2026-11-21T18:00:00Z'))).toBe('22 พฤศจิกายน 2569');
    expect(formatThaiDate(new Date('2026-09-30T17:00:00Z'), { style: 'short' })).toBe('1 ต.ค. 69');
  });

  it('handles leap days and pads the short year', () => {
    expect(formatThaiDate(new Date('2024-02-29T12:00:00+07:00'))).toBe('29 กุมภาพันธ์ 2567');
    expect(formatThaiDate(new Date('2057-01-05T00:00:00+07:00'), { style: 'short' })).toBe('5 ม.ค. 00');
  });

  it('agrees with ICU Thai Buddhist formatting for every month', () => {
    const intl = new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', {
      timeZone: 'Asia/Bangkok',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    if (!/[ก-๙]/.test(intl.format(d))) return; // small-ICU runtime: nothing to compare with
    for (let m = 1; m <= 12; m++) {
      const date = bangkokMidnight(2026, m, 15);
      expect(formatThaiDate(date)).toBe(intl.format(date));
    }
  });

  it('throws on an invalid date', () => {
    expect(() => formatThaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
