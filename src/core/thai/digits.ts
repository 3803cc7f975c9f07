/** Code point of THAI DIGIT ZERO (๐, U+0E50); ๑–๙ follow it in order. */
export const THAI_ZERO = 0x0e50;

const ARABIC_DIGIT_RE = /[0-9]/g;

/**
 * Replaces each Thai digit ๐–๙ (U+0E50–U+0E59) by the ASCII digit 0–9 of the same value.
 * One UTF-16 unit is replaced by one, so string indices are preserved.
 *
 * @example thaiToArabicDigits('๒๕๖๘') // '2568'
 */
export function thaiToArabicDigits(s: string): string {
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
 * Replaces each ASCII digit 0–9 by the Thai digit ๐–๙ of the same value, for rendering
 * documents in the Thai official style. Numbers are formatted with `String(n)` first, so
 * pass a pre-formatted string to control decimals or separators.
 *
 * @example arabicToThaiDigits('22 พ.ย. 2569') // '๒๒ พ.ย. ๒๕๖๙'
 */
export function arabicToThaiDigits(s: string | number): string {
  return String(s).replace(ARABIC_DIGIT_RE, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}
