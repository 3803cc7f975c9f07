/**
 * CSV in both directions (RFC 4180), for the item CSV, the batch `summary.csv` and the batch
 * input `agencies.csv`.
 *
 * Hand-written rather than a dependency: the format we read is four plain columns, and the rules
 * that matter (quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM
 * from Excel; the line a record starts on, for error messages) fit in one small function that the
 * unit tests cover, including a write → read round trip over arbitrary strings.
 */

/** A byte-order mark: Excel needs it to open UTF-8 (Thai) CSV correctly. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field. Numbers are written as they are; text is quoted when it holds a comma, a quote,
 * a line break or edge spaces. Text that a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR at the start) gets a leading apostrophe: audited sites' text is data, never a formula.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV line (without the line break). */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** A whole CSV document: BOM, rows joined by CRLF (RFC 4180), final CRLF. */
export function csvDocument(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return `${CSV_BOM}${rows.map(csvRow).join('\r\n')}\r\n`;
}

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

/** A CSV file that cannot be read: an unterminated quote or text after a closing quote. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parses CSV text (RFC 4180: comma separator, `"` quoting with `""` escapes, CRLF/LF/CR line
 * ends). Drops a leading BOM and blank lines; each record remembers the line it starts on.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedField = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (but a line holding only `""` is one empty field).
    if (!(fields.length === 1 && fields[0] === '' && !quotedField))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '"' && field === '' && !quotedField) {
      // A quoted field: read to the closing quote.
      quotedField = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvSyntaxError('a quoted field is never closed', startLine);
        const d = src[i] as string;
        if (d === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\r' || d === '\n') {
          if (d === '\r' && src[i + 1] === '\n') {
            field += '\r';
            i++;
          }
          line++;
        }
        field += src[i] as string;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError('text after the closing quote of a field (write "" for a quote)', line);
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') throw new CsvSyntaxError('a quote inside an unquoted field (quote the whole field)', line);
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}
