import { normaliseForMatch } from '../thai/normalise';

/**
 * Item codes written on agency pages: "O1", "O 6", "o15", "OIT 3", "O๑๒" (digits are already
 * Arabic after normalisation), "(O21)", and the zero-for-O form "034" at the start of a row.
 * Returns item numbers in order of appearance, without duplicates.
 */
export function findItemCodes(text: string, maxItem: number): number[] {
  const lower = normaliseForMatch(text);
  const found: number[] = [];
  const add = (n: number) => {
    if (n >= 1 && n <= maxItem && !found.includes(n)) found.push(n);
  };
  // Not preceded by a Latin letter or digit, so "ISO 9001" and "PO12" are not codes.
  const re = /(?<![a-z0-9])(?:oit|o)\s*[-.:]?\s*(\d{1,2})(?![0-9])/g;
  for (const m of lower.matchAll(re)) add(Number(m[1]));
  // "034 เจตจำนงสุจริตของผู้บริหาร": a digit zero standing for the letter O, at the row start.
  const zero = /^\s*0(\d{1,2})(?![0-9.,/])/.exec(lower);
  if (zero && found.length === 0) add(Number(zero[1]));
  return found;
}

/**
 * The ITA year a heading or title labels its list with ("ITA 2566", "OIT ปี 66",
 * "ITA ประจำปีงบประมาณ พ.ศ. 2568"), in BE, or null.
 */
export function itaYearLabel(text: string): number | null {
  const lower = normaliseForMatch(text);
  const m =
    /(?:ita|oit)\s*[-:]?\s*(?:ประจำ)?\s*(?:ปี)?\s*(?:งบประมาณ)?\s*(?:พ\.ศ\.?)?\s*(25\d\d|\d\d)(?![0-9])/.exec(
      lower,
    );
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n < 100 ? 2500 + n : n;
}

/** Words that mark a page as an ITA/OIT index page. */
export function looksLikeItaIndex(text: string): boolean {
  const lower = normaliseForMatch(text).replace(/\s+/g, '');
  return /ita|oit|เปิดเผยข้อมูลสาธารณะ|คุณธรรมและความโปร่งใส/.test(lower);
}
