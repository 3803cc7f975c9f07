import { describe, expect, it } from 'vitest';
import { isNfcWithoutChange, isPlainText } from '../../../../src/core/thai/normalise';

/**
 * Proof by computation that normaliseText may skip NFC (and steps 1–3 and 5) where it does:
 * the character sets and the Thai mark pairs are probed through the exported predicates and
 * checked against String.prototype.normalize itself, never against a list written here.
 */

const bmp = (): string[] => {
  const out: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) out.push(String.fromCharCode(c));
  return out;
};
const nfcKeeps = (s: string): boolean => s.normalize('NFC') === s;
const hex = (s: string): string =>
  [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join(' ');

/** The characters isNfcWithoutChange accepts on their own. */
const INERT = bmp().filter((c) => isNfcWithoutChange(c));

describe('isNfcWithoutChange: NFC may be skipped', () => {
  it('accepts Thai, ASCII and common punctuation, so the skip is taken on page text', () => {
    // Not a list of the set: a sanity check that the set is not (nearly) empty.
    expect(INERT.length).toBeGreaterThan(800);
    expect(isNfcWithoutChange('หน่วยงานกำหนดมาตรการ ๒๕๖๘ “ITA” – O1…\n\t')).toBe(true);
  });

  it('accepts no character that NFC changes on its own', () => {
    expect(INERT.filter((c) => !nfcKeeps(c)).map(hex)).toEqual([]);
  });

  it('accepts a pair of them only if NFC leaves the pair unchanged (every ordered pair)', () => {
    const wrong: string[] = [];
    for (const a of INERT) {
      for (const b of INERT) {
        const s = a + b;
        if (isNfcWithoutChange(s) && !nfcKeeps(s)) wrong.push(hex(s));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rejects exactly the pairs of Thai characters NFC changes (all pairs in U+0E00–U+0E7F)', () => {
    const changed: string[] = [];
    const disagree: string[] = [];
    for (let a = 0x0e00; a <= 0x0e7f; a++) {
      for (let b = 0x0e00; b <= 0x0e7f; b++) {
        const s = String.fromCharCode(a, b);
        if (!nfcKeeps(s)) changed.push(hex(s));
        // Unassigned code points are simply not in the set; among the rest the verdict is exact.
        if (isNfcWithoutChange(s[0]!) && isNfcWithoutChange(s[1]!) && isNfcWithoutChange(s) !== nfcKeeps(s))
          disagree.push(hex(s));
      }
    }
    expect(changed.length).toBeGreaterThan(0); // NFC does reorder Thai marks: the check is not vacuous
    expect(disagree).toEqual([]);
  });

  it('rejects any run of Thai marks NFC reorders, however long (all orders of three after a consonant)', () => {
    const marks = INERT.filter((c) => /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(c));
    const wrong: string[] = [];
    for (const a of marks)
      for (const b of marks)
        for (const c of marks) {
          const s = `ก${a}${b}${c}`;
          if (isNfcWithoutChange(s) && !nfcKeeps(s)) wrong.push(hex(s));
        }
    expect(wrong).toEqual([]);
  });
});

describe('isPlainText: steps 1–3 and 5 may be skipped', () => {
  const PLAIN = bmp().filter((c) => isPlainText(c));

  it('holds for Thai page text', () => {
    expect(isPlainText('หน่วยงานกำหนดมาตรการ ๒๕๖๘ “ITA” O1…\n\t\u00A0')).toBe(true);
  });

  it('accepts only NFC-inert characters, and no pair NFC changes', () => {
    expect(PLAIN.filter((c) => !isNfcWithoutChange(c)).map(hex)).toEqual([]);
    const wrong: string[] = [];
    for (const a of PLAIN)
      for (const b of PLAIN) if (isPlainText(a + b) && !nfcKeeps(a + b)) wrong.push(hex(a + b));
    expect(wrong).toEqual([]);
  });

  it('accepts none of the characters steps 1, 2, 3 and 5 act on (as normaliseText documents them)', () => {
    const actedOn =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what step 1 removes
      /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2060\uFEFF\u0E4D\u0930\u0941\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
    expect(PLAIN.filter((c) => actedOn.test(c)).map(hex)).toEqual([]);
  });
});
