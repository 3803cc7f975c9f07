import { describe, expect, it } from 'vitest';
import { parseAgencies } from '../../../src/cli/agencies-csv';
import { CliError } from '../../../src/cli/errors';

function message(text: string): string {
  try {
    parseAgencies(text, 'agencies.csv', 'en');
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as CliError).message;
  }
  throw new Error('expected an error');
}

describe('parseAgencies', () => {
  it('reads id, name, url and an optional year; quotes, commas, BOM and extra columns', () => {
    const text =
      '\uFEFFagency_id,name,url,year,ministry\r\n' +
      'moph,"กระทรวงสาธารณสุข, สำนักงานปลัด",https://www.moph.go.th/,2568,สธ\r\n' +
      'dla,"กรม ""ส่งเสริม"" การปกครองท้องถิ่น",https://www.dla.go.th/,,มท\r\n';
    expect(parseAgencies(text, 'agencies.csv', 'en')).toEqual([
      {
        id: 'moph',
        name: 'กระทรวงสาธารณสุข, สำนักงานปลัด',
        url: 'https://www.moph.go.th/',
        year: 2568,
        line: 2,
      },
      { id: 'dla', name: 'กรม "ส่งเสริม" การปกครองท้องถิ่น', url: 'https://www.dla.go.th/', line: 3 },
    ]);
  });

  it('accepts a file without the year column', () => {
    expect(parseAgencies('agency_id,name,url\na1,A,http://127.0.0.1:8080/\n', 'f', 'en')).toHaveLength(1);
  });

  const bad: [string, string, RegExp][] = [
    [
      'a missing column',
      'agency_id,url\nx,https://a.go.th/\n',
      /line 1: the header must name agency_id, name, url/,
    ],
    [
      'a URL without scheme',
      'agency_id,name,url\nx,X,https://a.go.th/\ny,Y,www.b.go.th\n',
      /line 3: the URL of y is not valid/,
    ],
    [
      'an id unusable as a file name',
      'agency_id,name,url\n../etc,X,https://a.go.th/\n',
      /line 2: agency_id "\.\.\/etc"/,
    ],
    [
      'a duplicate id',
      'agency_id,name,url\nx,X,https://a.go.th/\nx,X2,https://b.go.th/\n',
      /line 3: agency_id "x" repeats line 2/,
    ],
    ['a CE year', 'agency_id,name,url,year\nx,X,https://a.go.th/,2025\n', /line 2: year "2025"/],
    [
      'an unquoted comma',
      'agency_id,name,url\nx,กรม, กอง,https://a.go.th/\n',
      /line 2: 4 fields, the header has 3/,
    ],
    [
      'an unterminated quote',
      'agency_id,name,url\nx,"X,https://a.go.th/\n',
      /line 2: a quoted field is never closed/,
    ],
    ['no rows', 'agency_id,name,url\n', /lists no agency/],
  ];
  for (const [what, text, re] of bad) {
    it(`names the line for ${what}`, () => {
      expect(message(text)).toMatch(re);
    });
  }
});
