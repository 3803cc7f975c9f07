import { thaiToArabicDigits } from './digits';

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
export function normaliseText(s: string): string {
  let out = s.replace(INVISIBLE_RE, '').normalize('NFC');
  // The second NFC is needed only when SARA AM was rebuilt (it can move a tone mark).
  if (out.includes('\u0E4D')) out = fixSaraAm(out).normalize('NFC');
  out = repairDevanagari(out);
  out = thaiToArabicDigits(out).replace(DASH_RE, '-').replace(WHITESPACE_RE, ' ').trim();
  for (const [first, re, to] of VARIANTS) if (out.includes(first)) out = out.replace(re, to);
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
