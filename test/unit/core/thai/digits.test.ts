import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicToThaiDigits, thaiToArabicDigits } from '../../../../src/core/thai/digits';

describe('thaiToArabicDigits', () => {
  it('maps every Thai digit and leaves other text alone', () => {
    expect(thaiToArabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(thaiToArabicDigits('ปีงบประมาณ พ.ศ. ๒๕๖๔ ข้อ O๓๔')).toBe('ปีงบประมาณ พ.ศ. 2564 ข้อ O34');
    expect(thaiToArabicDigits('no digits')).toBe('no digits');
  });

  it('equals the one-regex definition on any text with Thai and ASCII digits (property)', () => {
    const reference = (s: string) => s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
    const char = fc.constantFrom('๐', '๕', '๙', '0', '9', 'ก', ' ', 'a', '\u0E4F', '\u0E5A');
    fc.assert(
      fc.property(
        fc.array(char).map((a) => a.join('')),
        (s) => {
          expect(thaiToArabicDigits(s)).toBe(reference(s));
        },
      ),
    );
  });

  it('keeps the string length, so indices stay valid', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(thaiToArabicDigits(s)).toHaveLength(s.length);
      }),
    );
  });
});

describe('arabicToThaiDigits', () => {
  it('renders numbers and strings with Thai digits', () => {
    expect(arabicToThaiDigits('22 พ.ย. 2569')).toBe('๒๒ พ.ย. ๒๕๖๙');
    expect(arabicToThaiDigits(2570)).toBe('๒๕๗๐');
    expect(arabicToThaiDigits('85.50%')).toBe('๘๕.๕๐%');
  });

  it('round-trips with thaiToArabicDigits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-zก-ฮ .,]*$/), (s) => {
        expect(thaiToArabicDigits(arabicToThaiDigits(s))).toBe(s);
      }),
    );
  });
});
