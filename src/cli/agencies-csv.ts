import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CsvSyntaxError, parseCsv } from '../core/report/csv';
import { usageError } from './errors';
import { type Lang, say } from './io';

/** One agency of a batch. */
export interface Agency {
  /** Safe as a file name: `DIR/<id>.json`. */
  id: string;
  name: string;
  url: string;
  /** Assessed fiscal year (BE) for this agency, overriding `--year`. */
  year?: number;
  /** Line of the CSV it came from. */
  line: number;
}

/** Letters, digits, `.`, `_`, `-`; starts with a letter or digit; at most 64. */
export const AGENCY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const COLUMNS = { id: ['agency_id', 'id'], name: ['name'], url: ['url'], year: ['year', 'fiscal_year'] };

/**
 * Parses `agencies.csv`: a header naming `agency_id,name,url` and optionally `year` (other
 * columns are allowed and ignored), then one agency per row. Every bad row is a usage error
 * (exit 2) that names its line and says what to write instead.
 */
export function parseAgencies(text: string, file: string, lang: Lang): Agency[] {
  const at = (line: number, th: string, en: string, hint?: string) =>
    usageError(say(lang, `${file} บรรทัด ${line}: ${th}`, `${file} line ${line}: ${en}`), hint);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw at(
        e.line,
        e.message,
        e.message,
        say(lang, 'ครอบช่องที่มีจุลภาคด้วย "…"', 'quote fields holding commas: "…"'),
      );
    }
    throw e;
  }
  const header = records.shift();
  if (!header) {
    throw usageError(
      say(lang, `${file} ว่างเปล่า`, `${file} is empty`),
      say(lang, 'บรรทัดแรก: agency_id,name,url,year', 'first line: agency_id,name,url,year'),
    );
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const col = (aliases: string[]) => names.findIndex((n) => aliases.includes(n));
  const idCol = col(COLUMNS.id);
  const nameCol = col(COLUMNS.name);
  const urlCol = col(COLUMNS.url);
  const yearCol = col(COLUMNS.year);
  if (idCol < 0 || nameCol < 0 || urlCol < 0) {
    throw at(
      header.line,
      `หัวตารางต้องมี agency_id, name, url (พบ: ${names.join(', ')})`,
      `the header must name agency_id, name, url (found: ${names.join(', ')})`,
      say(lang, 'บรรทัดแรก: agency_id,name,url,year', 'first line: agency_id,name,url,year'),
    );
  }
  const seen = new Map<string, number>();
  const agencies: Agency[] = [];
  for (const record of records) {
    const field = (i: number) => (i >= 0 ? (record.fields[i] ?? '').trim() : '');
    if (record.fields.length > names.length) {
      throw at(
        record.line,
        `มี ${record.fields.length} ช่อง แต่หัวตารางมี ${names.length}`,
        `${record.fields.length} fields, the header has ${names.length}`,
        say(lang, 'ครอบชื่อที่มีจุลภาคด้วย "…"', 'quote names holding commas: "…"'),
      );
    }
    const id = field(idCol);
    const name = field(nameCol);
    const url = field(urlCol);
    const yearText = field(yearCol);
    if (!AGENCY_ID.test(id)) {
      throw at(
        record.line,
        `agency_id "${id}" ใช้ไม่ได้`,
        `agency_id "${id}" is not usable`,
        say(
          lang,
          'ใช้ตัวอักษรอังกฤษ ตัวเลข . _ - (ไม่เกิน 64 ตัว) เพราะใช้เป็นชื่อไฟล์',
          'use letters, digits, . _ - (at most 64): it names a file',
        ),
      );
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw at(
        record.line,
        `agency_id "${id}" ซ้ำกับบรรทัด ${first}`,
        `agency_id "${id}" repeats line ${first}`,
      );
    }
    seen.set(id, record.line);
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
      throw at(
        record.line,
        `URL ของ ${id} ไม่ถูกต้อง: "${url}"`,
        `the URL of ${id} is not valid: "${url}"`,
        /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(url)
          ? say(lang, `ลองใส่ https://${url}`, `try https://${url}`)
          : say(
              lang,
              'ใส่ URL เต็ม เช่น https://www.example.go.th/',
              'give a full URL such as https://www.example.go.th/',
            ),
      );
    }
    let year: number | undefined;
    if (yearText !== '') {
      year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2500 || year > 2700) {
        throw at(
          record.line,
          `ปี "${yearText}" ของ ${id} ไม่ใช่ปีงบประมาณ พ.ศ.`,
          `year "${yearText}" of ${id} is not a BE fiscal year`,
          say(lang, 'เช่น 2568 หรือเว้นว่าง', 'e.g. 2568, or leave it empty'),
        );
      }
    }
    agencies.push({ id, name: name || id, url, ...(year !== undefined ? { year } : {}), line: record.line });
  }
  if (agencies.length === 0) {
    throw usageError(say(lang, `${file} ไม่มีรายชื่อหน่วยงาน`, `${file} lists no agency`));
  }
  return agencies;
}

/** Reads and parses the agencies file (missing or unreadable: exit 2). */
export function readAgencies(path: string, cwd: string, lang: Lang): Agency[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'ENOENT'
        ? say(lang, `ไม่พบไฟล์รายชื่อหน่วยงาน: ${path}`, `agencies file not found: ${path}`)
        : say(lang, `อ่านไฟล์ ${path} ไม่ได้ (${code})`, `cannot read ${path} (${code})`),
      say(lang, 'ตรวจสอบชื่อและตำแหน่งไฟล์', 'check the file name and path'),
    );
  }
  return parseAgencies(text, path, lang);
}
