import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvCell, csvDocument, csvRow, parseCsv } from '../../../../src/core/report/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and remembers lines', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', 'z'] },
      { line: 5, fields: ['3', '', ''] },
    ]);
  });

  it('drops a BOM and blank lines, accepts CR-only and a missing final newline', () => {
    expect(parseCsv('\uFEFFid,name\r\n\r\nx,กรม\ry,กอง')).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 3, fields: ['x', 'กรม'] },
      { line: 4, fields: ['y', 'กอง'] },
    ]);
  });

  it('keeps an explicitly quoted empty field as a record', () => {
    expect(parseCsv('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('names the line of an unterminated quote and of stray text after a quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
    try {
      parseCsv('a,b\n1,"x"y\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/quote/);
  });
});

describe('csvCell / csvRow', () => {
  it('quotes only when needed and writes numbers as they are', () => {
    expect(csvRow(['plain', 'a,b', 'q"q', 'two\nlines', 12.5, null, ' edge'])).toBe(
      'plain,"a,b","q""q","two\nlines",12.5,," edge"',
    );
  });

  it('neutralises spreadsheet formulas from site text', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });

  it('round-trips any table through write and read (formula guard aside)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
          const back = parseCsv(csvDocument(table)).map((r) => r.fields);
          const expected = table.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(back).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
