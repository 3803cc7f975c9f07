import { THAI_ZERO } from './digits';

/**
 * Zero-width characters, word joiner, BOM, soft hyphen, bidi marks, and the C0/C1 control
 * characters other than whitespace (ESC would reach a terminal through the text report):
 * invisible, never meaningful.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const INVISIBLE_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/**
 * A run of Devanagari SIGN U (U+0941) / RA (U+0930) glued to Thai: the PDF artefact of seed D1
 * ("พัสดुरायเดือน"). Devanagari away from Thai text is left alone.
 */
const DEVANAGARI_IN_THAI_RE = /(?<=[\u0E01-\u0E4F])[\u0930\u0941]+|[\u0930\u0941]+(?=[\u0E01-\u0E4F])/g;
const DEVANAGARI_TO_THAI: Readonly<Record<string, string>> = { '\u0941': '\u0E38', '\u0930': '\u0E23' };

/** NIKHAHIT + SARA AA (optionally with a tone mark between) as pasted from PDFs, for SARA AM. */
const NIKHAHIT_AA_RE = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;

/** Hyphen-like dashes: U+2010–U+2015 (incl. en and em dash), minus, small and full-width hyphen-minus. */
const DASH_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/*
 * Skipping NFC. `normalize('NFC')` is a full pass over the text, and on almost all page text a
 * no-op. A string is its own NFC when none of its characters decomposes, no two of them compose
 * and its combining marks are in canonical order. The characters of NFC_INERT_RANGES (ASCII and
 * Latin up to U+02FF, Thai, general punctuation but U+2000–U+2001, which NFC maps to
 * U+2002–U+2003, currency signs, letterlike symbols up to U+2125, arrows U+2190–U+2199, box
 * drawing to dingbats, U+FFFD; all assigned by Unicode 8.0, so browsers' ICU agrees) pass the
 * first two tests: each alone and every ordered pair of them is unchanged by NFC, as
 * test/unit/core/thai/normalise-nfc.test.ts computes. Their only combining marks are Thai:
 * SARA U/UU (U+0E38–U+0E39, class 103), PHINTHU (U+0E3A, class 9) and the tone marks
 * (U+0E48–U+0E4B, class 107). Among all pairs of U+0E00–U+0E7F, NFC changes exactly those in
 * THAI_MARKS_OUT_OF_ORDER (it reorders them; Thai has no canonical compositions), and a run of
 * marks is out of order only if some adjacent pair is. So a string of NFC_INERT characters with
 * no such pair is its own NFC.
 */
const NFC_INERT_RANGES: readonly (readonly [number, number])[] = [
  [0x0009, 0x000d],
  [0x0020, 0x007e],
  [0x00a0, 0x02ff],
  [0x0e01, 0x0e3a],
  [0x0e3f, 0x0e5b],
  [0x2002, 0x205f],
  [0x2061, 0x2064],
  [0x20a0, 0x20be],
  [0x2100, 0x2125],
  [0x2190, 0x2199],
  [0x2500, 0x27bf],
  [0xfffd, 0xfffd],
];
/** A tone mark before SARA U/UU or PHINTHU, or SARA U/UU before PHINTHU: NFC swaps them. */
const THAI_MARKS_OUT_OF_ORDER = '[\\u0E48-\\u0E4B][\\u0E38-\\u0E3A]|[\\u0E38\\u0E39]\\u0E3A';
/** Whether `prev` then `c` is a pair {@link THAI_MARKS_OUT_OF_ORDER} matches. */
function marksOutOfOrder(prev: number, c: number): boolean {
  return (
    (prev >= 0x0e48 && prev <= 0x0e4b && c >= 0x0e38 && c <= 0x0e3a) ||
    ((prev === 0x0e38 || prev === 0x0e39) && c === 0x0e3a)
  );
}

const regexUnit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
const NFC_MAY_CHANGE_RE = new RegExp(
  `[^${NFC_INERT_RANGES.map(([a, b]) => `${regexUnit(a)}-${regexUnit(b)}`).join('')}]|${THAI_MARKS_OUT_OF_ORDER}`,
);

/**
 * True when `s.normalize('NFC') === s` is certain without running NFC (see above). False means
 * "maybe not": run it. Exported for the test that proves the character set by computation.
 */
export function isNfcWithoutChange(s: string): boolean {
  return !NFC_MAY_CHANGE_RE.test(s);
}

/**
 * The NFC-inert units that steps 1–3 and 5 of {@link normaliseText} act on: the soft hyphen and
 * U+200B–U+200F (invisible), NIKHAHIT U+0E4D (SARA AM) and the dashes U+2010–U+2015. The other
 * invisible characters and dashes, and Devanagari, are not NFC-inert in the first place.
 */
const REPAIRED_INERT_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x0e4d, 0x0e4d],
  [0x200b, 0x200f],
  [0x2010, 0x2015],
];

/** Whitespace as JS `\s` and `String.prototype.trim` define it (all of it in the BMP). */
const WHITESPACE_UNITS = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

// What the one pass of `fold` does with each UTF-16 unit, looked up in UNIT_KIND.
/** Plain (see `fold`), left as it is. */
const KEEP = 0;
/** Thai digit ๐–๙: to 0–9 (step 4). */
const THAI_DIGIT = 1;
/** Plain whitespace: runs become one space, none at the ends (step 6). */
const SPACE = 2;
/** SARA U/UU or PHINTHU: plain unless after a mark it must follow (THAI_MARKS_OUT_OF_ORDER). */
const MARK = 3;
/** Not plain: steps 1–3 or 5, or NFC, may change it. */
const NOT_PLAIN = 4;
/** Whitespace that is not plain: U+1680, U+2000, U+2001, U+3000, U+FEFF (BOM, removed in step 1). */
const NOT_PLAIN_SPACE = 5;

const UNIT_KIND: Uint8Array = (() => {
  const kind = new Uint8Array(0x10000).fill(NOT_PLAIN);
  for (const [first, last] of NFC_INERT_RANGES) kind.fill(KEEP, first, last + 1);
  for (const [first, last] of REPAIRED_INERT_RANGES) kind.fill(NOT_PLAIN, first, last + 1);
  kind.fill(MARK, 0x0e38, 0x0e3b);
  kind.fill(THAI_DIGIT, THAI_ZERO, THAI_ZERO + 10);
  for (const c of WHITESPACE_UNITS) kind[c] = kind[c] === KEEP ? SPACE : NOT_PLAIN_SPACE;
  return kind;
})();

const ASCII_DIGITS = '0123456789';

/**
 * Steps 4 and 6 of {@link normaliseText} in one pass: Thai digits ๐–๙ → 0–9, each whitespace run
 * → one space, no space at either end; unchanged stretches are copied as slices. The same as
 * `thaiToArabicDigits(s).replace(/\s+/g, ' ').trim()`, at under half the cost of those passes on
 * page text (a Thai date and a line break every few words; and the digit pass left a rope of
 * slices for the whitespace regex to flatten first).
 *
 * With `plainOnly` it first of all checks that `s` is plain text, on which steps 1–3 and 5 have
 * nothing to do: only NFC-inert units, none of those steps act on, and no Thai marks out of
 * canonical order (see NFC_INERT_RANGES). It returns `undefined` at the first unit that is not,
 * so on page text, which is almost always plain, one pass stands for six.
 */
function fold(s: string, plainOnly: true): string | undefined;
function fold(s: string, plainOnly: false): string;
function fold(s: string, plainOnly: boolean): string | undefined {
  const n = s.length;
  let out = '';
  let last = 0; // s[last, i) is still to be copied to out
  for (let i = 0; i < n; i++) {
    const kind = UNIT_KIND[s.charCodeAt(i)];
    if (kind === KEEP) continue;
    if (kind === THAI_DIGIT) {
      out += s.slice(last, i) + ASCII_DIGITS[s.charCodeAt(i) - THAI_ZERO];
      last = i + 1;
      continue;
    }
    if (kind === MARK) {
      if (plainOnly && i > 0 && marksOutOfOrder(s.charCodeAt(i - 1), s.charCodeAt(i))) return undefined;
      continue;
    }
    if (kind === NOT_PLAIN) {
      if (plainOnly) return undefined;
      continue;
    }
    // SPACE or NOT_PLAIN_SPACE: the start of a whitespace run.
    let end = i;
    for (; end < n; end++) {
      const k = UNIT_KIND[s.charCodeAt(end)];
      if (k === NOT_PLAIN_SPACE && plainOnly) return undefined;
      if (k !== SPACE && k !== NOT_PLAIN_SPACE) break;
    }
    const inside = i > 0 && end < n; // a run at either end is trimmed; a run inside is one space
    if (end === i + 1 && inside && s.charCodeAt(i) === 0x20) continue; // already a single space
    out += s.slice(last, i) + (inside ? ' ' : '');
    last = end;
    i = end - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * True when steps 1–3 and 5 of {@link normaliseText} leave `s` unchanged (see `fold`).
 * Exported for the test that proves the character set by computation.
 */
export function isPlainText(s: string): boolean {
  return fold(s, true) !== undefined;
}

/**
 * Whether `s` contains any of `literals`, which all have the same UTF-16 unit at index `anchor`:
 * found by `indexOf` of that unit, then `startsWith` at each hit. Faster than `includes` on Thai
 * text when the anchor is a rarer letter than the first: V8's substring search skips ahead by
 * one byte of the pattern's first unit (the larger one), and for "ก" (U+0E01) that is the 0x0E
 * every Thai character has, so `includes('กฏ')` stopped at every Thai character of the page and
 * cost a third of the whole normalisation; anchored on "ฏ" it costs 1/50 of that.
 */
function containsVia(s: string, literals: readonly string[], anchor: number): boolean {
  const unit = literals[0]![anchor]!;
  for (let i = s.indexOf(unit, anchor); i !== -1; i = s.indexOf(unit, i + 1)) {
    for (const literal of literals) if (s.startsWith(literal, i - anchor)) return true;
  }
  return false;
}

/**
 * Known spelling variants → canonical form. No canonical form contains its own variant. Each
 * has a test that holds whenever the replacement would change the text (so skipping the regex
 * otherwise changes nothing): a regex pass over page text costs more than the rest of the
 * normalisation. Each anchor is a letter rarer than the variant's first in the bench site's text.
 * โปร่?งใส่* also matches the canonical "โปร่งใส" (in the menu of most agency sites) and puts it
 * back as it was: only a match without the MAI EK after "ร" ("โปรงใส…") or with one after "ใส"
 * ("โปร่งใส่…") changes the text.
 */
const VARIANTS: readonly {
  readonly changes: (s: string) => boolean;
  readonly from: RegExp;
  readonly to: string;
}[] = [
  { changes: (s) => containsVia(s, ['กฏ'], 1), from: /กฏ/g, to: 'กฎ' },
  { changes: (s) => containsVia(s, ['ดุลยพินิจ'], 1), from: /ดุลยพินิจ/g, to: 'ดุลพินิจ' },
  { changes: (s) => containsVia(s, ['โปรงใส', 'โปร่งใส่'], 0), from: /โปร่?งใส่*/g, to: 'โปร่งใส' },
  {
    changes: (s) => containsVia(s, ['ผู้มีส่วนได้เสีย'], 9),
    from: /ผู้มีส่วนได้เสีย/g,
    to: 'ผู้มีส่วนได้ส่วนเสีย',
  },
];

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
 *
 * Speed (issue 11 §3; it runs on every page's text): each step is skipped when a cheaper scan
 * shows it would change nothing, so the output is exactly that of running every step. Steps 1–3
 * and 5 are skipped on {@link isPlainText} text, which the pass doing steps 4 and 6 finds out;
 * NFC alone on text that {@link isNfcWithoutChange}; each variant unless its literal is there.
 * test/unit/core/thai/normalise-differential.test.ts compares the result with a frozen copy of
 * the function that ran every step.
 */
export function normaliseText(s: string): string {
  let out = fold(s, true);
  if (out === undefined) {
    out = s.replace(INVISIBLE_RE, '');
    // NFC, SARA AM and the Devanagari repair are no-ops without NIKHAHIT on text NFC leaves
    // alone (Devanagari is not NFC-inert). The second NFC is needed only when SARA AM was
    // rebuilt (it can move a tone mark).
    if (out.includes('\u0E4D') || !isNfcWithoutChange(out)) {
      out = out.normalize('NFC');
      if (out.includes('\u0E4D')) out = fixSaraAm(out).normalize('NFC');
      out = repairDevanagari(out);
    }
    // Step 5 before 4 and 6: dashes, Thai digits and whitespace are disjoint sets of
    // characters mapped one by one to characters of none of the others, so the order is free.
    out = fold(out.replace(DASH_RE, '-'), false);
  }
  for (const { changes, from, to } of VARIANTS) if (changes(out)) out = out.replace(from, to);
  return out;
}

/**
 * {@link normaliseText} then lower case (re-composed to NFC, since lower-casing "İ" adds a
 * combining dot): the form to run keyword regexes and `includes()` on. Idempotent.
 */
export function normaliseForMatch(s: string): string {
  return normaliseText(s).toLowerCase().normalize('NFC');
}

/**
 * {@link normaliseForMatch} with all whitespace removed, for substring keyword matching that
 * ignores spacing: `matchKey('รอบ 6 เดือน') === matchKey('รอบ6เดือน')`. Apply to both sides.
 * Whitespace goes first, so variants broken by line-wrap spaces still fold. Idempotent.
 */
export function matchKey(s: string): string {
  return normaliseForMatch(s.replace(/\s+/g, ''));
}

/** MAI HAN-AKAT, the above/below vowels, PHINTHU, MAITAIKHU, tone marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN. */
const THAI_MARKS_RE = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/**
 * Removes Thai above/below vowels and tone marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E), as
 * Google Sites does when it builds a slug ("อำนาจหน้าที่" → "อำนาจหนาท"). SARA AM "ำ" (U+0E33)
 * is a spacing vowel and is kept, as Google Sites keeps it; "ํา" is first mapped to "ำ" so
 * both spellings strip to the same string.
 */
export function stripThaiMarks(s: string): string {
  return fixSaraAm(s).replace(THAI_MARKS_RE, '');
}

/** Percent-decodes without throwing: malformed or truncated escapes are left as they are. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeEscapeRun);
  }
}

/** Decodes a run of %XX escapes one UTF-8 sequence at a time, keeping undecodable bytes raw. */
function decodeEscapeRun(run: string): string {
  const bytes = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = Number.parseInt(bytes[i]!.slice(1), 16);
    const len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    const chunk = bytes.slice(i, i + len).join('');
    try {
      out += decodeURIComponent(chunk);
      i += len;
    } catch {
      out += bytes[i];
      i += 1;
    }
  }
  return out;
}

/** Slug separators removed by {@link slugKey}: whitespace (incl. decoded %20), - _ . + */
const SLUG_SEPARATOR_RE = /[\s\-_.+]+/g;

/** Spelling variants as they look after {@link stripThaiMarks} (slugs lose the marks that tell them apart). */
const STRIPPED_VARIANTS: readonly (readonly [string, string])[] = [
  ['ดุลยพินิจ', 'ดุลพินิจ'],
  ['ผู้มีส่วนได้เสีย', 'ผู้มีส่วนได้ส่วนเสีย'],
].map(
  ([from, to]) => [stripThaiMarks(from!.normalize('NFC')), stripThaiMarks(to!.normalize('NFC'))] as const,
);

/**
 * A comparison key for URL paths, path segments and the keywords matched against them:
 * percent-decodes safely (twice at most, for double-encoded links), applies
 * {@link normaliseForMatch} (lower case, Thai digits → 0–9, variants folded), strips Thai marks
 * like Google Sites slugs do, folds "ำ" to "า" (so slugifiers that decompose SARA AM and drop
 * NIKHAHIT still compare equal), removes separators (spaces, %20, "-", "_", ".", "+"), and folds
 * the mark-stripped spelling variants. "/" is kept, so a whole path stays splittable.
 *
 * @example slugKey('oit-3-อำนาจหนาท').includes(slugKey('อำนาจหน้าที่')) // true
 */
export function slugKey(pathOrSegment: string): string {
  let s = safeDecode(pathOrSegment);
  if (/%[0-9A-Fa-f]{2}/.test(s)) s = safeDecode(s);
  s = stripThaiMarks(normaliseForMatch(s))
    .replace(/\u0E33/g, '\u0E32')
    .replace(SLUG_SEPARATOR_RE, '');
  for (const [from, to] of STRIPPED_VARIANTS) s = s.split(from).join(to);
  return s;
}
