import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CsvSyntaxError, parseCsv } from '../core/report/csv';
import { type SurveyInput, surveyInputSchema } from '../core/score/survey';
import { type CliError, usageError } from './errors';
import { type Lang, say } from './io';

/** One agency of a batch. */
export interface Agency {
  /** Safe as a file name: `DIR/<id>.json`. */
  id: string;
  name: string;
  url: string;
  /** Assessed fiscal year (BE) for this agency, overriding `--year`. */
  year?: number;
  /** Survey scores from the `iit`/`eit` columns or the `survey` file: the summary then shows ITA. */
  survey?: SurveyInput;
  /** Line of the CSV it came from. */
  line: number;
}

/** Letters, digits, `.`, `_`, `-`; starts with a letter or digit; at most 64. */
export const AGENCY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const COLUMNS = {
  id: ['agency_id', 'id'],
  name: ['name'],
  url: ['url'],
  year: ['year', 'fiscal_year'],
  iit: ['iit'],
  eit: ['eit'],
  survey: ['survey', 'survey_file'],
};

/** Reads a survey file named in the CSV; returns the parsed JSON or a message saying what is wrong. */
export type SurveyReader = (path: string) => { value: unknown } | { error: string };

/**
 * Parses `agencies.csv`: a header naming `agency_id,name,url` and optionally `year`, `iit`,
 * `eit` and `survey` (a survey JSON file, relative to the CSV; other columns are allowed and
 * ignored), then one agency per row. Every bad row is found before anything runs and reported
 * together in one usage error (exit 2), each naming its line and what to write instead.
 */
export function parseAgencies(
  text: string,
  file: string,
  lang: Lang,
  readSurvey: SurveyReader = () => ({ error: 'survey files are not read here' }),
): Agency[] {
  const at = (line: number, th: string, en: string, hint?: string) =>
    usageError(say(lang, `${file} บรรทัด ${line}: ${th}`, `${file} line ${line}: ${en}`), hint);
  const problems: CliError[] = [];
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
  const iitCol = col(COLUMNS.iit);
  const eitCol = col(COLUMNS.eit);
  const surveyCol = col(COLUMNS.survey);
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
  /** The row's survey (columns iit/eit, or a survey file); false when it is bad (recorded). */
  const readRowSurvey = (line: number, id: string): SurveyInput | undefined | false => {
    const record = records.find((r) => r.line === line);
    const field = (i: number) => (i >= 0 ? (record?.fields[i] ?? '').trim() : '');
    const iitText = field(iitCol);
    const eitText = field(eitCol);
    const file = field(surveyCol);
    const bad = (th: string, en: string, hint?: string) => {
      problems.push(at(line, th, en, hint));
      return false as const;
    };
    let survey: SurveyInput | undefined;
    if (file !== '') {
      const read = readSurvey(file);
      if ('error' in read)
        return bad(
          `อ่านไฟล์แบบสำรวจของ ${id} ไม่ได้: ${read.error}`,
          `cannot read the survey file of ${id}: ${read.error}`,
        );
      const parsed = surveyInputSchema.safeParse(read.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return bad(
          `ไฟล์แบบสำรวจ ${file} ของ ${id} ไม่ถูกต้อง: "${issue?.path.join('.')}": ${issue?.message}`,
          `the survey file ${file} of ${id} is not valid: "${issue?.path.join('.')}": ${issue?.message}`,
          say(lang, 'ดูรูปแบบใน README หัวข้อ Survey file', 'see "Survey file" in the README'),
        );
      }
      survey = parsed.data;
    }
    if (iitText === '' && eitText === '') return survey;
    if (iitText === '' || eitText === '')
      return bad(
        `${id} ต้องมีทั้ง iit และ eit`,
        `${id} needs both iit and eit`,
        say(lang, 'หรือเว้นว่างทั้งสองช่อง', 'or leave both empty'),
      );
    const score = (t: string) => (/^\d{1,3}(\.\d+)?$/.test(t) && Number(t) <= 100 ? Number(t) : null);
    const iit = score(iitText);
    const eit = score(eitText);
    if (iit === null || eit === null)
      return bad(
        `คะแนน iit/eit ของ ${id} ต้องเป็นตัวเลข 0–100 (พบ "${iitText}", "${eitText}")`,
        `the iit/eit of ${id} must be numbers 0–100 (found "${iitText}", "${eitText}")`,
      );
    return { ...(survey ?? {}), iit, eit };
  };
  for (const record of records) {
    const field = (i: number) => (i >= 0 ? (record.fields[i] ?? '').trim() : '');
    if (record.fields.length > names.length) {
      problems.push(
        at(
          record.line,
          `มี ${record.fields.length} ช่อง แต่หัวตารางมี ${names.length}`,
          `${record.fields.length} fields, the header has ${names.length}`,
          say(lang, 'ครอบชื่อที่มีจุลภาคด้วย "…"', 'quote names holding commas: "…"'),
        ),
      );
      continue;
    }
    const id = field(idCol);
    const name = field(nameCol);
    const url = field(urlCol);
    const yearText = field(yearCol);
    if (!AGENCY_ID.test(id)) {
      problems.push(
        at(
          record.line,
          `agency_id "${id}" ใช้ไม่ได้`,
          `agency_id "${id}" is not usable`,
          say(
            lang,
            'ใช้ตัวอักษรอังกฤษ ตัวเลข . _ - (ไม่เกิน 64 ตัว) เพราะใช้เป็นชื่อไฟล์',
            'use letters, digits, . _ - (at most 64): it names a file',
          ),
        ),
      );
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(
        at(record.line, `agency_id "${id}" ซ้ำกับบรรทัด ${first}`, `agency_id "${id}" repeats line ${first}`),
      );
      continue;
    }
    seen.set(id, record.line);
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
      problems.push(
        at(
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
        ),
      );
      continue;
    }
    let year: number | undefined;
    if (yearText !== '') {
      year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2500 || year > 2700) {
        problems.push(
          at(
            record.line,
            `ปี "${yearText}" ของ ${id} ไม่ใช่ปีงบประมาณ พ.ศ.`,
            `year "${yearText}" of ${id} is not a BE fiscal year`,
            say(lang, 'เช่น 2568 หรือเว้นว่าง', 'e.g. 2568, or leave it empty'),
          ),
        );
        continue;
      }
    }
    const survey = readRowSurvey(record.line, id);
    if (survey === false) continue;
    agencies.push({
      id,
      name: name || id,
      url,
      ...(year !== undefined ? { year } : {}),
      ...(survey ? { survey } : {}),
      line: record.line,
    });
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) {
    // Every bad row at once: fixing a 300-row file one error per run is no way to work.
    const list = problems.map((p) => `  ${p.message}${p.hint ? ` → ${p.hint}` : ''}`).join('\n');
    throw usageError(
      say(
        lang,
        `${file}: ${problems.length} แถวไม่ถูกต้อง (ยังไม่ได้ตรวจหน่วยงานใด)\n${list}`,
        `${file}: ${problems.length} bad rows (nothing was audited)\n${list}`,
      ),
    );
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
  const base = dirname(resolve(cwd, path));
  const readSurvey: SurveyReader = (file) => {
    try {
      return { value: JSON.parse(readFileSync(resolve(base, file), 'utf8')) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { error: say(lang, `ไม่พบ ${file}`, `${file} not found`) };
      return { error: code ? `${file} (${code})` : `${file}: ${(e as Error).message}` };
    }
  };
  return parseAgencies(text, path, lang, readSurvey);
}
