import { normaliseForMatch } from '../thai/normalise';

/**
 * Item codes written on agency pages: "O1", "O 6", "o15", "OIT 3", "O๑๒" (digits are already
 * Arabic after normalisation), "(O21)", and the zero-for-O form "034" at the start of a row.
 * Returns item numbers in order of appearance, without duplicates.
 */
export function findItemCodes(
  text: string,
  maxItem: number,
  forms: readonly string[] = DEFAULT_CODE_FORMS,
): number[] {
  const lower = normaliseForMatch(text);
  const found: number[] = [];
  const add = (n: number) => {
    if (n >= 1 && n <= maxItem && !found.includes(n)) found.push(n);
  };
  // Not preceded by a Latin letter or digit, so "ISO 9001", "PO12" and "MOIT 3" (for "O")
  // are not codes.
  for (const m of lower.matchAll(codePattern(forms))) add(Number(m[1]));
  // "034 เจตจำนงสุจริตของผู้บริหาร": a digit zero standing for the letter O, at the row start.
  if (forms.some((f) => f.toLowerCase() === 'o')) {
    const zero = /^\s*0(\d{1,2})(?![0-9.,/])/.exec(lower);
    if (zero && found.length === 0) add(Number(zero[1]));
  }
  return found;
}

/** The code forms of NACC lists ("O7", "OIT 7"). */
export const DEFAULT_CODE_FORMS: readonly string[] = ['O', 'OIT'];

const patterns = new Map<string, RegExp>();

/** A global pattern for codes written with any of `forms` (longest form first). */
function codePattern(forms: readonly string[]): RegExp {
  const key = forms.join('|');
  let re = patterns.get(key);
  if (!re) {
    const alternatives = [...forms]
      .map((f) => f.toLowerCase().replace(/[^a-z]/g, ''))
      .sort((a, b) => b.length - a.length)
      .join('|');
    re = new RegExp(`(?<![a-z0-9])(?:${alternatives})\\s*[-.:]?\\s*(\\d{1,2})(?![0-9])`, 'g');
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * The ITA year a heading or title labels its list with ("ITA 2566", "OIT ปี 66",
 * "ITA ประจำปีงบประมาณ พ.ศ. 2568"), in BE, or null.
 */
export function itaYearLabel(text: string): number | null {
  const lower = normaliseForMatch(text);
  const m =
    /(?<![a-z])(?:ita|oit)\s*[-:]?\s*(?:ประจำ)?\s*(?:ปี)?\s*(?:งบประมาณ)?\s*(?:พ\.ศ\.?)?\s*(25\d\d|[5-9]\d)(?![0-9])/.exec(
      lower,
    );
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  // Two digits are a short BE year ("OIT ปี 66"); item numbers stop below 50 ("OIT 15").
  return n < 100 ? 2500 + n : n;
}

/** Words that mark a page as an ITA/OIT index page. */
export function looksLikeItaIndex(text: string): boolean {
  const lower = normaliseForMatch(text).replace(/\s+/g, '');
  return /ita|oit|เปิดเผยข้อมูลสาธารณะ|คุณธรรมและความโปร่งใส/.test(lower);
}
