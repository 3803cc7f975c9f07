import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../../src/core/thai/normalise';
import { referenceNormaliseText } from './normalise-reference';
import { htmlFilesUnder } from '../../../helpers/html-files';

/**
 * Differential test of the optimised `normaliseText` against the frozen copy taken before the
 * issue 11 §3 speed-up (normalise-reference.ts): the output must be the same for every input,
 * not merely "as good". Expected values are never written here; the reference computes them.
 */

const TEST_DIR = join(import.meta.dirname, '../../..');

/** Decodes a page as its meta charset says (legacy Thai sites use windows-874 / TIS-620). */
function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label = charset === 'tis-620' || charset === 'windows-874' ? 'windows-874' : 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

/** Crude tag stripping: the text a page gives the normaliser, entities left as they are. */
function pageText(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/** Every Thai code point that is a non-starter or a vowel that NFC or the normaliser touches. */
const THAI_MARKS = [
  '\u0E31', // MAI HAN-AKAT
  ...Array.from({ length: 7 }, (_, i) => String.fromCharCode(0x0e34 + i)), // SARA I … SARA UU, PHINTHU
  ...Array.from({ length: 8 }, (_, i) => String.fromCharCode(0x0e47 + i)), // MAITAIKHU … YAMAKKAN
  '\u0E32', // SARA AA
  '\u0E33', // SARA AM
];

/** Pieces the random strings are built from: each a step of the normalisation can act on. */
const TRICKY: readonly string[] = [
  // Thai consonants, leading and spacing vowels, marks, digits
  'ก',
  'ข',
  'ด',
  'ต',
  'ร',
  'ส',
  'อ',
  'เ',
  'โ',
  'ไ',
  'ะ',
  ...THAI_MARKS,
  '\u0E3F', // BAHT
  '\u0E46', // MAIYAMOK
  '\u0E5B', // KHOMUT
  '๐',
  '๑',
  '๕',
  '๙',
  '0',
  '7',
  // NIKHAHIT + SARA AA, bare and with each tone mark between (and one before)
  '\u0E4D\u0E32',
  '\u0E4D\u0E48\u0E32',
  '\u0E4D\u0E49\u0E32',
  '\u0E4D\u0E4A\u0E32',
  '\u0E4D\u0E4B\u0E32',
  '\u0E48\u0E4D\u0E32',
  // Devanagari RA / SIGN U (glued to Thai or alone), and other Devanagari
  '\u0930',
  '\u0941',
  '\u0941\u0930',
  '\u093C',
  'न',
  // Latin: combining accents, precomposed, Kelvin/Angstrom singletons, dotted I
  'e',
  'E',
  'a',
  '\u0301',
  '\u0300',
  '\u0327',
  '\u0323',
  'é',
  'Å',
  '\u212B',
  '\u212A',
  'İ',
  // Hangul: conjoining jamo (L, V, T) and a precomposed syllable
  '\u1100',
  '\u1161',
  '\u11A8',
  '가',
  // invisible: zero-width, word joiner, BOM, soft hyphen, bidi marks, C0/C1 controls
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  // every dash DASH_RE folds, and the ASCII one
  ...Array.from({ length: 6 }, (_, i) => String.fromCharCode(0x2010 + i)),
  '\u2212',
  '\uFE58',
  '\uFE63',
  '\uFF0D',
  '-',
  // whitespace: space, NBSP, U+2000–U+200A, narrow/medium/ideographic spaces, tab, line breaks
  ' ',
  ' ',
  '  ',
  '\u00A0',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u202F',
  '\u205F',
  '\u3000',
  '\u1680',
  '\t',
  '\n',
  '\r\n',
  '\u000B',
  '\u000C',
  '\u2028',
  '\u2029',
  // lone surrogates and an astral character
  '\uD800',
  '\uDC00',
  '😀',
  // spelling variants, their canonical forms, and pieces of them
  'กฏ',
  'กฏหมาย',
  'กฎ',
  'ดุลยพินิจ',
  'ดุลพินิจ',
  'โปรงใส่',
  'โปรงใส',
  'โปร่งใส่',
  'โปร่งใส่่',
  'โปร่งใส',
  'โปร',
  'ใส่',
  'ผู้มีส่วนได้เสีย',
  'ผู้มีส่วนได้ส่วนเสีย',
  'ส่วน',
  'ได้',
  'เสีย',
];

const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join(''));

/** Asserts the optimised and the reference normalisation agree, naming the input when they do not. */
function expectSame(input: string): void {
  const got = normaliseText(input);
  const want = referenceNormaliseText(input);
  if (got !== want) expect({ input, got }).toEqual({ input, got: want });
}

describe('normaliseText equals the frozen reference (issue 11 §3)', () => {
  const pages = htmlFilesUnder(TEST_DIR);

  it('on the text of every HTML page under test/ (fixture sites)', () => {
    // A vacuous pass (no page found) would prove nothing.
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const text = pageText(decodePage(readFileSync(file)));
      expectSame(text);
      // The page as the snapshot's own text (≤4,000 chars) and as short lines (titles, links).
      expectSame(text.slice(0, 4000));
      for (const line of text.split('\n')) if (line.trim()) expectSame(line);
    }
  });

  it('on every pair of the tricky pieces, and every pair of Thai-block code points after a consonant', () => {
    for (const a of TRICKY) for (const b of TRICKY) expectSame(a + b);
    for (let a = 0x0e00; a <= 0x0e7f; a++) {
      for (let b = 0x0e00; b <= 0x0e7f; b++) {
        expectSame(`ก${String.fromCharCode(a, b)}`);
        expectSame(`\u0E4D${String.fromCharCode(a, b)}\u0E32`);
      }
    }
  });

  it('on every BMP code point alone, between Thai letters, between spaces and before a Thai mark', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expectSame(ch);
      expectSame(`ก${ch}ก`);
      expectSame(` ${ch}  `);
      expectSame(`ก${ch}\u0E38`);
    }
  });

  it('on every order of three Thai marks after a consonant', () => {
    for (const a of THAI_MARKS)
      for (const b of THAI_MARKS) for (const c of THAI_MARKS) expectSame(`ก${a}${b}${c}`);
  });

  it('on random strings over the tricky alphabet (property)', () => {
    fc.assert(
      fc.property(trickyText, (s) => normaliseText(s) === referenceNormaliseText(s)),
      {
        numRuns: 20_000,
      },
    );
  });

  it('on random Unicode strings, surrogates included (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
        ),
        (s) => normaliseText(s) === referenceNormaliseText(s),
      ),
      { numRuns: 5_000 },
    );
  });

  it('on long strings mixing clean page text with the tricky pieces (property)', () => {
    const clean = pages.length > 0 ? pageText(decodePage(readFileSync(pages[0]!))).slice(0, 2000) : '';
    fc.assert(
      fc.property(fc.array(trickyText, { maxLength: 5 }), fc.nat(), (pieces, at) => {
        let s = clean;
        for (const p of pieces) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + p + s.slice(i);
        }
        return normaliseText(s) === referenceNormaliseText(s);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on the tricky alphabet, as the reference is (property)', () => {
    fc.assert(
      fc.property(trickyText, (s) => {
        const once = normaliseText(s);
        return normaliseText(once) === once;
      }),
      { numRuns: 5_000 },
    );
  });
});
