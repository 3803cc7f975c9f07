import { normaliseText } from '../core/thai/normalise';
import { usageError } from './errors';
import type { Lang } from './io';
import { say } from './io';

/** Parses a 0–100 score given on the command line (Thai digits allowed). */
export function parseScore(raw: string, flag: string, lang: Lang): number {
  const text = normaliseText(raw);
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw usageError(
      say(lang, `${flag}: "${raw}" ไม่ใช่คะแนน`, `${flag}: "${raw}" is not a score`),
      say(lang, `ใส่ตัวเลข 0–100 เช่น ${flag} 83.81`, `give a number from 0 to 100, e.g. ${flag} 83.81`),
    );
  }
  const value = Number(text);
  if (value < 0 || value > 100) {
    throw usageError(
      say(lang, `${flag}: ${raw} อยู่นอกช่วง 0–100`, `${flag}: ${raw} is outside 0–100`),
      say(
        lang,
        'คะแนนทุกเครื่องมือและตัวชี้วัดอยู่ระหว่าง 0 ถึง 100',
        'every tool and indicator score runs from 0 to 100',
      ),
    );
  }
  return value;
}

/** Parses a comma-separated list of exactly `count` scores. */
export function parseScoreList(raw: string, flag: string, count: number, lang: Lang): number[] {
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length !== count) {
    throw usageError(
      say(
        lang,
        `${flag}: ต้องมี ${count} ค่า แต่ได้ ${parts.length} ค่า`,
        `${flag}: expected ${count} values, got ${parts.length}`,
      ),
      say(
        lang,
        `ใส่คะแนนตัวชี้วัดที่ 1 ถึง ${count} คั่นด้วยจุลภาค เช่น ${flag} 90.08,84.02,...`,
        `give the scores of indicators 1 to ${count}, comma-separated, e.g. ${flag} 90.08,84.02,...`,
      ),
    );
  }
  return parts.map((p, i) => parseScore(p, `${flag} [${i + 1}]`, lang));
}

/** Parses a positive integer flag such as --max-pages (at most `max`: timers hold 2^31-1 ms). */
export function parseCount(
  raw: string,
  flag: string,
  lang: Lang,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = normaliseText(raw);
  if (!/^\d+$/.test(text)) {
    throw usageError(
      say(lang, `${flag}: "${raw}" ไม่ใช่จำนวนเต็ม`, `${flag}: "${raw}" is not a whole number`),
      say(lang, `ใส่จำนวนเต็มตั้งแต่ ${min} ขึ้นไป`, `give a whole number of at least ${min}`),
    );
  }
  if (Number(text) < min) {
    throw usageError(
      say(lang, `${flag}: ${raw} น้อยกว่า ${min}`, `${flag}: ${raw} is below ${min}`),
      say(lang, `ใส่จำนวนเต็มตั้งแต่ ${min} ขึ้นไป`, `give a whole number of at least ${min}`),
    );
  }
  if (Number(text) > max) {
    throw usageError(
      say(lang, `${flag}: ${raw} มากเกิน (สูงสุด ${max})`, `${flag}: ${raw} is too large (at most ${max})`),
      say(lang, `ใส่จำนวนเต็ม ${min}–${max}`, `give a whole number from ${min} to ${max}`),
    );
  }
  return Number(text);
}

/**
 * Parses a duration such as `15m`, `90s` or `1h` (a bare number is minutes) to ms, for
 * `--max-duration`. At most 24 hours.
 */
export function parseDuration(raw: string, flag: string, lang: Lang): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|min)?$/i.exec(normaliseText(raw).trim());
  const unit = (m?.[2] ?? 'm').toLowerCase();
  const ms = m ? Number(m[1]) * (unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000) : Number.NaN;
  if (!(ms >= 1000 && ms <= 86_400_000)) {
    throw usageError(
      say(lang, `${flag}: "${raw}" ไม่ใช่ระยะเวลาที่ใช้ได้`, `${flag}: "${raw}" is not a usable duration`),
      say(
        lang,
        'ใส่ระยะเวลา 1 วินาทีถึง 24 ชั่วโมง เช่น 15m, 90s, 1h (ตัวเลขอย่างเดียวคือนาที)',
        'give 1 s to 24 h, e.g. 15m, 90s, 1h (a bare number is minutes)',
      ),
    );
  }
  return Math.round(ms);
}

/** Parses a Buddhist-era year flag such as --year 2568 (2500–2700; a CE year gets a hint). */
export function parseBeYear(raw: string, flag: string, lang: Lang): number {
  const text = normaliseText(raw);
  const year = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(year >= 2500 && year <= 2700)) {
    throw usageError(
      say(lang, `${flag}: "${raw}" ไม่ใช่ปี พ.ศ.`, `${flag}: "${raw}" is not a Buddhist-era year`),
      say(
        lang,
        `ใช้ปีพุทธศักราช เช่น 2568${year >= 1957 && year <= 2157 ? ` (ค.ศ. ${year} = พ.ศ. ${year + 543})` : ''}`,
        `use a Buddhist-era year such as 2568${year >= 1957 && year <= 2157 ? ` (CE ${year} = BE ${year + 543})` : ''}`,
      ),
    );
  }
  return year;
}
