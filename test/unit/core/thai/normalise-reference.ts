/**
 * FROZEN REFERENCE — do not edit, do not import from src.
 *
 * A verbatim copy of `normaliseText` (src/core/thai/normalise.ts) and the helpers it uses
 * (`thaiToArabicDigits` from src/core/thai/digits.ts) as they were at commit 94270fb, before the
 * issue 11 §3 speed-up. Only the exported name changed (`referenceNormaliseText`) and
 * `thaiToArabicDigits` is no longer exported. The differential test
 * (normalise-differential.test.ts) and the micro-benchmark (test/bench/normalise-micro.ts)
 * compare the optimised function against this one: any output difference is a bug in the
 * optimisation, not a reason to change this file.
 */

/** Code point of THAI DIGIT ZERO (๐, U+0E50); ๑–๙ follow it in order. */
const THAI_ZERO = 0x0e50;

/**
 * Replaces each Thai digit ๐–๙ (U+0E50–U+0E59) by the ASCII digit 0–9 of the same value.
 * One UTF-16 unit is replaced by one, so string indices are preserved.
 *
 * @example thaiToArabicDigits('๒๕๖๘') // '2568'
 */
function thaiToArabicDigits(s: string): string {
  // A loop over char codes: most texts have no Thai digit (one pass, no copy), and those that
  // do have many (dates), where a regex with a callback per digit costs several times more.
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_ZERO + 9) {
      out += s.slice(last, i) + String.fromCharCode(c - THAI_ZERO + 48);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Zero-width characters, word joiner, BOM, soft hyphen, bidi marks, and the C0/C1 control
 * characters other than whitespace (ESC would reach a terminal through the text report):
 * invisible, never meaningful.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const INVISIBLE_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/**
 * A run of Devanagari SIGN U (U+0941) / RA (U+0930) glued to Thai: the PDF artefact of seed D1
 * ("พัสดुरายเดือน"). Devanagari away from Thai text is left alone.
 */
const DEVANAGARI_IN_THAI_RE = /(?<=[\u0E01-\u0E4F])[\u0930\u0941]+|[\u0930\u0941]+(?=[\u0E01-\u0E4F])/g;
const DEVANAGARI_TO_THAI: Readonly<Record<string, string>> = { '\u0941': '\u0E38', '\u0930': '\u0E23' };

/** NIKHAHIT + SARA AA (optionally with a tone mark between) as pasted from PDFs, for SARA AM. */
const NIKHAHIT_AA_RE = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;

/** Hyphen-like dashes: U+2010–U+2015 (incl. en and em dash), minus, small and full-width hyphen-minus. */
const DASH_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Any whitespace run; JS `\s` covers NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, line breaks. */
// A run of two or more, or a single non-space one: about twice as fast as /\s+/ on page text,
// where most whitespace is already a single space.
const WHITESPACE_RE = /\s{2,}|[^\S ]/g;

/**
 * Known spelling variants → canonical form. No canonical form contains its own variant. Each
 * has a literal every match starts with: `includes` skips the regex on the many texts without
 * it (a regex pass over page text costs more than the rest of the normalisation).
 */
const VARIANTS: readonly (readonly [string, RegExp, string])[] = [
  ['กฏ', 'กฏ', 'กฎ'],
  ['ดุลยพินิจ', 'ดุลยพินิจ', 'ดุลพินิจ'],
  ['โปร', 'โปร่?งใส่*', 'โปร่งใส'],
  ['ผู้มีส่วนได้เสีย', 'ผู้มีส่วนได้เสีย', 'ผู้มีส่วนได้ส่วนเสีย'],
].map(
  ([first, from, to]) =>
    [first!.normalize('NFC'), new RegExp(from!.normalize('NFC'), 'g'), to!.normalize('NFC')] as const,
);

/**
 * Repairs Devanagari glued to Thai, then re-applies NFC; repeats while that changes anything,
 * because NFC reordering can bring another run next to the repaired Thai vowel (fixpoint, so
 * the result is stable). Each round removes Devanagari characters, so it ends.
 */
function repairDevanagari(s: string): string {
  if (!/[\u0930\u0941]/.test(s)) return s;
  let out = s;
  let prev: string;
  do {
    prev = out;
    out = out
      .replace(DEVANAGARI_IN_THAI_RE, (run) => run.replace(/./g, (c) => DEVANAGARI_TO_THAI[c] ?? c))
      .normalize('NFC');
  } while (out !== prev && /[\u0930\u0941]/.test(out));
  return out;
}

/** Maps NIKHAHIT + SARA AA ("ํา", also with a tone mark between) to SARA AM "ำ" (U+0E33). */
function fixSaraAm(s: string): string {
  return s.replace(NIKHAHIT_AA_RE, '$1\u0E33');
}

/**
 * Normalises Thai page or document text once, before any matching:
 * 1. strips zero-width characters (U+200B–U+200F, U+2060, U+FEFF), the soft hyphen U+00AD and
 *    control characters (C0 but whitespace, DEL, C1);
 * 2. applies Unicode NFC, and maps "ํา" (U+0E4D U+0E32) to "ำ" (U+0E33), which NFC does not;
 * 3. repairs Devanagari "ु"/"र" glued to Thai into "ุ"/"ร" (seed D1 artefact);
 * 4. maps Thai digits ๐–๙ to 0–9;
 * 5. folds dashes (en, em, minus, …) to "-" ("E–Service" → "E-Service");
 * 6. turns every whitespace run (NBSP and other Unicode spaces included) into one space, and trims;
 * 7. folds known spelling variants: กฏ→กฎ (กฏหมาย), ดุลยพินิจ→ดุลพินิจ, โปรงใส่/โปรงใส→โปร่งใส,
 *    ผู้มีส่วนได้เสีย→ผู้มีส่วนได้ส่วนเสีย.
 *
 * Case is kept (see {@link normaliseForMatch}). Idempotent: `normaliseText(normaliseText(s))`
 * equals `normaliseText(s)`. Indices into the result do not map back to the input.
 */
export function referenceNormaliseText(s: string): string {
  let out = s.replace(INVISIBLE_RE, '').normalize('NFC');
  // The second NFC is needed only when SARA AM was rebuilt (it can move a tone mark).
  if (out.includes('\u0E4D')) out = fixSaraAm(out).normalize('NFC');
  out = repairDevanagari(out);
  out = thaiToArabicDigits(out).replace(DASH_RE, '-').replace(WHITESPACE_RE, ' ').trim();
  for (const [first, re, to] of VARIANTS) if (out.includes(first)) out = out.replace(re, to);
  return out;
}
