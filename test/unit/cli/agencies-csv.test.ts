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

describe('parseAgencies: every bad row at once, survey columns', () => {
  it('lists every bad row in one error (exit 2), each with its line', () => {
    const text =
      'agency_id,name,url,year,iit,eit\n' +
      'ok1,A,https://a.go.th/,2568,,\n' +
      'bad-url,B,www.b.go.th,,,\n' +
      'ok2,C,https://c.go.th/,2025,,\n' +
      'ok1,D,https://d.go.th/,,,\n' +
      'half,E,https://e.go.th/,,80,\n' +
      'range,F,https://f.go.th/,,80,101\n';
    const m = message(text);
    expect(m).toMatch(/^agencies\.csv: 5 bad rows \(nothing was audited\)/);
    expect(m).toMatch(/line 3: the URL of bad-url is not valid.*→ try https:\/\/www\.b\.go\.th/);
    expect(m).toMatch(/line 4: year "2025" of ok2/);
    expect(m).toMatch(/line 5: agency_id "ok1" repeats line 2/);
    expect(m).toMatch(/line 6: half needs both iit and eit/);
    expect(m).toMatch(/line 7: the iit\/eit of range must be numbers 0–100/);
  });

  it('reads iit and eit columns, and a survey file per agency relative to the CSV', () => {
    const files: Record<string, unknown> = {
      'surveys/b.json': { indicators: { 1: 90, 2: 84, 3: 80, 4: 80, 5: 83, 6: 94, 7: 88, 8: 84 } },
    };
    const read = (p: string) => (p in files ? { value: files[p] } : { error: `${p} not found` });
    const agencies = parseAgencies(
      'agency_id,name,url,iit,eit,survey\n' +
        'a,A,https://a.go.th/,83.81,89.33,\n' +
        'b,B,https://b.go.th/,,,surveys/b.json\n' +
        'c,C,https://c.go.th/,,,\n',
      'agencies.csv',
      'en',
      read,
    );
    expect(agencies.map((a) => a.survey)).toEqual([
      { iit: 83.81, eit: 89.33 },
      files['surveys/b.json'],
      undefined,
    ]);
    const m = (() => {
      try {
        parseAgencies(
          'agency_id,name,url,survey\nx,X,https://x.go.th/,none.json\ny,Y,https://y.go.th/,bad.json\n',
          'agencies.csv',
          'en',
          (p) => (p === 'bad.json' ? { value: { iit: 120, eit: 3 } } : { error: `${p} not found` }),
        );
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(m).toMatch(/line 2: cannot read the survey file of x: none\.json not found/);
    expect(m).toMatch(/line 3: the survey file bad\.json of y is not valid: "iit": must be 0–100/);
  });
});
