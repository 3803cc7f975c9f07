import type { RulePack } from '../core/rules/load-pack';
import { fiscalYearOf } from '../core/thai/fiscal-year';
import type { Agency } from './agencies-csv';
import { usageError } from './errors';
import { type Lang, say } from './io';
import { resolvePack } from './resolve-pack';

/**
 * The pack a batch judges every agency with: one table, one pack. `--rules` when given; else
 * (or with `--rules auto`) the NACC pack of the assessed year, as `audit` picks it: the rows'
 * `year`, or `--year`, or the current fiscal year. Rows of different years would need different
 * items and columns: that is a usage error, not a silent choice of one year's criteria.
 */
export async function batchPack(
  rules: string | undefined,
  agencies: readonly Agency[],
  year: number | undefined,
  now: Date,
  lang: Lang,
): Promise<RulePack> {
  if (rules !== undefined && rules !== 'auto') return resolvePack(rules, lang);
  const fallback = year ?? fiscalYearOf(now);
  const years = [...new Set(agencies.map((a) => a.year ?? fallback))].sort();
  if (years.length > 1) {
    throw usageError(
      say(
        lang,
        `หน่วยงานในไฟล์ประเมินต่างปีกัน (${years.join(', ')}) แต่ชุดตรวจหนึ่งชุดใช้เกณฑ์ของปีเดียว`,
        `the rows are assessed in different years (${years.join(', ')}), and one batch judges one year's criteria`,
      ),
      say(
        lang,
        'แยกไฟล์ตามปี หรือระบุชุดเกณฑ์ด้วย --rules (เช่น --rules ita-2568)',
        'split the CSV by year, or name the pack with --rules (e.g. --rules ita-2568)',
      ),
    );
  }
  return resolvePack('auto', lang, { year: years[0] ?? fallback });
}
