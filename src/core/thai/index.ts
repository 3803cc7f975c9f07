export { arabicToThaiDigits, thaiToArabicDigits } from './digits';
export {
  BANGKOK_OFFSET_MS,
  type BangkokDateParts,
  bangkokMidnight,
  bangkokParts,
  beFromCe,
  ceFromBe,
  type DateRange,
  firstHalfRange,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  isInRange,
  type ThaiDateFormat,
} from './fiscal-year';
export {
  ENGLISH_MONTH_PATTERN,
  ENGLISH_MONTHS,
  ENGLISH_MONTHS_SHORT,
  parseMonth,
  THAI_MONTH_PATTERN,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
} from './months';
export { matchKey, normaliseForMatch, normaliseText, slugKey, stripThaiMarks } from './normalise';
export { findYearRanges, findYears, type YearForm, type YearMention, type YearRange } from './years';
